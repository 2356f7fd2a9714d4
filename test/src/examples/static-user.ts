// The plugin shown in README.md ("Writing a plugin"), kept here so that the example always compiles
// and is exercised by a test.
import { credentialStoreToken, definePlugin, type CredentialStore } from '@switchyard/core';

interface StaticUserConfig {
  user: string;
  secret: string;
}

export const staticUserPlugin = definePlugin<StaticUserConfig>({
  id: 'static-user', // also the name of its config section
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['user', 'secret'],
    properties: { user: { type: 'string', minLength: 1 }, secret: { type: 'string', minLength: 8 } },
  },
  provides: [credentialStoreToken],
  register: (container, config) => {
    const store: CredentialStore = {
      name: 'static-user',
      lookup: async ({ user }) =>
        user === config.user
          ? { kind: 'found', secret: config.secret, addresses: [] }
          : { kind: 'not-found' },
    };
    container.registerInstance(credentialStoreToken, store);
  },
  start: ({ logger }) => {
    logger.info('static user ready'); // every record carries plugin=static-user
    return { stop: () => logger.info('static user stopped') };
  },
});
