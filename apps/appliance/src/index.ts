export { run, version } from './run.js';
export { parseCli, usage, type CliOptions } from './cli.js';
export { appliancePlugins } from './plugins.js';
export { embeddedConfig } from './config/embedded.js';
export { nativeConfigFromCompat } from './config/from-compat.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
export * from './compat/index.js';
