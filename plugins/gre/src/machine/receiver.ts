// Receive side of a call's GRE sequencing (RFC 2637 §4.3): in-order delivery to PPP, duplicates and
// late packets dropped and counted, and a small reorder buffer with a timeout. RFC 2637 §4.3 allows
// either discarding out-of-sequence packets or reordering them. Linux pptp.ko discards (and so loses
// every overtaken packet); pptpd 1.4.0 buffers for 0.3 s. We buffer like pptpd, but at most
// `capacity` packets for `timeoutMs` (default 50 ms): a true loss then delays what follows by at most
// 50 ms, well under the inner TCP's 200 ms minimum RTO, while the common sub-10 ms reorders of
// multipath links and NIC queues are repaired instead of costing a retransmission.
import type { Clock, Timer } from '@switchyard/core';
import type { GreCounters } from './counters.js';
import { seqAdd, seqAfter, seqDiff } from './serial.js';

export type ReceiveVerdict = 'delivered' | 'buffered' | 'duplicate' | 'late';

/** Takes the in-order payloads: an object, not a closure, so a call holds no function of its own. */
export interface GreDeliverer {
  /** An in-order payload for PPP. A buffered payload is a copy; an in-order one is the caller's view. */
  deliver(payload: Uint8Array, seq: number): void;
}

export interface GreReceiverOptions {
  readonly clock: Clock;
  readonly counters: GreCounters;
  readonly sink: GreDeliverer;
  /**
   * Packets held while a gap waits to be filled, rounded up to a power of two so slots stay distinct
   * across the 2^32 wrap; 0 = no reordering, gaps are skipped at once (Linux pptp.ko behaviour).
   */
  readonly capacity: number;
  /** Longest a gap is waited for before it is counted lost and skipped. */
  readonly timeoutMs: number;
}

/** How far back duplicates are told apart from late packets (a bit per sequence number). */
const HISTORY_BITS = 32;

export class GreReceiver {
  private started = false;
  /** Next sequence number PPP should get. */
  private expected = 0;
  private highestSeq = 0;
  /** Bit i set: sequence number expected − 1 − i was delivered (clear: skipped as lost). */
  private history = 0;
  private readonly capacity: number;
  private readonly mask: number;
  /** Allocated at the first packet that must wait: most calls never see one, and 10,000 idle calls
   *  would otherwise hold 10 MB of empty slots. Freed by close(). */
  private slots: (Uint8Array | undefined)[] | undefined;
  private arrivals: Float64Array | undefined;
  private buffered = 0;
  private timer: Timer | undefined;
  // The options' fields, not the options object: one object fewer per call (10,000 calls held).
  private readonly clock: Clock;
  private readonly counters: GreCounters;
  private readonly sink: GreDeliverer;
  private readonly timeoutMs: number;

  constructor(options: GreReceiverOptions) {
    this.clock = options.clock;
    this.counters = options.counters;
    this.sink = options.sink;
    this.timeoutMs = options.timeoutMs;
    this.capacity = options.capacity <= 0 ? 0 : 2 ** Math.ceil(Math.log2(options.capacity));
    this.mask = this.capacity - 1;
  }

  /** Highest sequence number received: what the next acknowledgment reports (RFC 2637 §4.1). */
  get highest(): number | undefined {
    return this.started ? this.highestSeq : undefined;
  }

  /** Packets waiting in the reorder buffer. */
  get bufferedCount(): number {
    return this.buffered;
  }

  /** Whether the reorder buffer's slots are allocated (memory accounting). */
  get holdsReorderBuffer(): boolean {
    return this.slots !== undefined;
  }

