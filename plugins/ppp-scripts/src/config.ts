// The ppp-scripts config section: which of pppd's ip-pre-up / ip-up / ip-down scripts run, what they
// are told (ipparam, speed, extra variables), and the limits a server needs that pppd, one process per
// link, never had: how many scripts run at once, how long one may take, how long a stop waits.
import type { ConfigProblem } from '@switchyard/core';

export interface PppScriptsConfig {
  /** pppd `ip-pre-up-script`: run and waited for before the session's route opens. Absent: none. */
  readonly ipPreUp?: string;
  /** pppd `ip-up-script`: run once the session's IP layer is up. Absent: none. */
  readonly ipUp?: string;
  /** pppd `ip-down-script`: run when it goes down, never before that session's ip-up ended. */
  readonly ipDown?: string;
  /** pppd `ipparam`: the scripts' 6th argument; absent: they get 5 arguments, as from pppd. */
  readonly ipparam?: string;
  /** pptpd without `noipparam`: the client's address is the ipparam (over `ipparam`). */
  readonly ipparamPeerAddress: boolean;
  /** The 3rd argument and SPEED: pptpd starts pppd with 115200 (pptpd.conf `speed`). */
  readonly speed: number;
  /** pppd `set NAME=value`: extra variables; pppd's own (IPLOCAL…) win over a name given here. */
  readonly environment: Readonly<Record<string, string>>;
  /** Scripts running at once, over every session (accel-ppp's fork-limit); the rest wait in order. */
  readonly maxConcurrent: number;
  /** A script still running after this long is killed (SIGTERM, SIGKILL 5 s later) and logged. */
  readonly timeoutSeconds: number;
  /** On stop, how long to wait for running and queued scripts (pppd `child-timeout`, 5 s). */
  readonly stopTimeoutSeconds: number;
}

/** pppd 2.4.9 pathnames.h: the scripts pppd runs when no *-script option names others. */
export const pppdScriptPaths = {
  ipPreUp: '/etc/ppp/ip-pre-up',
  ipUp: '/etc/ppp/ip-up',
  ipDown: '/etc/ppp/ip-down',
} as const;

const scriptPath = { type: 'string' } as const;

export const pppScriptsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ipPreUp: scriptPath,
    ipUp: scriptPath,
    ipDown: scriptPath,
    ipparam: { type: 'string' },
    ipparamPeerAddress: { type: 'boolean', default: false },
    speed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 115200 },
    environment: {
      type: 'object',
      additionalProperties: { type: 'string' },
      default: {},
    },
    maxConcurrent: { type: 'integer', minimum: 1, maximum: 1024, default: 16 },
    timeoutSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 86400, default: 60 },
    stopTimeoutSeconds: { type: 'number', minimum: 0, maximum: 3600, default: 5 },
  },
} as const;

/** What the schema cannot say: variable names a shell can read, values execve can pass. */
export function validatePppScriptsConfig(config: Readonly<PppScriptsConfig>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [name, value] of Object.entries(config.environment)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.push({
        path: `/environment/${name}`,
        value: name,
        reason: 'not a variable name: letters, digits and _, not starting with a digit',
      });
    } else if (value.includes('\0')) {
      problems.push({ path: `/environment/${name}`, value, reason: 'contains a NUL byte' });
    }
  }
  for (const key of ['ipPreUp', 'ipUp', 'ipDown'] as const) {
    const value = config[key];
    if (value !== undefined && !value.startsWith('/')) {
      // pppd would look it up relative to its working directory; the appliance's is arbitrary.
      problems.push({ path: `/${key}`, value, reason: 'must be an absolute path (starting with /)' });
    } else if (value?.includes('\0')) {
      problems.push({ path: `/${key}`, value, reason: 'contains a NUL byte' });
    }
  }
  if (config.ipparam?.includes('\0')) {
    problems.push({ path: '/ipparam', value: config.ipparam, reason: 'contains a NUL byte' });
  }
  return problems;
}

/** True when some script is configured; without one the plugin registers nothing. */
export const anyScript = (config: Readonly<PppScriptsConfig>): boolean =>
  config.ipPreUp !== undefined || config.ipUp !== undefined || config.ipDown !== undefined;
