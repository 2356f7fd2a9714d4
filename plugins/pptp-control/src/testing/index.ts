// Test helpers exported as @switchyard/plugin-pptp-control/testing: capture fixtures, sample messages,
// a pcap writer and a tshark runner for the interop checks.
export * as captures from './captures.js';
export { SAMPLE_MESSAGES } from './sample-messages.js';
export { concatBytes, seededRandom, randomBytes } from '@switchyard/wire/testing';
export {
  pcapFile,
  ipv4Packet,
  internetChecksum,
  LINKTYPE_RAW,
  TcpConversation,
} from '@switchyard/wire/testing';
export { runTshark, tsharkAvailable, tsharkFields } from '@switchyard/wire/testing';
export { harness, sent, sentOne, events, kinds, type Harness } from './harness.js';
export { PnsTestClient } from './pns-client.js';
