// The MPPE packet (RFC 3078 §3, §3.1): PPP protocol 0x00FD, then A B C D flag bits and a 12-bit
// coherency count, then the encrypted protocol field and data. Allocation-free accessors for the hot path.

/** Only these PPP protocols are encrypted; control protocols go in clear (RFC 3078 §3). */
export const MPPE_FIRST_COVERED = 0x0021;
export const MPPE_LAST_COVERED = 0x00fa;

/** True for protocols the MPPE processor encrypts (0x0021–0x00FA: IP, IPv6, VJ…). */
export const isMppeCovered = (protocol: number): boolean =>
  protocol >= MPPE_FIRST_COVERED && protocol <= MPPE_LAST_COVERED;

/** Flag bits of the first header octet (RFC 3078 §3.1; Linux ppp_mppe.c MPPE_BIT_*). */
export const MppeFlag = {
  /** A: the RC4 tables were initialised before this packet ("FLUSHED"). */
  FLUSHED: 0x80,
  /** B: MPPC only ("no significance in MPPE"). */
  B: 0x40,
  /** C: MPPC only ("no significance in MPPE"). */
  C: 0x20,
  /** D: the packet is encrypted. */
  ENCRYPTED: 0x10,
} as const;

/** Two octets: flags in the top 4 bits, coherency count in the low 12. */
export const MPPE_HEADER_LENGTH = 2;
/**
 * What MPPE adds to a covered frame: the header and the encrypted 2-byte protocol field (pppd MPPE_PAD,
 * taken off the interface MTU when MPPE is Acked, ccp.c ccp_reqci).
 */
export const MPPE_OVERHEAD = MPPE_HEADER_LENGTH + 2;
/** The coherency count wraps at 4096 (§3.1: "When the counter reaches 4095 (0x0FFF), it is reset to 0"). */
export const COHERENCY_SPACE = 4096;
export const COHERENCY_MASK = 0x0fff;

/**
 * Linux ppp_mppe rejects a payload of 3 bytes or less (header plus at most one encrypted octet): there
 * is not even room for a compressed protocol field and one data octet.
 */
export const MPPE_MIN_PAYLOAD = 4;

/** The flag bits (A B C D) of an MPPE payload (the bytes after the 0x00FD protocol field). */
export const mppeFlags = (payload: Uint8Array): number => (payload[0] ?? 0) & 0xf0;

/** The coherency count of an MPPE payload. */
export const mppeCoherencyCount = (payload: Uint8Array): number =>
  (((payload[0] ?? 0) & 0x0f) << 8) | (payload[1] ?? 0);

/** Writes the 2-byte header into `out` at `at`. */
export function writeMppeHeader(out: Uint8Array, flags: number, coherencyCount: number, at = 0): void {
  out[at] = (flags & 0xf0) | ((coherencyCount >> 8) & 0x0f);
  out[at + 1] = coherencyCount & 0xff;
}

/** `(to − from) mod 4096`: how far `to` is ahead of `from` on the coherency-count circle. */
export const coherencyDistance = (from: number, to: number): number => (to - from) & COHERENCY_MASK;

/** `A-D cc=0x003` style text for traces: the set flags by letter, then the count. */
export function formatMppeHeader(payload: Uint8Array): string {
  const flags = mppeFlags(payload);
  const letters = (
    [
      ['A', MppeFlag.FLUSHED],
      ['B', MppeFlag.B],
      ['C', MppeFlag.C],
      ['D', MppeFlag.ENCRYPTED],
    ] as const
  )
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name)
    .join('');
  return `${letters || '-'} cc=0x${mppeCoherencyCount(payload).toString(16).padStart(3, '0')}`;
}
