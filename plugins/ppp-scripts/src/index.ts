// @switchyard/plugin-ppp-scripts: pppd's ip-pre-up / ip-up / ip-down scripts for every session.
export { pppScriptsPlugin } from './plugin.js';
export {
  pppScriptsConfigSchema,
  pppdScriptPaths,
  validatePppScriptsConfig,
  type PppScriptsConfig,
} from './config.js';
export { scriptArguments, scriptEnvironment, scriptPath, type ScriptFacts } from './machine/invocation.js';
