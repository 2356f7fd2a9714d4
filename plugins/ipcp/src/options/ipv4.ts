// Dotted-quad IPv4 addresses as IPCP carries them: 4 bytes, big-endian (RFC 1332 §3.3).

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** '10.0.0.1' → 0x0a000001, or undefined when it is not a dotted quad. */
export function parseIpv4(text: string): number | undefined {
  const parts = DOTTED.exec(text)?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 255)) return undefined;
  return parts.reduce((acc, part) => ((acc << 8) | part) >>> 0, 0);
}

export const formatIpv4 = (value: number): string =>
  [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');

export const readIpv4 = (data: Uint8Array): number =>
  (((data[0] as number) << 24) |
    ((data[1] as number) << 16) |
    ((data[2] as number) << 8) |
    (data[3] as number)) >>>
  0;

export const ipv4Bytes = (value: number): Uint8Array =>
  new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
