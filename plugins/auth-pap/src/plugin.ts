// auth-pap: PAP (RFC 1334) as an Authenticator for both roles, registered under authenticatorToken next
// to the other auth plugins. Logins are checked against the appliance's CredentialStores.
import { authenticatorToken, definePlugin } from '@switchyard/core';
import { type PapConfig, papConfigSchema, papSettings } from './config.js';
import { createPapAuthenticator } from './machine/authenticator.js';

export const authPapPlugin = definePlugin<PapConfig>({
  id: 'auth-pap',
  configSchema: papConfigSchema,
  provides: [authenticatorToken],
  register: (container, config) => {
    container.register(authenticatorToken, { useValue: createPapAuthenticator(papSettings(config)) });
  },
});
