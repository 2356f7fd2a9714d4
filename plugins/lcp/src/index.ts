// @switchyard/plugin-lcp: the PPP Link Control Protocol (RFC 1661, RFC 1570) as a LinkControlFactory.
export { lcpPlugin } from './plugin.js';
export { createLcpFactory, type LcpFactoryOptions } from './factory.js';
export {
  type LcpConfig,
  LCP_DEFAULTS,
  lcpConfigSchema,
  resolveLcpConfig,
  validateLcpConfig,
} from './config.js';
export { Lcp, type LcpSetup } from './machine/lcp.js';
export { lcpAuthPolicy, type LcpAuthPolicy } from './machine/auth-policy.js';
export { EchoKeepAlive, type EchoSettings, type EchoHooks } from './machine/echo.js';
export { terminateText } from './machine/terminate-text.js';
export { mruOption, DEFAULT_MRU, MIN_MRU } from './options/mru.js';
export { accmOption, DEFAULT_ACCM } from './options/accm.js';
export {
  authProtocolOption,
  formatAuth,
  authValueEquals,
  type AuthValue,
  type AuthChoice,
  type AuthPolicy,
} from './options/auth-protocol.js';
export { magicNumberOption, LOOPBACK_FAIL, type MagicNumberOption } from './options/magic-number.js';
export { pfcOption } from './options/pfc.js';
export { acfcOption } from './options/acfc.js';
export { callbackOption, CBCP_OPERATION, type CallbackValue } from './options/callback.js';
