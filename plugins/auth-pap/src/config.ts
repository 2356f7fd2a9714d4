// auth-pap's config section: pppd's pap-restart, pap-max-authreq and pap-timeout (upap.h defaults).
// pppd checks PAP logins against pap-secrets; we check them against the same CredentialStore chain as
// CHAP (secrets-file = chap-secrets, RADIUS, LDAP), so one file or server serves every protocol.
import { PAP_DEFAULTS, type PapSettings } from './machine/pap-settings.js';

export interface PapConfig {
  /** pppd pap-restart: seconds between Authenticate-Request retransmissions (peer role). */
  readonly restartSeconds: number;
  /** pppd pap-max-authreq: Authenticate-Requests sent before giving up (peer role). */
  readonly maxAuthReq: number;
  /** pppd pap-timeout: seconds the authenticator waits for the peer's Request; 0 = no limit. */
  readonly timeoutSeconds: number;
}

export const papConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    restartSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 300,
      default: PAP_DEFAULTS.restartMs / 1000,
      description: 'pppd pap-restart: seconds between Authenticate-Request retransmissions',
    },
    maxAuthReq: {
      type: 'integer',
      minimum: 1,
      maximum: 255,
      default: PAP_DEFAULTS.maxAuthReq,
      description: 'pppd pap-max-authreq: Authenticate-Requests sent before giving up',
    },
    timeoutSeconds: {
      type: 'integer',
      minimum: 0,
      maximum: 3600,
      default: PAP_DEFAULTS.timeoutMs / 1000,
      description: 'pppd pap-timeout: seconds to wait for the peer to authenticate (0 = no limit)',
    },
  },
} as const;

/** Settings from a validated section; anything missing takes pppd's default. */
export function papSettings(config: Partial<PapConfig> = {}): PapSettings {
  return {
    restartMs: (config.restartSeconds ?? PAP_DEFAULTS.restartMs / 1000) * 1000,
    maxAuthReq: config.maxAuthReq ?? PAP_DEFAULTS.maxAuthReq,
    timeoutMs: (config.timeoutSeconds ?? PAP_DEFAULTS.timeoutMs / 1000) * 1000,
  };
}