  /**
   * Takes one payload packet. The first packet fixes the starting point, whatever its number: Linux
   * starts at 1, pptpd at 0, and RFC 2637 §4.1 only says numbering restarts at call setup.
   */
  receive(seq: number, payload: Uint8Array): ReceiveVerdict {
    const counters = this.counters;
    const capacity = this.capacity;
    if (!this.started) {
      this.started = true;
      this.expected = this.highestSeq = seq;
    }
    const distance = seqDiff(seq, this.expected);
    if (distance < 0) {
      const age = -distance - 1;
      if (age < HISTORY_BITS && (this.history >>> age) & 1) {
        counters.rxDuplicate++;
        return 'duplicate';
      }
      counters.rxLate++;
      return 'late';
    }
    if (distance > 0 && distance < capacity && this.slots?.[seq & this.mask] !== undefined) {
      counters.rxDuplicate++;
      return 'duplicate';
    }
    counters.rxPackets++;
    counters.rxBytes += payload.length;
    if (seqAfter(seq, this.highestSeq)) this.highestSeq = seq;
    // Too far ahead for the buffer: give up on the oldest gaps until `seq` fits (RFC 2637 §4.2.4).
    if (distance >= capacity) {
      this.skipTo(capacity === 0 ? seq : seqAdd(seq, 1 - capacity));
      this.drain();
    }
    if (seq === this.expected) {
      this.deliverNext(payload, false);
      this.drain();
      return 'delivered';
    }
    const slot = seq & this.mask;
    this.slots ??= new Array<Uint8Array | undefined>(capacity).fill(undefined);
    this.arrivals ??= new Float64Array(capacity);
    this.slots[slot] = payload.slice();
    this.arrivals[slot] = this.clock.now();
    this.buffered++;
    this.timer ??= this.clock.setTimer(this.timeoutMs, () => this.onTimeout());
    return 'buffered';
  }

  /** Drops anything buffered and stops the timer (call teardown). */
  close(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.slots = undefined;
    this.arrivals = undefined;
    this.buffered = 0;
  }

  private deliverNext(payload: Uint8Array, fromBuffer: boolean): void {
    const seq = this.expected;
    this.expected = seqAdd(seq, 1);
    this.history = ((this.history << 1) | 1) >>> 0;
    this.counters.rxDelivered++;
    if (fromBuffer) this.counters.rxReordered++;
    this.sink.deliver(payload, seq); // state is final before PPP runs, so it may send at once
  }

  /** Delivers the buffered run that starts at `expected`. */
  private drain(): void {
    const slots = this.slots;
    while (this.buffered > 0 && slots !== undefined) {
      const slot = this.expected & this.mask;
      const payload = slots[slot];
      if (payload === undefined) break;
      slots[slot] = undefined;
      this.buffered--;
      this.deliverNext(payload, true);
    }
    if (this.buffered === 0) {
      this.timer?.cancel();
      this.timer = undefined;
    }
  }

  /** Moves `expected` up to `target`: buffered packets on the way are delivered, gaps counted lost. */
  private skipTo(target: number): void {
    const counters = this.counters;
    while (seqAfter(target, this.expected)) {
      const slots = this.slots;
      if (this.buffered === 0 || slots === undefined) {
        const gap = seqDiff(target, this.expected);
        counters.rxLost += gap;
        this.history = gap >= HISTORY_BITS ? 0 : (this.history << gap) >>> 0;
        this.expected = target;
        return;
      }
      const slot = this.expected & this.mask;
      const payload = slots[slot];
      if (payload !== undefined) {
        slots[slot] = undefined;
        this.buffered--;
        this.deliverNext(payload, true);
      } else {
        counters.rxLost++;
        this.history = (this.history << 1) >>> 0;
        this.expected = seqAdd(this.expected, 1);
      }
    }
  }

  /** The head gap waited long enough: skip it, deliver what follows; repeat for gaps as old. */
  private onTimeout(): void {
    this.timer = undefined;
    const { timeoutMs, clock, slots, arrivals } = this;
    if (slots === undefined || arrivals === undefined) return;
    while (this.buffered > 0) {
      let first = 0;
      while (slots[(this.expected + first) & this.mask] === undefined) first++;
      let oldest = Infinity;
      for (let i = first; i < this.capacity; i++) {
        const slot = (this.expected + i) & this.mask;
        if (slots[slot] !== undefined) oldest = Math.min(oldest, arrivals[slot] as number);
      }
      const wait = oldest + timeoutMs - clock.now();
      if (first > 0 && wait > 0) {
        this.timer = clock.setTimer(wait, () => this.onTimeout());
        return;
      }
      this.skipTo(seqAdd(this.expected, first));
      this.drain();
    }
  }
}
