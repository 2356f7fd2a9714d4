// The endpoint's outbound batch: GRE packets of every call are built in one reused slab and leave in
// one sendmmsg when the current turn of the event loop is done (a microtask), instead of one native
// call, one syscall and one new buffer per packet. A TUN read batch that makes 64 packets for the
// tunnel thus costs one send; a lone packet (an LCP reply) still leaves in the same turn.
import type { RawIpSocket } from '@switchyard/node-tun';
import { GRE_MAX_HEADER_LENGTH } from '../codec/constants.js';
import type { GreCallSequencer } from '../machine/call-sequencer.js';

/** Packets per sendmmsg (node-tun sends chunks of 1024; 256 keeps the slab small). */
const MAX_BATCH = 256;
/** Room for a full batch of the largest PPTP frames (1500-byte path MTU). */
const SLAB_BYTES = MAX_BATCH * 1536;

export class GreSendQueue {
  /** Packets the kernel refused or that found the socket closed (the data path never throws). */
  errors = 0;
  private readonly slab = Buffer.allocUnsafe(SLAB_BYTES);
  private readonly offsets = new Uint32Array(MAX_BATCH);
  private readonly lengths = new Uint32Array(MAX_BATCH);
  private readonly destinations = new Uint32Array(MAX_BATCH);
  private count = 0;
  private used = 0;
  private scheduled = false;
  private readonly flushTask = () => {
    this.scheduled = false;
    this.flush();
  };

  constructor(private readonly socket: RawIpSocket) {}

  /** A complete GRE packet (an ack-only packet), copied into the batch. */
  packet(packet: Uint8Array, peer: number): void {
    const at = this.reserve(packet.length);
    this.slab.set(packet, at);
    this.commit(at, packet.length, peer);
  }

  /**
   * A PPP frame for `sequencer`'s call: copied in behind room for the longest header, which the
   * sequencer writes in place (it numbers the packet and piggybacks its acknowledgment). A frame its
   * send window refuses takes no slot (the sequencer counts it).
   */
  frame(frame: Uint8Array, sequencer: GreCallSequencer, peer: number): void {
    const payloadAt = this.reserve(GRE_MAX_HEADER_LENGTH + frame.length) + GRE_MAX_HEADER_LENGTH;
    this.slab.set(frame, payloadAt);
    const start = sequencer.encapsulateInPlace(this.slab, payloadAt, frame.length);
    if (start >= 0) this.commit(start, payloadAt + frame.length - start, peer);
  }

  /** Sends what is queued now (the endpoint calls it before closing the socket). */
  flush(): void {
    const count = this.count;
    if (count === 0) return;
    this.count = 0;
    this.used = 0;
    let sent = 0;
    try {
      if (!this.socket.closed) {
        const batch = { buffer: this.slab, offsets: this.offsets, lengths: this.lengths, count };
        sent = this.socket.sendBatch(batch, this.destinations);
      }
    } catch {
      // counted below, like a refused packet
    }
    this.errors += count - sent;
  }

  /** Where `bytes` more fit, flushing first when the batch is full. */
  private reserve(bytes: number): number {
    if (bytes > SLAB_BYTES) throw new Error(`gre: a ${bytes}-byte packet does not fit the send batch`);
    if (this.count === MAX_BATCH || this.used + bytes > SLAB_BYTES) this.flush();
    return this.used;
  }

  private commit(offset: number, length: number, peer: number): void {
    const n = this.count++;
    this.offsets[n] = offset;
    this.lengths[n] = length;
    this.destinations[n] = peer;
    this.used = offset + length;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.flushTask);
    }
  }
}
