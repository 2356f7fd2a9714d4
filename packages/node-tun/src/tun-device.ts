// A Linux TUN device (IFF_TUN | IFF_NO_PI): one IP packet per read/write, read in batches on libuv
// readiness. A thin device in the sense of smoltcp's phy::Device: no queueing or policy here.
import { MutableBatch, type PackedPackets, type PacketBatch, type PacketHandler } from './batch.js';
import { NodeTunError, callNative, invalidArgument, validateInteger } from './errors.js';
import { toIpv4Number, type Ipv4Address } from './ipv4.js';
import { addon, type NativeTun, type TunDeviceStats } from './native.js';
import { netnsPath } from './netns.js';
import { BatchReader, type ErrorHandler } from './reader.js';

export type { TunDeviceStats } from './native.js';

/** Options of {@link TunDevice.open}. */
export interface TunDeviceOptions {
  /** Interface name (at most 15 bytes), or a pattern such as `'sy%d'`; default: the kernel's `tun%d`. */
  name?: string;
  /** Network namespace to create the device in: a name from `ip netns` or an absolute path. */
  netns?: string;
  /** MTU in bytes (68..65535); default: the kernel's 1500. */
  mtu?: number;
  /**
   * Packets the kernel queues for us before dropping (txqueuelen, 1..1000000); default: the tun
   * driver's 500. A reader paused for a few milliseconds (a GC) overflows 500 at high rates.
   */
  txQueueLength?: number;
  /** Local IPv4 address. */
  address?: Ipv4Address;
  /** Point-to-point peer address (pppd style); implies a /32 unless `prefixLength` is given. */
  peer?: Ipv4Address;
  /** Prefix length of `address` (0..32); default 32. */
  prefixLength?: number;
  /** Bring the interface up; default true. */
  up?: boolean;
  /** Fail with SY_ERR_TUN_BUSY if any device already has this name (IFF_TUN_EXCL); default false,
   * which attaches to an existing persistent TUN device of that name. */
  exclusive?: boolean;
  /** Most packets read per wakeup and delivered in one batch (1..1024); default 64. */
  batchSize?: number;
}

/** Address settings of {@link TunDevice.setAddress}. */
export interface TunAddressOptions {
  peer?: Ipv4Address;
  prefixLength?: number;
}

/**
 * A TUN device. Reading is callback-driven: `start(onPackets)` polls the fd and hands each wakeup's
 * packets (up to `batchSize`) to `onPackets` as one {@link PacketBatch}; `stop()` is backpressure,
 * since the kernel then queues (txqueuelen) and drops. Writes never block: a full queue is counted
 * in `writeDrops` and the write returns false.
 */
export class TunDevice {
  /** Interface name the kernel assigned. */
  readonly name: string;
  /** Interface index, e.g. for routes or SO_BINDTOIFINDEX. */
  readonly ifindex: number;
  readonly #native: NativeTun;
  readonly #reader: BatchReader<PacketBatch>;
  #closed = false;

