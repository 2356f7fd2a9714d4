// @switchyard/ppp: the RFC 1661 machinery every PPP protocol plugin shares: the control-packet and
// PPP-frame codecs (codec/), the generic option-negotiation automaton (cp-automaton/) and the link
// phase machine with its protocol demultiplexer (link/). Pure: no sockets, files or timers of its own.

// codec/
export { PppProtocol, type PppProtocolName, protocolName } from './codec/protocols.js';
export { CpCode, type CpCodeName, codeName, isCodeDefined } from './codec/codes.js';
export {
  type CpOption,
  MAX_OPTION_DATA,
  decodeCpOptions,
  encodeCpOptions,
  cpOptionEquals,
  cpOptionListEquals,
} from './codec/cp-options.js';
export {
  type CpPacket,
  type ConfigurePacket,
  type TerminatePacket,
  type CodeRejectPacket,
  type ProtocolRejectPacket,
  type MagicPacket,
  type OtherPacket,
  CP_HEADER_LENGTH,
  decodeCpPacket,
  encodeCpPacket,
} from './codec/cp-packet.js';
export {
  type PppFrame,
  type PppFraming,
  PPP_MAX_FRAME_HEADER,
  UNCOMPRESSED_FRAMING,
  decodePppFrame,
  encodePppFrame,
} from './codec/ppp-frame.js';
export {
  type CpFormatSpec,
  type OptionFormatter,
  formatCpPacket,
  formatOption,
  quote,
} from './codec/format.js';

// cp-automaton/
export {
  type State,
  type Event,
  type Action,
  type Cell,
  STATES,
  EVENTS,
  TABLE,
  FOOTNOTES,
  TIMER_STATES,
} from './cp-automaton/table.js';
export type {
  OptionSpec,
  AnyOptionSpec,
  Verdict,
  ProtocolSpec,
  ExtraCodeVerdict,
  CpAutomatonView,
  NegotiatedOption,
} from './cp-automaton/option-spec.js';
export type { CpOutput, LayerSignal, DiscardReason } from './cp-automaton/outputs.js';
export { type CpSettings, CP_DEFAULTS, resolveCpSettings } from './cp-automaton/settings.js';
export { CpAutomaton, type CpAutomatonOptions } from './cp-automaton/automaton.js';
export { judgeRequest, type JudgedRequest } from './cp-automaton/request-judge.js';

// link/
export {
  type LinkPhase,
  type LinkEvent,
  type ProtocolPhase,
  LINK_PHASES,
  PHASE_TABLE,
  PHASE_ACCEPTS,
  nextPhase,
} from './link/phase.js';
export {
  PppLink,
  type PppLinkOptions,
  type ProtocolHandler,
  type LinkReceipt,
  type LinkDiscardReason,
  protocolReject,
} from './link/ppp-link.js';

// session/: contracts between the PPP session driver and protocol plugins
export * from './session/index.js';
