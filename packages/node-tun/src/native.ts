// Loads the node_tun addon (built from native/*.cc by node-gyp) and types its raw surface. Loading is
// lazy so the pure helpers of this package work, and fail clearly, where the addon was not built.
import { createRequire } from 'node:module';
import { NodeTunError } from './errors.js';

/** Arrays a native object allocates once and overwrites on every read wakeup. */
export interface NativeBatchArrays {
  slab: ArrayBuffer;
  offsets: Uint32Array;
  lengths: Uint32Array;
  sources?: Uint32Array;
}

/** `count >= 0`: a batch is ready; `count === -1`: reading stopped on `error`. */
export type NativeReadCallback = (count: number, error?: Error) => void;

/** Counters of a TUN device since it was opened. */
export interface TunDeviceStats {
  packetsRead: number;
  bytesRead: number;
  packetsWritten: number;
  bytesWritten: number;
  /** Writes refused with EAGAIN/ENOBUFS (dropped rather than blocking). */
  writeDrops: number;
  /** Writes the kernel rejected (e.g. EINVAL for a packet that is not IPv4/IPv6, EIO when down). */
  writeErrors: number;
  /** Read failures; the first one stops reading and is reported to `onError`. */
  readErrors: number;
}

/** Counters of a raw IP socket since it was opened. */
export interface RawIpSocketStats {
  packetsReceived: number;
  /** Payload bytes, IP headers excluded. */
  bytesReceived: number;
  packetsSent: number;
  bytesSent: number;
  /** Packets not sent because the socket buffer was full (EAGAIN/ENOBUFS). */
  sendDrops: number;
  /** Packets the kernel refused (e.g. no route, too big); each is skipped. */
  sendErrors: number;
  /** Failed receives and received packets without a valid IPv4 header. */
  receiveErrors: number;
  /**
   * Errors the kernel queued on the socket (IP_RECVERR), mostly ICMP ones such as protocol
   * unreachable from a peer without GRE; they are drained and counted, and reading goes on.
   */
  icmpErrors: number;
  /** Received packets larger than `maxPacketBytes`, dropped. */
  truncated: number;
}

export interface NativeTun {
  info(): { name: string; ifindex: number; mtu: number };
  buffers(): NativeBatchArrays;
  setMtu(mtu: number): void;
  setTxQueueLength(length: number): void;
  setAddress(address: number, peer: number, prefixLength: number): void;
  setUp(up: boolean): void;
  start(callback: NativeReadCallback): void;
  stop(): void;
  write(packet: Uint8Array): boolean;
  writeList(packets: readonly Uint8Array[]): number;
  writePacked(buffer: Uint8Array, offsets: Uint32Array, lengths: Uint32Array, count: number): number;
  stats(): TunDeviceStats;
  close(): void;
}

export interface NativeRawSocket {
  info(): { protocol: number; receiveBufferBytes: number; sendBufferBytes: number };
  buffers(): NativeBatchArrays;
  start(callback: NativeReadCallback): void;
  stop(): void;
  sendList(packets: readonly Uint8Array[], destinations: Uint32Array | number): number;
  sendPacked(
    buffer: Uint8Array,
    offsets: Uint32Array,
    lengths: Uint32Array,
    destinations: Uint32Array | number,
    count: number,
  ): number;
  stats(): RawIpSocketStats;
  close(): void;
}

/** One IPv4 address of an interface, as getifaddrs reports it (see net-config.ts). */
export interface NativeInterfaceAddress {
  name: string;
  device: string;
  address: number;
  netmask: number;
  flags: number;
  hardwareType: number;
  hardwareAddress: string;
}

/** Stateless host configuration calls; the first argument is a netns path ('' = our own). */
export interface NativeNet {
  addRoute(netns: string, address: number, prefixLength: number, ifindex: number, mtu: number): void;
  deleteRoute(netns: string, address: number, prefixLength: number, ifindex: number): void;
  addProxyArp(netns: string, address: number, device: string): void;
  deleteProxyArp(netns: string, address: number, device: string): void;
  listInterfaces(netns: string): NativeInterfaceAddress[];
  readSysctl(netns: string, key: string): string;
  writeSysctl(netns: string, key: string, value: string): void;
}

interface NativeAddon {
  net: NativeNet;
  Tun: new (name: string, netnsPath: string, exclusive: boolean, batchSize: number) => NativeTun;
  RawSocket: new (
    protocol: number,
    netnsPath: string,
    bindAddress: number,
    receiveBufferBytes: number,
    sendBufferBytes: number,
    batchSize: number,
    slotBytes: number,
  ) => NativeRawSocket;
}

let cached: NativeAddon | undefined;

/** The addon, loaded on first use from build/Release (relative to dist/). */
export function addon(): NativeAddon {
  if (cached !== undefined) return cached;
  try {
    cached = createRequire(import.meta.url)('../build/Release/node_tun.node') as NativeAddon;
  } catch (cause) {
    throw new NodeTunError(
      'SY_ERR_NATIVE_UNAVAILABLE',
      'cannot load the node_tun addon; build it with `npm run build:native -w @switchyard/node-tun`',
      { cause },
    );
  }
  return cached;
}