  private constructor(native: NativeTun) {
    this.#native = native;
    const { name, ifindex } = native.info();
    this.name = name;
    this.ifindex = ifindex;
    const arrays = native.buffers();
    this.#reader = new BatchReader<PacketBatch>(
      native,
      new MutableBatch(arrays.slab, arrays.offsets, arrays.lengths),
    );
  }

  /** Creates (or attaches to) the device and applies MTU, address and up; throws NodeTunError. */
  static open(options: TunDeviceOptions = {}): TunDevice {
    const name = options.name ?? '';
    if (typeof name !== 'string') throw invalidArgument('name must be a string');
    const batchSize = validateInteger(options.batchSize ?? 64, 1, 1024, 'batchSize');
    // Validate everything before the interface exists, so bad options never leave one behind.
    if (options.mtu !== undefined) validateInteger(options.mtu, 68, 65535, 'mtu');
    if (options.txQueueLength !== undefined)
      validateInteger(options.txQueueLength, 1, 1_000_000, 'txQueueLength');
    if (options.peer !== undefined && options.address === undefined) {
      throw invalidArgument('peer needs an address');
    }
    const address = options.address === undefined ? undefined : toIpv4Number(options.address);
    const addressing = {
      peer: options.peer === undefined ? undefined : toIpv4Number(options.peer),
      prefixLength: options.prefixLength,
    };
    if (addressing.prefixLength !== undefined)
      validateInteger(addressing.prefixLength, 0, 32, 'prefixLength');
    const path = netnsPath(options.netns);
    const { Tun } = addon();
    const device = new TunDevice(
      callNative(() => new Tun(name, path, options.exclusive ?? false, batchSize)),
    );
    try {
      if (options.mtu !== undefined) device.setMtu(options.mtu);
      if (options.txQueueLength !== undefined) device.setTxQueueLength(options.txQueueLength);
      if (address !== undefined) device.setAddress(address, addressing);
      if (options.up ?? true) device.setUp(true);
    } catch (error) {
      device.close();
      throw error;
    }
    return device;
  }

  /** True once `close()` ran. */
  get closed(): boolean {
    return this.#closed;
  }

  /** True between `start()` and `stop()`/`close()` (or a read failure). */
  get reading(): boolean {
    return this.#reader.reading;
  }

  /** Current MTU, read from the kernel. */
  get mtu(): number {
    return callNative(() => this.#native.info().mtu);
  }

  /** Sets the MTU (SIOCSIFMTU). */
  setMtu(mtu: number): void {
    validateInteger(mtu, 68, 65535, 'mtu');
    callNative(() => this.#native.setMtu(mtu));
  }

  /** Sets the kernel's transmit queue length towards the reader (SIOCSIFTXQLEN, `ip link … txqueuelen`). */
  setTxQueueLength(length: number): void {
    validateInteger(length, 1, 1_000_000, 'txQueueLength');
    callNative(() => this.#native.setTxQueueLength(length));
  }

  /** Sets the IPv4 address, with a point-to-point peer or a prefix (SIOCSIFADDR/DSTADDR/NETMASK). */
  setAddress(address: Ipv4Address, options: TunAddressOptions = {}): void {
    const local = toIpv4Number(address);
    const peer = options.peer === undefined ? -1 : toIpv4Number(options.peer);
    const prefixLength = validateInteger(options.prefixLength ?? 32, 0, 32, 'prefixLength');
    callNative(() => this.#native.setAddress(local, peer, prefixLength));
  }

  /** Brings the interface up or down (SIOCSIFFLAGS). */
  setUp(up: boolean): void {
    callNative(() => this.#native.setUp(up));
  }

  /**
   * Starts reading. `onPackets` gets one batch per wakeup (see {@link PacketBatch} for how long its
   * buffers live); an exception it throws is rethrown asynchronously as an uncaught exception and
   * reading continues. `onError` gets a read failure (e.g. the interface was deleted), after which
   * reading has stopped; without it the failure is an uncaught exception. Calling `start` again
   * replaces the handlers.
   */
  start(onPackets: PacketHandler, onError?: ErrorHandler): void {
    this.#reader.start(onPackets, onError);
  }

  /** Stops reading; idempotent. Packets then wait in the kernel queue. */
  stop(): void {
    this.#reader.stop();
  }

  /** Writes one IP packet; false if it was dropped (queue full) or rejected (see stats). */
  write(packet: Uint8Array): boolean {
    this.#assertOpen();
    return callNative(() => this.#native.write(packet));
  }

  /** Writes packets in one native call; returns how many the kernel accepted. */
  writeBatch(packets: PackedPackets | readonly Uint8Array[]): number {
    this.#assertOpen();
    if (isPacketList(packets)) return callNative(() => this.#native.writeList(packets));
    const { buffer, offsets, lengths, count } = packets;
    return callNative(() => this.#native.writePacked(buffer, offsets, lengths, count));
  }

  /** Counters since open; still readable after close. */
  stats(): TunDeviceStats {
    return this.#native.stats();
  }

  /** Stops reading and closes the fd, which deletes a non-persistent interface; idempotent. */
  close(): void {
    this.#closed = true;
    this.#reader.detach();
    this.#native.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new NodeTunError('SY_ERR_CLOSED', `TUN device ${this.name} is closed`);
  }
}

function isPacketList(packets: PackedPackets | readonly Uint8Array[]): packets is readonly Uint8Array[] {
  return Array.isArray(packets);
}
