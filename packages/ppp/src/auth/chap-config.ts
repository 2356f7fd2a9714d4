// The config sections of the CHAP plugins (auth-chap-md5, auth-mschapv1, auth-mschapv2): the pppd
// options that tune CHAP (chap-restart, chap-max-challenge, chap-interval, chapms-strip-domain) plus
// MS-CHAP retries.
// JSON schemas with defaults and additionalProperties false, and their conversion to ChapSettings.
import { CHAP_DEFAULTS, type ChapSettings } from './chap-digest.js';

/** auth-chap-md5's section. */
export interface ChapConfig {
  /** pppd chap-restart: seconds between Challenge (and, as peer, Response) retransmissions. */
  readonly restartSeconds: number;
  /** pppd chap-max-challenge: Challenges sent before giving up (as peer: Responses). */
  readonly maxChallenge: number;
  /** pppd chap-interval: seconds after each success before the peer is challenged again; 0 = never. */
  readonly intervalSeconds: number;
}

/** auth-mschapv1's and auth-mschapv2's section. */
export interface MschapConfig extends ChapConfig {
  /** Further Responses allowed after a failed one: R=1 while some remain (0 = one attempt, R=0). */
  readonly maxRetries: number;
  /** How long to wait for the peer's retried Response after an R=1 Failure. */
  readonly retryTimeoutSeconds: number;
  /** pppd chapms-strip-domain: look "DOMAIN\user" up (and report it) as "user". */
  readonly stripDomain: boolean;
}

const chapProperties = {
  restartSeconds: {
    type: 'integer',
    minimum: 1,
    maximum: 300,
    default: CHAP_DEFAULTS.restartMs / 1000,
    description: 'pppd chap-restart: seconds between Challenge retransmissions',
  },
  maxChallenge: {
    type: 'integer',
    minimum: 1,
    maximum: 255,
    default: CHAP_DEFAULTS.maxChallenge,
    description: 'pppd chap-max-challenge: Challenges sent before the authentication fails',
  },
  intervalSeconds: {
    type: 'integer',
    minimum: 0,
    maximum: 86_400,
    default: CHAP_DEFAULTS.intervalMs / 1000,
    description:
      'pppd chap-interval: seconds after each success before the peer is challenged again (0: never); a failed or unanswered rechallenge ends the session',
  },
} as const;

export const chapConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: chapProperties,
} as const;

export const mschapConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...chapProperties,
    maxRetries: {
      type: 'integer',
      minimum: 0,
      maximum: 10,
      default: CHAP_DEFAULTS.maxRetries,
      description:
        'failed Responses the peer may retry (Failure R=1); 0 ends at the first failure, as pppd does',
    },
    retryTimeoutSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 600,
      default: CHAP_DEFAULTS.retryTimeoutMs / 1000,
      description: 'seconds to wait for a retried Response after a Failure with R=1',
    },
    stripDomain: {
      type: 'boolean',
      default: CHAP_DEFAULTS.stripDomain,
      description: 'pppd chapms-strip-domain: look "DOMAIN\\user" up as "user"',
    },
  },
} as const;

/** Settings from a validated section; anything missing takes pppd's default. */
export function chapSettings(config: Partial<MschapConfig> = {}): ChapSettings {
  return {
    restartMs: (config.restartSeconds ?? CHAP_DEFAULTS.restartMs / 1000) * 1000,
    maxChallenge: config.maxChallenge ?? CHAP_DEFAULTS.maxChallenge,
    maxRetries: config.maxRetries ?? CHAP_DEFAULTS.maxRetries,
    retryTimeoutMs: (config.retryTimeoutSeconds ?? CHAP_DEFAULTS.retryTimeoutMs / 1000) * 1000,
    stripDomain: config.stripDomain ?? CHAP_DEFAULTS.stripDomain,
    intervalMs: (config.intervalSeconds ?? CHAP_DEFAULTS.intervalMs / 1000) * 1000,
  };
}
