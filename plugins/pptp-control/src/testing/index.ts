// Test helpers exported as @switchyard/plugin-pptp-control/testing: capture fixtures, sample messages,
// a pcap writer and a tshark runner for the interop checks.
export * as captures from './captures.js';
export { SAMPLE_MESSAGES } from './sample-messages.js';
export { concatBytes, seededRandom, randomBytes } from './bytes.js';
export { pcapFile, ipv4Packet, internetChecksum, LINKTYPE_RAW, TcpConversation } from './pcap.js';
export { runTshark, tsharkAvailable, tsharkFields } from './tshark.js';
export { harness, sent, sentOne, events, kinds, type Harness } from './harness.js';
