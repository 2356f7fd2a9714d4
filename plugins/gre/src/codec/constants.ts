// Enhanced GRE (RFC 2637 §4.1) constants: the flag bits of the first two header bytes, the PPP
// protocol type and header sizes. Byte 0 = C R K S s Recur(3); byte 1 = A Flags(4) Ver(3).

/** IP protocol number of GRE. */
export const IP_PROTOCOL_GRE = 47;
/** Protocol Type for PPP in PPTP's enhanced GRE. */
export const GRE_PROTOCOL_PPP = 0x880b;
/** Ver field: 1 = enhanced GRE. */
export const GRE_VERSION_ENHANCED = 1;

/** Bits of header byte 0 (RFC 2637 §4.1; anchors §6 #3). */
export const GreFlag0 = {
  Checksum: 0x80,
  Routing: 0x40,
  Key: 0x20,
  Sequence: 0x10,
  StrictSourceRoute: 0x08,
  RecursionMask: 0x07,
} as const;

/** Bits of header byte 1: A is bit 8 of the header, i.e. the top bit of the version byte. */
export const GreFlag1 = {
  Acknowledgment: 0x80,
  FlagsMask: 0x78,
  VersionMask: 0x07,
} as const;

/** Flags, protocol type and key: always present. */
export const GRE_BASE_HEADER_LENGTH = 8;
/** With both sequence and acknowledgment numbers. */
export const GRE_MAX_HEADER_LENGTH = 16;
/** An acknowledgment-only packet: base header + the ack where the sequence number would be. */
export const GRE_ACK_ONLY_LENGTH = 12;
