// The pptp-control plugin's config section, in pptpd's terms (pptpd.conf `listen`, `connections`,
// `stimeout`) plus the RFC 2637 keep-alive timers.

export interface PptpControlConfig {
  /** Address the TCP listener binds (pptpd `listen`; default all addresses). */
  readonly listen: string;
  readonly port: number;
  /** Most calls at once, appliance-wide (pptpd `connections`, default 100). */
  readonly connections: number;
  /** Seconds a new connection may take to send Start-Control-Connection-Request (pptpd `stimeout`, 10). */
  readonly stimeout: number;
  /** Seconds of silence before we send an Echo-Request, and to wait for its reply (RFC 2637 §3.1.4: 60). */
  readonly echoInterval: number;
  readonly echoTimeout: number;
  /** Host name in our Start-Control-Connection-Reply (default: this machine's host name). */
  readonly hostName?: string;
  readonly vendor: string;
}

export const pptpControlConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    listen: { type: 'string', format: 'ipv4', default: '0.0.0.0' },
    port: { type: 'integer', minimum: 0, maximum: 65535, default: 1723 }, // 0: any free port (tests)
    connections: { type: 'integer', minimum: 1, maximum: 65535, default: 100 },
    stimeout: { type: 'integer', minimum: 1, maximum: 3600, default: 10 },
    echoInterval: { type: 'integer', minimum: 0, maximum: 3600, default: 60 },
    echoTimeout: { type: 'integer', minimum: 1, maximum: 3600, default: 60 },
    hostName: { type: 'string', maxLength: 64 },
    vendor: { type: 'string', maxLength: 64, default: 'Switchyard' },
  },
} as const;
