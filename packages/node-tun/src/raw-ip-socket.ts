// A raw IPv4 socket for one IP protocol (47 carries PPTP's enhanced GRE, RFC 2637 §4.4). Sends and
// receives in batches (sendmmsg/recvmmsg), because per-packet syscalls and callbacks are what made
// the old `raw-socket` package's receiver fall behind.
import { MutableBatch, type PackedPackets, type PacketHandler, type ReceivedBatch } from './batch.js';
import { NodeTunError, callNative, invalidArgument, validateInteger } from './errors.js';
import { toIpv4Number, type Ipv4Address } from './ipv4.js';
import { addon, type NativeRawSocket, type RawIpSocketStats } from './native.js';
import { netnsPath } from './netns.js';
import { BatchReader, type ErrorHandler } from './reader.js';

export type { RawIpSocketStats } from './native.js';

/** Options of {@link RawIpSocket.open}. */
export interface RawIpSocketOptions {
  /** IP protocol number (1..254), e.g. 47 for GRE. */
  protocol: number;
  /** Network namespace to open the socket in: a name from `ip netns` or an absolute path. */
  netns?: string;
  /** Local IPv4 address to bind (sets the source of sent packets, filters received ones). */
  bindAddress?: Ipv4Address;
  /** Requested SO_RCVBUF; SO_RCVBUFFORCE is tried first so root may exceed net.core.rmem_max. */
  receiveBufferBytes?: number;
  /** Requested SO_SNDBUF, with SO_SNDBUFFORCE first likewise. */
  sendBufferBytes?: number;
  /** Most packets received per wakeup (one recvmmsg) and delivered in one batch (1..1024); default 64. */
  batchSize?: number;
  /** Largest IP packet (header included) received whole; larger ones count as `truncated`. Default 4096. */
  maxPacketBytes?: number;
}

/**
 * A raw IPv4 socket. The kernel builds the IP header on send (pass payloads only); received
 * packets are delivered without their IP header, with the sender's address alongside in
 * `batch.sources`. Sends never block: when the socket buffer is full the rest of the batch is
 * counted in `sendDrops`.
 */
export class RawIpSocket {
  /** The IP protocol number this socket carries. */
  readonly protocol: number;
  readonly #native: NativeRawSocket;
  readonly #reader: BatchReader<ReceivedBatch>;
  #closed = false;

  private constructor(native: NativeRawSocket, protocol: number) {
    this.#native = native;
    this.protocol = protocol;
    const arrays = native.buffers();
    this.#reader = new BatchReader<ReceivedBatch>(
      native,
      new MutableBatch(arrays.slab, arrays.offsets, arrays.lengths, arrays.sources),
    );
  }

  /** Opens (and optionally binds) the socket; throws NodeTunError (SY_ERR_RAW_PERMISSION without CAP_NET_RAW). */
  static open(options: RawIpSocketOptions): RawIpSocket {
    const protocol = validateInteger(options.protocol, 1, 254, 'protocol');
    const batchSize = validateInteger(options.batchSize ?? 64, 1, 1024, 'batchSize');
    const slotBytes = validateInteger(options.maxPacketBytes ?? 4096, 20, 65535, 'maxPacketBytes');
    const rcvbuf = validateInteger(options.receiveBufferBytes ?? 0, 0, 0x3fffffff, 'receiveBufferBytes');
    const sndbuf = validateInteger(options.sendBufferBytes ?? 0, 0, 0x3fffffff, 'sendBufferBytes');
    const bind = options.bindAddress === undefined ? -1 : toIpv4Number(options.bindAddress);
    const path = netnsPath(options.netns);
    const { RawSocket } = addon();
    const native = callNative(
      () => new RawSocket(protocol, path, bind, rcvbuf, sndbuf, batchSize, slotBytes),
    );
    return new RawIpSocket(native, protocol);
  }

  /** True once `close()` ran. */
  get closed(): boolean {
    return this.#closed;
  }

  /** True between `start()` and `stop()`/`close()`. */
  get reading(): boolean {
    return this.#reader.reading;
  }

  /** Effective SO_RCVBUF as the kernel reports it (it doubles the request for bookkeeping). */
  get receiveBufferBytes(): number {
    return this.#native.info().receiveBufferBytes;
  }

  /** Effective SO_SNDBUF as the kernel reports it. */
  get sendBufferBytes(): number {
    return this.#native.info().sendBufferBytes;
  }

  /**
   * Starts receiving: one recvmmsg per wakeup, delivered as one {@link ReceivedBatch} (valid only
   * during the call). ICMP errors reported on the socket are counted in `icmpErrors` and do not
   * stop reading. Handler exceptions are rethrown asynchronously; `onError` gets a failure that
   * stopped reading. Calling `start` again replaces the handlers.
   */
  start(onPackets: PacketHandler<ReceivedBatch>, onError?: ErrorHandler): void {
    this.#reader.start(onPackets, onError);
  }

  /** Stops receiving; idempotent. Packets then queue in SO_RCVBUF and overflow is dropped by the kernel. */
  stop(): void {
    this.#reader.stop();
  }

  /** Sends one payload; false if it was dropped or refused (see stats). */
  send(payload: Uint8Array, destination: Ipv4Address): boolean {
    return this.sendBatch([payload], destination) === 1;
  }

  /**
   * Sends payloads with sendmmsg (chunks of 1024). `destinations` is one address for all, or a
   * Uint32Array of host-order addresses parallel to the packets. Returns how many were sent.
   */
  sendBatch(packets: PackedPackets | readonly Uint8Array[], destinations: Uint32Array | Ipv4Address): number {
    if (this.#closed) throw new NodeTunError('SY_ERR_CLOSED', 'raw socket is closed');
    const to = destinations instanceof Uint32Array ? destinations : toIpv4Number(destinations);
    if (Array.isArray(packets)) {
      const list = packets as readonly Uint8Array[];
      return callNative(() => this.#native.sendList(list, to));
    }
    const { buffer, offsets, lengths, count } = packets as PackedPackets;
    if (to instanceof Uint32Array && to.length < count)
      throw invalidArgument('fewer destinations than packets');
    return callNative(() => this.#native.sendPacked(buffer, offsets, lengths, to, count));
  }

  /** Counters since open; still readable after close. */
  stats(): RawIpSocketStats {
    return this.#native.stats();
  }

  /** Stops receiving and closes the socket; idempotent. */
  close(): void {
    this.#closed = true;
    this.#reader.detach();
    this.#native.close();
  }
}
