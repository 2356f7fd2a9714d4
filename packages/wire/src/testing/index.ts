// Test helpers shared by every codec package (@switchyard/wire/testing): a pcap writer and tshark runner
// for "does Wireshark decode our bytes without malformed or expert fields" checks, and seeded bytes.
export { concatBytes, seededRandom, randomBytes } from './bytes.js';
export { pcapFile, ipv4Packet, internetChecksum, LINKTYPE_RAW, TcpConversation } from './pcap.js';
export { runTshark, tsharkAvailable, tsharkFields } from './tshark.js';
