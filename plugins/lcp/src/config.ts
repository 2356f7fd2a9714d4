// The lcp config section: pppd's LCP and authentication options under their pppd names in camelCase
// (pppd.8 @ v2.4.9; anchors §1.6). Defaults are pppd's code defaults (fsm.h, lcp.c), except `auth`.
import type { ConfigProblem } from '@switchyard/core';

export interface LcpConfig {
  /** pppd `mru`: the MRU we ask for; the default 1500 is not sent (pppd lcp_cilen). */
  readonly mru: number;
  /** pppd `mtu`: caps the peer's MRU for what we send. Absent: the peer's MRU alone. */
  readonly mtu?: number;
  /** pppd `asyncmap`: requested as pppd does (0); meaningless on PPTP's GRE link. 0xffffffff: not sent. */
  readonly asyncmap: number;
  /** pppd `lcp-echo-interval`: seconds between Echo-Requests; 0 = off (pppd default). */
  readonly lcpEchoInterval: number;
  /** pppd `lcp-echo-failure`: unanswered Echo-Requests before the peer is declared dead; 0 = never. */
  readonly lcpEchoFailure: number;
  /** pppd `lcp-echo-adaptive`: skip the Echo-Request when data arrived since the last one. */
  readonly lcpEchoAdaptive: boolean;
  /** pppd `lcp-restart`: Restart timer, seconds (RFC 1661 §4.6, default 3). */
  readonly lcpRestart: number;
  readonly lcpMaxConfigure: number;
  readonly lcpMaxTerminate: number;
  readonly lcpMaxFailure: number;
  /** pppd `passive`: when our Configure-Requests go unanswered, keep waiting for the peer instead of giving up. */
  readonly passive: boolean;
  /** pppd `silent`: send no LCP packet until the peer's first Configure-Request arrives. */
  readonly silent: boolean;
  /**
   * pppd `auth`: require the peer to authenticate (server role) with any protocol an installed
   * Authenticator offers. Default true here (pppd: false unless a default route exists): a VPN server
   * that lets anyone in should be a deliberate `auth: false`.
   */
  readonly auth: boolean;
  /** pppd `require-*`: require the peer to authenticate with these only (implies `auth`). */
  readonly requirePap: boolean;
  readonly requireChap: boolean;
  readonly requireMschap: boolean;
  readonly requireMschapV2: boolean;
  readonly requireEap: boolean;
  /** pppd `refuse-*` (client role): never authenticate ourselves with these. */
  readonly refusePap: boolean;
  readonly refuseChap: boolean;
  readonly refuseMschap: boolean;
  readonly refuseMschapV2: boolean;
  readonly refuseEap: boolean;
  /** pppd `nopcomp` / `noaccomp`: neither request nor accept the compression. */
  readonly nopcomp: boolean;
  readonly noaccomp: boolean;
  /** false is pppd's `nomagic`. */
  readonly magic: boolean;
}

const seconds = { type: 'integer', minimum: 0, maximum: 86400 } as const;
const count = (fallback: number) =>
  ({ type: 'integer', minimum: 1, maximum: 255, default: fallback }) as const;
const flag = (fallback = false) => ({ type: 'boolean', default: fallback }) as const;

export const lcpConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mru: { type: 'integer', minimum: 128, maximum: 16384, default: 1500 },
    mtu: { type: 'integer', minimum: 128, maximum: 16384 },
    asyncmap: { type: 'integer', minimum: 0, maximum: 0xffffffff, default: 0 },
    lcpEchoInterval: { ...seconds, default: 0 },
    lcpEchoFailure: { type: 'integer', minimum: 0, maximum: 255, default: 0 },
    lcpEchoAdaptive: flag(),
    lcpRestart: { type: 'integer', minimum: 1, maximum: 600, default: 3 },
    lcpMaxConfigure: count(10),
    lcpMaxTerminate: count(2),
    lcpMaxFailure: count(5),
    passive: flag(),
    silent: flag(),
    auth: flag(true),
    requirePap: flag(),
    requireChap: flag(),
    requireMschap: flag(),
    requireMschapV2: flag(),
    requireEap: flag(),
    refusePap: flag(),
    refuseChap: flag(),
    refuseMschap: flag(),
    refuseMschapV2: flag(),
    refuseEap: flag(),
    nopcomp: flag(),
    noaccomp: flag(),
    magic: flag(true),
  },
} as const;

/** pppd's defaults, for code that builds LCP without the config loader (the client app, tests). */
export const LCP_DEFAULTS: LcpConfig = {
  mru: 1500,
  asyncmap: 0,
  lcpEchoInterval: 0,
  lcpEchoFailure: 0,
  lcpEchoAdaptive: false,
  lcpRestart: 3,
  lcpMaxConfigure: 10,
  lcpMaxTerminate: 2,
  lcpMaxFailure: 5,
  passive: false,
  silent: false,
  auth: true,
  requirePap: false,
  requireChap: false,
  requireMschap: false,
  requireMschapV2: false,
  requireEap: false,
  refusePap: false,
  refuseChap: false,
  refuseMschap: false,
  refuseMschapV2: false,
  refuseEap: false,
  nopcomp: false,
  noaccomp: false,
  magic: true,
};

export const resolveLcpConfig = (overrides: Partial<LcpConfig> = {}): LcpConfig => ({
  ...LCP_DEFAULTS,
  ...overrides,
});

export function validateLcpConfig(config: Readonly<LcpConfig>): ConfigProblem[] {
  // pppd: lcp-echo-failure without an interval never fires; say so rather than silently do nothing.
  return config.lcpEchoFailure > 0 && config.lcpEchoInterval === 0
    ? [
        {
          path: '/lcpEchoFailure',
          value: config.lcpEchoFailure,
          reason: 'has no effect without lcpEchoInterval (seconds between Echo-Requests)',
        },
      ]
    : [];
}
