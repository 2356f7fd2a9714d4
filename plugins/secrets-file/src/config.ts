// The secrets-file config section: where chap-secrets is (pppd's `chap-secrets` option) and when it is
// re-read.
import type { ConfigProblem } from '@switchyard/core';

export interface SecretsFileConfig {
  readonly path: string;
  /** Re-read on SIGHUP, as administrators signal daemons to re-read their files. */
  readonly reloadOnSighup: boolean;
  /** Re-read before a lookup when the file changed, as pppd reads it afresh at every login. */
  readonly reloadOnChange: boolean;
  /** Start with no users when the file does not exist yet (instead of refusing to start). */
  readonly allowMissing: boolean;
}

export const secretsFileConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', default: '/etc/ppp/chap-secrets' },
    reloadOnSighup: { type: 'boolean', default: true },
    reloadOnChange: { type: 'boolean', default: true },
    allowMissing: { type: 'boolean', default: false },
  },
} as const;

export function validateSecretsFileConfig(config: Readonly<SecretsFileConfig>): ConfigProblem[] {
  // A relative path would depend on the directory the appliance happens to be started from.
  return config.path.startsWith('/')
    ? []
    : [{ path: '/path', value: config.path, reason: 'must be an absolute path, e.g. /etc/ppp/chap-secrets' }];
}
