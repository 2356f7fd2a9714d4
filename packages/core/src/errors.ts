// Boot and configuration failures carry a stable code (Fastify's FST_ERR_* pattern) so that callers,
// tests and operators can tell them apart without parsing messages. Bugs throw plain Errors.

export const ErrorCodes = {
  configInvalid: 'SY_ERR_CONFIG_INVALID',
  pluginDuplicate: 'SY_ERR_PLUGIN_DUPLICATE',
  pluginMissingDependency: 'SY_ERR_PLUGIN_MISSING_DEPENDENCY',
  pluginCycle: 'SY_ERR_PLUGIN_CYCLE',
  pluginStartFailed: 'SY_ERR_PLUGIN_START_FAILED',
  applianceState: 'SY_ERR_APPLIANCE_STATE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | `SY_ERR_${string}`;

export class SwitchyardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SwitchyardError';
  }
}

/** One problem found in the configuration: where, what was there, and why it is wrong. */
export interface ConfigProblem {
  readonly path: string;
  readonly value: unknown;
  readonly reason: string;
}

export class ConfigError extends SwitchyardError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(ErrorCodes.configInvalid, formatConfigProblems(problems));
    this.name = 'ConfigError';
  }
}

/** "invalid configuration, N problems:" then one indented line per problem: path, reason, value. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  const lines = problems.map(
    (p) => `  ${p.path || '/'}: ${p.reason} (value: ${JSON.stringify(p.value) ?? 'undefined'})`,
  );
  return `invalid configuration, ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}
