// @switchyard/plugin-secrets-file: pppd's chap-secrets file as a CredentialStore.
export { secretsFilePlugin, secretsFileStoreToken } from './plugin.js';
export { secretsFileConfigSchema, validateSecretsFileConfig, type SecretsFileConfig } from './config.js';
export { SecretsFileStore, type SecretsSource, type SecretsFileStoreOptions } from './store.js';
export {
  loadSecretsFile,
  secretsFileStamp,
  secretsUnreadableCode,
  type LoadedSecrets,
} from './io/read-secrets.js';
export {
  parseChapSecrets,
  maxSecretLength,
  type ChapSecret,
  type ChapSecretEntry,
  type SecretSource,
  type LineProblem,
  type ParsedChapSecrets,
} from './codec/chap-secrets.js';
export { findSecret, matchScore, serverMismatches, type Matchable } from './codec/match.js';
export { checkAddressWord } from './codec/address-words.js';
