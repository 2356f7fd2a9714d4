// lcp: provides the LinkControlFactory (RFC 1661/1570 LCP) the ppp driver builds per session. At start
// it checks, as pppd does before it runs, that some installed Authenticator can satisfy the auth policy.
import { SwitchyardError, authenticatorToken, definePlugin, type Authenticator } from '@switchyard/core';
import { linkControlToken } from '@switchyard/ppp';
import { type LcpConfig, lcpConfigSchema, validateLcpConfig } from './config.js';
import { createLcpFactory } from './factory.js';
import { lcpAuthPolicy } from './machine/auth-policy.js';

export const lcpPlugin = definePlugin<LcpConfig>({
  id: 'lcp',
  configSchema: lcpConfigSchema,
  provides: [linkControlToken],
  uses: [authenticatorToken],
  validate: validateLcpConfig,
  register: (container, config) => container.registerInstance(linkControlToken, createLcpFactory(config)),
  start: ({ config, container, logger }) => {
    const authenticators: Authenticator[] = container.isRegistered(authenticatorToken, true)
      ? container.resolveAll(authenticatorToken)
      : [];
    const policy = lcpAuthPolicy(config, 'server', authenticators);
    if (policy.required && policy.request.length === 0) {
      // pppd refuses to start: "The remote system is required to authenticate itself but I couldn't
      // find any suitable secret". Here the missing piece is an auth plugin.
      const wanted = policy.requiredNames.length > 0 ? policy.requiredNames.join(', ') : 'any protocol';
      throw new SwitchyardError(
        'SY_ERR_LCP_NO_AUTHENTICATOR',
        `lcp: peers must authenticate (${wanted}) but no auth plugin provides it; ` +
          `installed: ${authenticators.map((a) => a.name).join(', ') || 'none'}`,
      );
    }
    const asked = policy.request.map((choice) => choice.name).join(' > ');
    logger.debug('LCP ready', { auth: policy.required ? asked : 'none', mru: config.mru });
  },
});
