// pptpd 1.4 / pppd 2.4.9 configuration compatibility: pptpd.conf, options.pptpd and pptpd's flags read
// into one typed CompatConfig. Everything here is pure except io/read-files.ts.
export { resolveCompat, type CompatInput } from './resolve.js';
export { pppdDefaults, pptpdDefaults, type CompatConfig } from './compat-config.js';
export { computeAuthPolicy, type AuthPolicy, type AuthProtocol } from './auth-policy.js';
export { computeMppePolicy, type MppePolicy } from './mppe-policy.js';
export { overlayCommandLine, type PptpdCommandLine } from './command-line.js';
export {
  parsePptpdConf,
  pptpdKeywords,
  type PptpdConf,
  type PptpdConfResult,
  type Setting,
} from './pptpd-conf.js';
export {
  parsePppdOptions,
  peersDirectory,
  type OptionEntry,
  type OptionsFile,
  type PppdOptionsResult,
} from './pppd-options.js';
export type { ChapDigest, PppdOptions, RefusedProtocol } from './pppd/state.js';
export { knownOptionNames } from './pppd/table.js';
export { commandLine, pathOf, type ReadInclude, type Source } from './findings.js';
export { loadCompat, readInclude, type LoadCompatOptions } from './io/read-files.js';
