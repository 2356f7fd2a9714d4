// @switchyard/plugin-pptp-control: the PPTP control connection (RFC 2637 §1–§3). This file exports the
// pure parts: codecs (codec/) and state machines (machine/). The TCP listener and plugin wiring live in
// io/ and plugin.ts.
export * from './codec/constants.js';
export type * from './codec/messages.js';
export { decodePptpHeader, controlMessageName, PptpDecodeReason, type PptpHeader } from './codec/header.js';
export { decodePptpMessage, encodePptpMessage } from './codec/message-codec.js';
export { PptpFramer } from './codec/framer.js';
export { formatPptpMessage } from './codec/format.js';
export { CallIdAllocator, MAX_CALL_ID } from './machine/call-id-allocator.js';
export type * from './machine/types.js';
export { DEFAULT_CONTROL_TIMERS } from './machine/types.js';
export { DEFAULT_PAC_IDENTITY, DEFAULT_PNS_IDENTITY, PPTPD_PAC_IDENTITY } from './machine/identity.js';
export type { PacIdentity, PnsIdentity } from './machine/identity.js';
export {
  PacControlConnection,
  type PacControlOptions,
  type PacControlInput,
  type PacLocalInput,
} from './machine/pac-control-connection.js';
export {
  PnsControlConnection,
  type PnsControlOptions,
  type PnsControlInput,
  type PnsLocalInput,
  type OutgoingCallParameters,
} from './machine/pns-control-connection.js';

// plugin and I/O glue
export { pptpControlPlugin } from './plugin.js';
export { pptpControlConfigSchema, type PptpControlConfig } from './config.js';
export { PacConnection, type PacConnectionOptions } from './pac-connection.js';
export type { ControlSocket } from './io/tcp-listener.js';
