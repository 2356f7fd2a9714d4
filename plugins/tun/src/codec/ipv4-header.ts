// The two facts the TUN data path needs from a packet the kernel routed to the device: is it a
// well-formed IPv4 packet, and where is it going (RFC 791 §3.1). Allocation-free accessors over the
// read batch's slab, in the spirit of smoltcp's check_len: the length is proven before any field read.

/** Negative results of {@link ipv4PacketLength}, one per drop counter. */
export const Ipv4Malformed = {
  /** Shorter than the 20-byte minimum header. */
  truncated: -1,
  /** Version 6: the device carries IPv6 too (router solicitations, MLD), which PPTP sessions here do not. */
  ipv6: -2,
  /** Neither 4 nor 6. */
  version: -3,
  /** IHL below 5 or past the end of the packet. */
  headerLength: -4,
  /** Total Length below the header or past the bytes read. */
  totalLength: -5,
} as const;

/**
 * Total Length of the IPv4 packet in `bytes[offset, offset + length)`, or a negative
 * {@link Ipv4Malformed} code. Bytes after Total Length (never seen from a TUN read) are not part of it.
 */
export function ipv4PacketLength(bytes: Uint8Array, offset: number, length: number): number {
  if (length < 1) return Ipv4Malformed.truncated;
  const first = bytes[offset] as number;
  const version = first >> 4;
  if (version !== 4) return version === 6 ? Ipv4Malformed.ipv6 : Ipv4Malformed.version;
  if (length < 20) return Ipv4Malformed.truncated;
  const headerLength = (first & 0x0f) * 4;
  if (headerLength < 20 || headerLength > length) return Ipv4Malformed.headerLength;
  const total = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
  if (total < headerLength || total > length) return Ipv4Malformed.totalLength;
  return total;
}

/** Destination Address (bytes 16–19) as a host-order uint32; call only after ipv4PacketLength > 0. */
export function ipv4Destination(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset + 16] as number) << 24) |
      ((bytes[offset + 17] as number) << 16) |
      ((bytes[offset + 18] as number) << 8) |
      (bytes[offset + 19] as number)) >>>
    0
  );
}

/** Dotted quad → host-order uint32, or undefined when `text` is not one. */
export function parseIpv4Address(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Host-order uint32 → dotted quad (for logs). */
export function formatIpv4Address(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}
