// @switchyard/plugin-mppe: CCP (RFC 1962) negotiating MPPE (RFC 3078) with keys from MS-CHAP (RFC 3079),
// as a NetworkControl for the PPP session driver, plus the pure codec and machines it is built from.
export { mppePlugin, mppeControlToken } from './plugin.js';
export {
  mppeConfigSchema,
  validateMppeConfig,
  mppeSettings,
  ccpTimers,
  defaultMppeConfig,
  type MppeConfig,
} from './config.js';
export * from './codec/mppe-option.js';
export * from './codec/mppe-header.js';
export { MppeControlFactory } from './machine/control-factory.js';
export { nativeKeySchedules } from './native-keys.js';
export { CcpControl, type CcpControlOptions } from './machine/ccp-control.js';
export { ccpSpec, mppeOptionSpec, type CcpHooks } from './machine/ccp-spec.js';
export { OTHER_CCP_OPTIONS } from './machine/other-options.js';
export {
  MPPE_OFF,
  sessionPolicy,
  type MppePolicy,
  type MppeSettings,
  type PolicyOutcome,
  type StatefulResync,
} from './machine/policy.js';
export {
  acceptMppeNak,
  desiredMppeBits,
  judgeMppeRequest,
  mppeDirection,
  type MppeDirection,
  type NakOutcome,
} from './machine/negotiation-rules.js';
export { startKeys, type StartKeys } from './machine/session-keys.js';
export { MppeEncryptor, type MppeCipherOptions } from './machine/encryptor.js';
export { MppeDecryptor, SANITY_MAX, flagCountsBetween, type MppeDropReason } from './machine/decryptor.js';
export { MppeDataPath, type MppeDataPathOptions } from './machine/data-path.js';
export {
  ResetRequester,
  RESET_ACK_TIMEOUT_MS,
  type ResetRequesterOptions,
} from './machine/reset-requester.js';
export { newMppeCounters, addMppeCounters, type MppeCounters } from './machine/counters.js';
