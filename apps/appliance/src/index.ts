export { run, version } from './run.js';
export { parseCli, usage, type CliOptions } from './cli.js';
export { appliancePlugins } from './plugins.js';
export { defaultConfig } from './default-config.js';
