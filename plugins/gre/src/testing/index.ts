// Test helpers exported as @switchyard/plugin-gre/testing: capture fixtures, a pcap writer, a tshark
// runner and a seeded PRNG.
export * as captures from './captures.js';
export { concatBytes, seededRandom, randomBytes } from '@switchyard/wire/testing';
export {
  pcapFile,
  ipv4Packet,
  internetChecksum,
  LINKTYPE_RAW,
  TcpConversation,
} from '@switchyard/wire/testing';
export { runTshark, tsharkAvailable, tsharkFields } from '@switchyard/wire/testing';
