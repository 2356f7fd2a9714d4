// secrets-file: pppd's chap-secrets as a CredentialStore. The store is built in register() (no I/O);
// start() reads the file (a file that cannot be read stops the boot) and hooks SIGHUP to re-read it.
import { createToken, credentialStoreToken, definePlugin } from '@switchyard/core';
import { secretsFileConfigSchema, validateSecretsFileConfig, type SecretsFileConfig } from './config.js';
import { loadSecretsFile, secretsFileStamp } from './io/read-secrets.js';
import { onSighup } from './io/sighup.js';
import { SecretsFileStore } from './store.js';

/** This plugin's store with its extras (reload, entries), for management and tests. */
export const secretsFileStoreToken = createToken<SecretsFileStore>('secrets-file.store');

export const secretsFilePlugin = definePlugin<SecretsFileConfig>({
  id: 'secrets-file',
  configSchema: secretsFileConfigSchema,
  provides: [credentialStoreToken, secretsFileStoreToken],
  validate: validateSecretsFileConfig,
  register: (container, config) => {
    const source = {
      path: config.path,
      load: () => loadSecretsFile(config.path),
      stamp: () => secretsFileStamp(config.path),
    };
    const store = new SecretsFileStore(source, {
      reloadOnChange: config.reloadOnChange,
      allowMissing: config.allowMissing,
    });
    container.registerInstance(credentialStoreToken, store);
    container.registerInstance(secretsFileStoreToken, store);
  },
  // A missing or unreadable file stops the boot (SY_ERR_SECRETS_UNREADABLE). pppd itself only opens the
  // file at login and refuses everyone when it is missing; but every ppp install ships the file, so a
  // missing one means a wrong path, which an operator wants to hear about at start, not at the first
  // failed login. `touch` the file to start with no users.
  start: async ({ config, container, logger }) => {
    const store = container.resolve(secretsFileStoreToken);
    await store.open(logger);
    const off = config.reloadOnSighup
      ? onSighup(() => {
          logger.info('SIGHUP: re-reading chap-secrets', { path: config.path });
          void store.reload();
        })
      : undefined;
    return { stop: () => off?.() };
  },
});
