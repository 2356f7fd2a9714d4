// Dotted-quad IPv4 addresses and CIDR prefixes as host-order numbers, for routes and generated packets.

/** `a.b.c.d` → host-order uint32, or undefined. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

export interface Cidr {
  /** The network address (host bits cleared), host order. */
  readonly address: number;
  readonly prefixLength: number;
}

/** `10.0.0.0/24`, or a bare address as a /32. Host bits set below the prefix are an error, as in `ip route`. */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText, lengthText, ...rest] = text.split('/');
  if (addressText === undefined || rest.length > 0) return undefined;
  const address = parseIpv4(addressText);
  const prefixLength =
    lengthText === undefined ? 32 : /^\d{1,2}$/.test(lengthText) ? Number(lengthText) : NaN;
  if (address === undefined || !(prefixLength >= 0 && prefixLength <= 32)) return undefined;
  if ((address & ~prefixMask(prefixLength)) >>> 0 !== 0) return undefined;
  return { address, prefixLength };
}

export const formatCidr = (cidr: Cidr): string => `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;

function prefixMask(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

/** True when `address` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, address: number): boolean {
  const mask = prefixMask(cidr.prefixLength);
  return (address & mask) >>> 0 === cidr.address;
}
