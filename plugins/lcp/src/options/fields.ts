// Big-endian field helpers shared by the LCP option files (RFC 1661 §6 option shapes).

export const readU16 = (data: Uint8Array, at = 0): number =>
  ((data[at] as number) << 8) | (data[at + 1] as number);

export const readU32 = (data: Uint8Array, at = 0): number =>
  ((readU16(data, at) << 16) | readU16(data, at + 2)) >>> 0;

export const u16Bytes = (value: number): Uint8Array => new Uint8Array([(value >> 8) & 0xff, value & 0xff]);

export const u32Bytes = (value: number): Uint8Array =>
  new Uint8Array([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);

/** pppd's `0x%x`. */
export const hex32 = (value: number): string => `0x${(value >>> 0).toString(16)}`;

/** pppd prints an option's bytes beyond what it understands as ` %.2x` each (lcp_printpkt). */
export const trailingHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => ' ' + b.toString(16).padStart(2, '0')).join('');

export const ACK = { verdict: 'ack' } as const;
export const REJECT = { verdict: 'reject' } as const;
