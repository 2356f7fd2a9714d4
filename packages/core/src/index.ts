// @switchyard/core: plugin contract, appliance bootstrap, contracts (tokens + interfaces), sessions,
// config validation, logging and the injected clock.
export { container, inject, injectAll, injectable, singleton, Lifecycle } from './di.js';
export type { DependencyContainer, InjectionToken } from './di.js';
export { createToken, tokenName, type Token } from './tokens.js';
export { type Clock, type Timer, SystemClock, clockToken } from './clock.js';
export {
  ErrorCodes,
  SwitchyardError,
  ConfigError,
  formatConfigProblems,
  type ConfigProblem,
  type ErrorCode,
} from './errors.js';
export * from './logger.js';
export {
  validateConfig,
  mergedSchema,
  coreConfigSchema,
  type CoreConfig,
  type ApplianceConfig,
} from './config.js';
export {
  definePlugin,
  type Plugin,
  type PluginContext,
  type RunningPlugin,
  type ConfigSchema,
} from './plugin.js';
export { orderPlugins } from './plugin-order.js';
export { Appliance, createAppliance, type ApplianceOptions } from './appliance.js';
export * from './sessions/close-reason.js';
export * from './sessions/session.js';
export * from './sessions/session-events.js';
export * from './sessions/session-registry.js';
export * from './contracts/index.js';
