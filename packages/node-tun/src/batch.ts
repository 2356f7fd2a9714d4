// Packet batches: many packets in one buffer, described by parallel offset/length arrays, so that a
// wakeup's worth of packets crosses into JS as one callback with no per-packet allocation.

/**
 * Packets packed in one buffer: packet `i` is `buffer[offsets[i], offsets[i] + lengths[i])` for
 * `i < count`. Accepted by `TunDevice.writeBatch` and `RawIpSocket.sendBatch`; a received batch
 * can be passed straight back.
 */
export interface PackedPackets {
  readonly buffer: Uint8Array;
  readonly offsets: Uint32Array;
  readonly lengths: Uint32Array;
  readonly count: number;
}

/**
 * A batch delivered by a read. Ownership: `buffer` and the arrays belong to the device and are
 * reused for every batch, so they are valid only until the handler returns. Keep a packet beyond
 * that with `copyPacket`; a `packetAt` view is overwritten by the next batch. The arrays have the
 * device's batch capacity; only the first `count` entries are meaningful.
 */
export interface PacketBatch extends PackedPackets {
  readonly buffer: Buffer;
}

/** A raw-socket batch: payloads (IP header stripped) and each packet's IPv4 source (host order). */
export interface ReceivedBatch extends PacketBatch {
  readonly sources: Uint32Array;
}

/** Handler for read batches; it must not keep references into the batch after returning. */
export type PacketHandler<B extends PacketBatch = PacketBatch> = (batch: B) => void;

/** A view of packet `index` (no copy): valid only while the batch is. */
export function packetAt(batch: PackedPackets, index: number): Buffer {
  const offset = batch.offsets[index] ?? 0;
  const length = index < batch.count ? (batch.lengths[index] ?? 0) : 0;
  return Buffer.from(batch.buffer.buffer, batch.buffer.byteOffset + offset, length);
}

/** A copy of packet `index` that the caller owns. */
export function copyPacket(batch: PackedPackets, index: number): Buffer {
  return Buffer.from(packetAt(batch, index));
}

/** Packs packets into one buffer (for senders that build batches ahead of time). */
export function packPackets(packets: readonly Uint8Array[]): PackedPackets {
  const offsets = new Uint32Array(packets.length);
  const lengths = new Uint32Array(packets.length);
  let total = 0;
  packets.forEach((packet, i) => {
    offsets[i] = total;
    lengths[i] = packet.length;
    total += packet.length;
  });
  const buffer = Buffer.allocUnsafe(total);
  packets.forEach((packet, i) => buffer.set(packet, offsets[i]));
  return { buffer, offsets, lengths, count: packets.length };
}

/** The mutable batch object a device hands to its handler, reused across wakeups. */
export class MutableBatch implements ReceivedBatch {
  count = 0;
  readonly buffer: Buffer;
  readonly sources: Uint32Array;

  constructor(
    slab: ArrayBuffer,
    readonly offsets: Uint32Array,
    readonly lengths: Uint32Array,
    sources?: Uint32Array,
  ) {
    this.buffer = Buffer.from(slab);
    this.sources = sources ?? new Uint32Array(0);
  }
}
