// @switchyard/plugin-gre: PPTP's enhanced GRE data path (RFC 2637 §4). This file exports the pure
// parts: the codec (codec/) and the per-call sequencer and demultiplexer (machine/). The raw socket
// and plugin wiring live in io/ and plugin.ts.
export * from './codec/constants.js';
export {
  checkGrePacket,
  decodeGrePacket,
  encodeGreAck,
  encodeGreInto,
  encodeGrePacket,
  greAck,
  greCallId,
  greHasAck,
  greHasSeq,
  greHeaderLength,
  grePayload,
  grePayloadLength,
  grePayloadOffset,
  greSeq,
  GreMalformedReason,
  writeGreHeader,
  type GreHeaderFields,
  type GrePacket,
} from './codec/gre-packet.js';
export { formatGrePacket } from './codec/format.js';
export { seqAdd, seqAfter, seqDiff } from './machine/serial.js';
export { type GreCounters, newGreCounters } from './machine/counters.js';
export { GreReceiver, type GreReceiverOptions, type ReceiveVerdict } from './machine/receiver.js';
export { GreSender, type GreSenderOptions, type SendWindowMode } from './machine/sender.js';
export {
  DEFAULT_GRE_SEQUENCER_CONFIG,
  GreCallSequencer,
  type GreSequencerConfig,
  type GreSequencerOptions,
} from './machine/call-sequencer.js';
export {
  GreDemux,
  ipv4FromBytes,
  ipv4ToNumber,
  type GreDemuxCounters,
  type GreDropReason,
} from './machine/demux.js';

// plugin and I/O
export { grePlugin } from './plugin.js';
export { greConfigSchema, type GreConfig } from './config.js';
export { GreChannel } from './channel.js';
export { GreEndpoint, type GreEndpointOptions } from './io/gre-endpoint.js';
