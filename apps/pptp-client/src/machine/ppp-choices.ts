// The client's authentication and MPPE choices, and the plugin settings they stand for. The default is
// what a pppd PPTP client is usually given: MS-CHAPv2 only (refuse-pap refuse-chap refuse-mschap
// refuse-eap) and require-mppe-128, stateless.
import { defaultMppeConfig, validateMppeConfig, type MppeConfig } from '@switchyard/plugin-mppe';

/** Protocols we may authenticate ourselves with, by pppd's refuse-/require- option suffixes. */
export const AUTH_PROTOCOLS = ['mschap-v2', 'mschap', 'chap', 'pap'] as const;
export type AuthProtocol = (typeof AUTH_PROTOCOLS)[number];
export const DEFAULT_AUTH: readonly AuthProtocol[] = ['mschap-v2'];

/**
 * `128`/`40`: require MPPE and allow that key length (pppd require-mppe-128 / -40; both together are
 * pppd's require-mppe). `stateful`: ask for stateful mode (pppd always asks for stateless).
 * `allow-stateful`: accept stateful if the server insists (pppd mppe-stateful). `none`: no MPPE (nomppe).
 */
export const MPPE_CHOICES = ['128', '40', 'stateful', 'allow-stateful', 'none'] as const;
export type MppeChoice = (typeof MPPE_CHOICES)[number];
export const DEFAULT_MPPE: readonly MppeChoice[] = ['128'];

/** Core's Authenticator names for our protocol names (pppd calls CHAP-MD5 plain "chap"). */
export const AUTHENTICATOR_NAME: Readonly<Record<AuthProtocol, string>> = {
  'mschap-v2': 'mschap-v2',
  mschap: 'mschap',
  chap: 'chap-md5',
  pap: 'pap',
};

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * `--auth` words (`all` = every protocol) minus the pppd-style refusals, in strength order. An empty
 * result is an error: the client could not agree to any protocol the server asks for.
 */
export function resolveAuth(words: readonly string[], refused: readonly string[]): Parsed<AuthProtocol[]> {
  const wanted = new Set<AuthProtocol>();
  for (const word of words) {
    if (word === 'all') AUTH_PROTOCOLS.forEach((p) => wanted.add(p));
    else if ((AUTH_PROTOCOLS as readonly string[]).includes(word)) wanted.add(word as AuthProtocol);
    else
      return {
        ok: false,
        error: `unknown authentication protocol '${word}' (${AUTH_PROTOCOLS.join(', ')}, all)`,
      };
  }
  for (const word of refused) wanted.delete(word as AuthProtocol);
  const value = AUTH_PROTOCOLS.filter((p) => wanted.has(p));
  if (value.length === 0) return { ok: false, error: 'every authentication protocol is refused' };
  return { ok: true, value };
}

/** The mppe plugin's settings for the `--mppe` words, checked as the plugin checks its config. */
export function mppeConfigFor(words: readonly string[]): Parsed<MppeConfig> {
  for (const word of words) {
    if (!(MPPE_CHOICES as readonly string[]).includes(word)) {
      return { ok: false, error: `unknown --mppe value '${word}' (${MPPE_CHOICES.join(', ')})` };
    }
  }
  const has = (word: MppeChoice) => words.includes(word);
  if (has('none') && words.length > 1) return { ok: false, error: `--mppe none cannot be combined` };
  const strengths = has('128') || has('40');
  const config: MppeConfig = {
    ...defaultMppeConfig,
    nomppe: has('none'),
    // `stateful` alone still means "require MPPE": 128-bit, the default strength.
    requireMppe128: has('128') || (!strengths && !has('none')),
    requireMppe40: has('40'),
    mppeStateful: has('allow-stateful'),
    mppeRequestStateful: has('stateful'),
  };
  const problems = validateMppeConfig(config);
  if (problems.length > 0) return { ok: false, error: `--mppe: ${problems.map((p) => p.reason).join('; ')}` };
  return { ok: true, value: config };
}
