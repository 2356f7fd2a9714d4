// IPv4 addresses as host-order uint32 numbers, the form the batch APIs use (a Uint32Array of
// sources costs nothing per packet, a dotted string would cost an allocation).
import { invalidArgument } from './errors.js';

/** An IPv4 address: dotted quad, or a host-order uint32 (`10.0.0.1` is `0x0a000001`). */
export type Ipv4Address = string | number;

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted quad into a host-order uint32; throws SY_ERR_INVALID_ARGUMENT. */
export function parseIpv4(text: string): number {
  const match = DOTTED.exec(text);
  if (match === null) throw invalidArgument(`'${text}' is not an IPv4 address`);
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(match[i]);
    if (octet > 255) throw invalidArgument(`'${text}' is not an IPv4 address`);
    value = value * 256 + octet;
  }
  return value;
}

/** Formats a host-order uint32 as a dotted quad. */
export function formatIpv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Accepts either form and returns the uint32; validates numbers too. */
export function toIpv4Number(address: Ipv4Address): number {
  if (typeof address === 'string') return parseIpv4(address);
  if (!Number.isInteger(address) || address < 0 || address > 0xffffffff) {
    throw invalidArgument(`${address} is not a uint32 IPv4 address`);
  }
  return address;
}
