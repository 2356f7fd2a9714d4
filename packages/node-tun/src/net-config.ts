// Host network configuration beside the TUN device, done in native code rather than by spawning
// `ip`: IPv4 routes through a device with a per-route MTU (rtnetlink), published ARP entries as
// pppd's proxyarp makes them (SIOCSARP), the IPv4 interface list pppd scans for them, and sysctls.
// Every call honours `netns` like TunDevice and RawIpSocket do; failures are NodeTunErrors.
import { callNative, invalidArgument, validateInteger } from './errors.js';
import { toIpv4Number, type Ipv4Address } from './ipv4.js';
import { addon } from './native.js';
import { netnsPath } from './netns.js';

/** Where a call acts: a namespace name from `ip netns`, an absolute path, or (undefined) our own. */
export interface NetnsOption {
  netns?: string;
}

/** A route to `address/prefixLength` out of the interface `ifindex` (scope link, main table). */
export interface RouteOptions extends NetnsOption {
  address: Ipv4Address;
  /** Interface index, e.g. `TunDevice.ifindex`. */
  ifindex: number;
  /** Default 32: a host route. */
  prefixLength?: number;
}

/** {@link addRoute}'s options: a route MTU (RTAX_MTU, what `ip route … mtu N` sets) is optional. */
export interface AddRouteOptions extends RouteOptions {
  /** 68..65535; without it the route uses the device MTU. */
  mtu?: number;
}

/**
 * Adds the route (RTM_NEWROUTE with NLM_F_EXCL). Throws SY_ERR_ROUTE_EXISTS when a route for the same
 * prefix exists (on any device), SY_ERR_NET_NO_DEVICE for an unknown ifindex, SY_ERR_NET_PERMISSION
 * without CAP_NET_ADMIN, SY_ERR_ROUTE otherwise (the message quotes the kernel's reason).
 */
export function addRoute(options: AddRouteOptions): void {
  const { path, address, prefixLength, ifindex } = routeArguments(options);
  const mtu = options.mtu === undefined ? 0 : validateInteger(options.mtu, 68, 65535, 'mtu');
  callNative(() => addon().net.addRoute(path, address, prefixLength, ifindex, mtu));
}

/** Deletes the route (RTM_DELROUTE); SY_ERR_ROUTE_NOT_FOUND when it is not there. */
export function deleteRoute(options: RouteOptions): void {
  const { path, address, prefixLength, ifindex } = routeArguments(options);
  callNative(() => addon().net.deleteRoute(path, address, prefixLength, ifindex));
}

function routeArguments(options: RouteOptions) {
  return {
    path: netnsPath(options.netns),
    address: toIpv4Number(options.address),
    prefixLength: validateInteger(options.prefixLength ?? 32, 0, 32, 'prefixLength'),
    ifindex: validateInteger(options.ifindex, 1, 0x7fffffff, 'ifindex'),
  };
}

/** A published ARP entry: `address` answered with `device`'s own hardware address. */
export interface ProxyArpOptions extends NetnsOption {
  address: Ipv4Address;
  /** The LAN interface, e.g. `eth0` (an alias label such as `eth0:1` is not a device). */
  device: string;
}

/**
 * Publishes `address` on `device` (SIOCSARP, ATF_PERM|ATF_PUBL|ATF_COM, arp_ha = the device's
 * SIOCGIFHWADDR), exactly pppd's sifproxyarp; `ip neigh show proxy` lists it. The kernel answers
 * for it only while forwarding is on and a route to `address` leads elsewhere (arp.c arp_process).
 * Adding an entry that exists succeeds. SY_ERR_NET_NO_DEVICE, SY_ERR_NET_PERMISSION or SY_ERR_ARP.
 */
export function addProxyArp(options: ProxyArpOptions): void {
  const { path, address, device } = proxyArpArguments(options);
  callNative(() => addon().net.addProxyArp(path, address, device));
}

/** Removes the entry (SIOCDARP, pppd's cifproxyarp); SY_ERR_ARP_NOT_FOUND when it is not there. */
export function deleteProxyArp(options: ProxyArpOptions): void {
  const { path, address, device } = proxyArpArguments(options);
  callNative(() => addon().net.deleteProxyArp(path, address, device));
}

function proxyArpArguments(options: ProxyArpOptions) {
  if (typeof options.device !== 'string' || !/^[^\s/:]{1,15}$/.test(options.device)) {
    throw invalidArgument(`'${String(options.device)}' is not an interface name`);
  }
  return { path: netnsPath(options.netns), address: toIpv4Number(options.address), device: options.device };
}

/** Interface flags (linux/if.h) that pppd's choice of a proxy ARP interface looks at. */
export const InterfaceFlags = {
  up: 0x1,
  broadcast: 0x2,
  loopback: 0x8,
  pointToPoint: 0x10,
  noArp: 0x80,
} as const;

/** One IPv4 address of an interface. */
export interface Ipv4InterfaceAddress {
  /** The address's label: the device name, or an alias such as `eth0:1`. */
  readonly name: string;
  /** The device the address is on (`name` without an alias suffix). */
  readonly device: string;
  /** Host-order uint32, like the batch APIs. */
  readonly address: number;
  readonly netmask: number;
  /** The device's IFF_* flags; see {@link InterfaceFlags}. */
  readonly flags: number;
  /** ARPHRD_* (1 = Ethernet, 65534 = none, as on a TUN device). */
  readonly hardwareType: number;
  /** `aa:bb:cc:dd:ee:ff`, or '' for a device without one. */
  readonly hardwareAddress: string;
}

/** Every IPv4 address in the namespace, in kernel order (getifaddrs). */
export function listIpv4Interfaces(options: NetnsOption = {}): Ipv4InterfaceAddress[] {
  const path = netnsPath(options.netns);
  return callNative(() => addon().net.listInterfaces(path));
}

const SYSCTL_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.@-]+)*$/;

function sysctlKey(key: string): string {
  // Slash form ('net/ipv4/neigh/eth0.100/proxy_delay') because interface names may contain dots.
  if (typeof key !== 'string' || !SYSCTL_KEY.test(key) || key.split('/').some((part) => /^\.+$/.test(part))) {
    throw invalidArgument(`'${String(key)}' is not a sysctl key such as 'net/ipv4/ip_forward'`);
  }
  return key;
}

/**
 * Reads `/proc/sys/<key>` inside the namespace (trimmed). Native because /proc/sys/net shows the
 * namespace of the thread that opens it, so a plain read could only see our own.
 */
export function readSysctl(key: string, options: NetnsOption = {}): string {
  const path = netnsPath(options.netns);
  const checked = sysctlKey(key);
  return callNative(() => addon().net.readSysctl(path, checked)).trim();
}

/** Writes `/proc/sys/<key>` inside the namespace; SY_ERR_SYSCTL (e.g. EINVAL) or SY_ERR_NET_PERMISSION. */
export function writeSysctl(key: string, value: string | number, options: NetnsOption = {}): void {
  const path = netnsPath(options.netns);
  const checked = sysctlKey(key);
  callNative(() => addon().net.writeSysctl(path, checked, String(value)));
}
