// pppd's get_ether_addr (sys-linux.c): the LAN interface to publish a peer's address on is the one
// whose IPv4 subnet contains it, among interfaces that are up, broadcast-capable, and neither
// loopback, point-to-point (which skips our TUN device and ppp links) nor NOARP. The longest netmask
// wins; among equals the later one, as pppd's `mask >= bestmask` does.

/** linux/if.h flags the choice looks at. */
export const IfFlags = {
  up: 0x1,
  broadcast: 0x2,
  loopback: 0x8,
  pointToPoint: 0x10,
  noArp: 0x80,
} as const;

const FLAGS_GOOD = IfFlags.up | IfFlags.broadcast;
const FLAGS_MASK = FLAGS_GOOD | IfFlags.pointToPoint | IfFlags.loopback | IfFlags.noArp;

/** One IPv4 address of an interface (node-tun's Ipv4InterfaceAddress, restated to keep this file pure). */
export interface InterfaceAddress {
  /** The address label (`eth0`, or an alias such as `eth0:1`). */
  readonly name: string;
  /** The device (`name` without the alias suffix, which pppd trims too). */
  readonly device: string;
  /** Host-order uint32. */
  readonly address: number;
  readonly netmask: number;
  readonly flags: number;
  /** '' when the device has none. */
  readonly hardwareAddress: string;
}

/**
 * The interface to publish `peer` (host-order uint32) on, or undefined: pppd then logs "Cannot
 * determine ethernet address for proxy ARP". Unlike pppd, an interface without a hardware address is
 * not a candidate at all, so it cannot hide one that has an address.
 */
export function selectProxyArpInterface(
  addresses: readonly InterfaceAddress[],
  peer: number,
): InterfaceAddress | undefined {
  let best: InterfaceAddress | undefined;
  for (const candidate of addresses) {
    if (((candidate.flags ^ FLAGS_GOOD) & FLAGS_MASK) !== 0) continue;
    if (candidate.hardwareAddress === '') continue;
    if (((peer ^ candidate.address) & candidate.netmask) !== 0) continue;
    if (best === undefined || candidate.netmask >>> 0 >= best.netmask >>> 0) best = candidate;
  }
  return best;
}

/** Dotted quad → host-order uint32, or undefined. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255))
    return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}
