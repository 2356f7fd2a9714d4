// The mppe config section: pppd 2.4.9's CCP/MPPE options in camelCase (pppd.8, ccp.c option table),
// resolved into MppeSettings. Defaults are pppd's: no MPPE unless a require-mppe* option is given.
import type { ConfigProblem } from '@switchyard/core';
import type { MppeStrength } from '@switchyard/crypto';
import type { CcpControlOptions } from './machine/ccp-control.js';
import type { MppeSettings, StatefulResync } from './machine/policy.js';

export interface MppeConfig {
  /** pppd `require-mppe`: require MPPE, 40- and 128-bit allowed. */
  readonly requireMppe: boolean;
  /** pppd `require-mppe-40`: require MPPE, allow 40-bit keys. */
  readonly requireMppe40: boolean;
  /** pppd `require-mppe-128`: require MPPE, allow 128-bit keys (the options.pptpd classic). */
  readonly requireMppe128: boolean;
  /** pppd `nomppe` (the default): no MPPE. Contradicts the require options. */
  readonly nomppe: boolean;
  /** pppd `nomppe-40`: never 40-bit keys. */
  readonly nomppe40: boolean;
  /** pppd `nomppe-128`: never 128-bit keys. */
  readonly nomppe128: boolean;
  /** pppd `mppe-stateful`: accept stateful mode if the peer insists (false = `nomppe-stateful`, the default). */
  readonly mppeStateful: boolean;
  /**
   * Not a pppd option: ask for stateful mode in our own Configure-Request (pppd always asks for
   * stateless), e.g. for the project's client against a server with `mppe-stateful`. Implies mppeStateful.
   */
  readonly mppeRequestStateful: boolean;
  /** pppd `noccp`: do not run CCP at all; the peer's CCP is Protocol-Rejected. Incompatible with MPPE. */
  readonly noccp: boolean;
  /**
   * Stateful mode only: 'linux' (default) resynchronises like the Linux kernel every pppd peer runs — a
   * key change on CCP Reset-Request and on every FLUSHED packet; 'rfc3078' re-initialises RC4 with the
   * current key instead, as RFC 3078 §8.2 words it. The two do not interoperate after a loss.
   */
  readonly mppeStatefulResync: StatefulResync;
  /** pppd `ccp-restart` in milliseconds. */
  readonly ccpRestartMs: number;
  /** pppd `ccp-max-configure`. */
  readonly ccpMaxConfigure: number;
  /** pppd `ccp-max-terminate`. */
  readonly ccpMaxTerminate: number;
  /** pppd `ccp-max-failure`. */
  readonly ccpMaxFailure: number;
}

const flag = { type: 'boolean', default: false } as const;
const count = (value: number) => ({ type: 'integer', minimum: 1, maximum: 255, default: value }) as const;

export const mppeConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requireMppe: flag,
    requireMppe40: flag,
    requireMppe128: flag,
    nomppe: flag,
    nomppe40: flag,
    nomppe128: flag,
    mppeStateful: flag,
    mppeRequestStateful: flag,
    noccp: flag,
    mppeStatefulResync: { enum: ['linux', 'rfc3078'], default: 'linux' },
    // pppd fsm.h defaults: DEFTIMEOUT 3 s, DEFMAXCONFREQS 10, DEFMAXTERMREQS 2, DEFMAXNAKLOOPS 5.
    ccpRestartMs: { type: 'integer', minimum: 100, maximum: 600_000, default: 3000 },
    ccpMaxConfigure: count(10),
    ccpMaxTerminate: count(2),
    ccpMaxFailure: count(5),
  },
} as const;

/** Every field at its default: MPPE off, CCP on (pppd without any MPPE option). */
export const defaultMppeConfig: MppeConfig = {
  requireMppe: false,
  requireMppe40: false,
  requireMppe128: false,
  nomppe: false,
  nomppe40: false,
  nomppe128: false,
  mppeStateful: false,
  mppeRequestStateful: false,
  noccp: false,
  mppeStatefulResync: 'linux',
  ccpRestartMs: 3000,
  ccpMaxConfigure: 10,
  ccpMaxTerminate: 2,
  ccpMaxFailure: 5,
};

const requires = (config: Readonly<MppeConfig>): boolean =>
  config.requireMppe || config.requireMppe40 || config.requireMppe128;

/**
 * pppd resolves these by order on the command line; a JSON section has none, so contradictions are
 * reported instead of silently picking one (`nomppe` with a require option, a strength both required
 * and refused, `noccp` with MPPE, or nothing left to negotiate).
 */
export function validateMppeConfig(config: Readonly<MppeConfig>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (path: string, value: unknown, reason: string) => problems.push({ path, value, reason });
  if (config.nomppe && requires(config)) {
    problem('/nomppe', true, 'contradicts requireMppe/requireMppe40/requireMppe128');
  }
  if (config.noccp && requires(config))
    problem('/noccp', true, 'MPPE is negotiated in CCP: noccp would break it');
  if (config.requireMppe40 && config.nomppe40) problem('/nomppe40', true, 'contradicts requireMppe40');
  if (config.requireMppe128 && config.nomppe128) problem('/nomppe128', true, 'contradicts requireMppe128');
  if (problems.length === 0 && requires(config) && !config.nomppe && allowedStrengths(config).length === 0) {
    problem('/nomppe40', true, 'MPPE required, but both 40-bit and 128-bit disabled');
  }
  return problems;
}

/** pppd: require-mppe sets 40|128, require-mppe-40/-128 add one, nomppe-40/-128 remove one. No 56-bit. */
function allowedStrengths(config: Readonly<MppeConfig>): MppeStrength[] {
  const strengths: MppeStrength[] = [];
  if ((config.requireMppe || config.requireMppe128) && !config.nomppe128) strengths.push(128);
  if ((config.requireMppe || config.requireMppe40) && !config.nomppe40) strengths.push(40);
  return strengths;
}

/** The settings a validated config stands for. */
export function mppeSettings(config: Readonly<MppeConfig>): MppeSettings {
  const required = requires(config) && !config.nomppe && !config.noccp;
  return {
    ccp: !config.noccp,
    required,
    strengths: required ? allowedStrengths(config) : [],
    allowStateful: config.mppeStateful || config.mppeRequestStateful,
    requestStateful: config.mppeRequestStateful,
    statefulResync: config.mppeStatefulResync,
  };
}

/** The CCP automaton's timer and counters. */
export function ccpTimers(config: Readonly<MppeConfig>): NonNullable<CcpControlOptions['cp']> {
  return {
    restartIntervalMs: config.ccpRestartMs,
    maxConfigure: config.ccpMaxConfigure,
    maxTerminate: config.ccpMaxTerminate,
    maxFailure: config.ccpMaxFailure,
  };
}
