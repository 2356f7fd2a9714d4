// @switchyard/node-tun: the syscalls Node lacks for a user-space VPN — TUN devices and raw IPv4
// sockets as thin batch-oriented devices, plus routes, proxy ARP entries and sysctls (STYLE.md §3.6:
// the only I/O edge below the gre, tun and proxy-arp plugins).
export {
  TunDevice,
  type TunDeviceOptions,
  type TunAddressOptions,
  type TunDeviceStats,
} from './tun-device.js';
export { RawIpSocket, type RawIpSocketOptions, type RawIpSocketStats } from './raw-ip-socket.js';
export {
  copyPacket,
  packetAt,
  packPackets,
  type PackedPackets,
  type PacketBatch,
  type PacketHandler,
  type ReceivedBatch,
} from './batch.js';
export {
  addProxyArp,
  addRoute,
  deleteProxyArp,
  deleteRoute,
  InterfaceFlags,
  listIpv4Interfaces,
  readSysctl,
  writeSysctl,
  type AddRouteOptions,
  type Ipv4InterfaceAddress,
  type NetnsOption,
  type ProxyArpOptions,
  type RouteOptions,
} from './net-config.js';
export { NodeTunError, type NodeTunErrorCode } from './errors.js';
export { formatIpv4, parseIpv4, type Ipv4Address } from './ipv4.js';
export type { ErrorHandler } from './reader.js';
