// Test helpers exported as @switchyard/plugin-gre/testing: capture fixtures, a pcap writer, a tshark
// runner and a seeded PRNG.
export * as captures from './captures.js';
export { concatBytes, seededRandom, randomBytes } from './bytes.js';
export { pcapFile, ipv4Packet, internetChecksum, LINKTYPE_RAW, TcpConversation } from './pcap.js';
export { runTshark, tsharkAvailable, tsharkFields } from './tshark.js';
