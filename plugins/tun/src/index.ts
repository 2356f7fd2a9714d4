// @switchyard/plugin-tun: the PacketSink on one Linux TUN device with a host route per session.
export { tunPlugin, tunSinkToken } from './plugin.js';
export { tunConfigSchema, type TunConfig } from './config.js';
export { TunPacketSink, type TunSinkOptions, type TunSinkStats } from './io/tun-sink.js';
export { TunPort } from './io/tun-port.js';
export {
  PacketDispatcher,
  newPortCounters,
  type DispatchCounters,
  type DispatchTarget,
  type DropReason,
  type PacketRun,
  type PortCounters,
} from './machine/dispatcher.js';
export {
  Ipv4Malformed,
  formatIpv4Address,
  ipv4Destination,
  ipv4PacketLength,
  parseIpv4Address,
} from './codec/ipv4-header.js';
