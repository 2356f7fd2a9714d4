// The ppp config section: link-wide pppd options that belong to the session driver rather than to one
// protocol (pppd.8: `name`, `idle`, `maxconnect`). LCP/IPCP options live in their plugins' sections.

export interface PppConfig {
  /**
   * pppd `name`: our name in CHAP challenges and the server column of chap-secrets. pppd defaults to
   * the hostname; pptpd setups set it (the seed's options.pptpd: `name pptpd`), so that is the default.
   */
  readonly name: string;
  /** The plugin runs the server (authenticator) side; the client side is runPppSession({ role: 'client' }). */
  readonly role: 'server';
  /** pppd `idle`: disconnect after this many seconds without data packets either way; 0 = never. */
  readonly idle: number;
  /** pppd `maxconnect`: disconnect this many seconds after the first NCP came up; 0 = never. */
  readonly maxconnect: number;
}

export const pppConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255, default: 'pptpd' },
    role: { type: 'string', enum: ['server'], default: 'server' },
    idle: { type: 'integer', minimum: 0, maximum: 31_536_000, default: 0 },
    maxconnect: { type: 'integer', minimum: 0, maximum: 31_536_000, default: 0 },
  },
} as const;
