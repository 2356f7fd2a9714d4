// Send side of a call's GRE sequencing (RFC 2637 §4.1, §4.2): numbers payload packets and, when asked
// to, keeps to the peer's receive window. Real servers do not: pptpd ("we don't actually implement any
// kind of window protocol") and Linux pptp.ko send regardless and just echo the window (anchors §6 #8),
// and Linux peers never send acknowledgment-only packets, so a strict window would stall one-way flows
// towards them. Hence `ignore` is the default; `enforce` implements RFC 2637 §4.2 for peers such as BSD
// ng_pptpgre that rely on it. Packets beyond the window are dropped and counted rather than queued:
// PPP above tolerates loss, and a queue here would only add latency (RFC 2637 §4.2.4 expects the
// packet source to be throttled, which for a concentrator means dropping).
import type { Clock } from '@switchyard/core';
import type { GreCounters } from './counters.js';
import { seqAdd, seqAfter, seqDiff } from './serial.js';

export type SendWindowMode = 'ignore' | 'enforce';

export interface GreSenderOptions {
  readonly clock: Clock;
  readonly counters: GreCounters;
  readonly mode: SendWindowMode;
  /** The peer's Packet Recv. Window Size from OCRQ/OCRP; 0 means "not announced": no limit. */
  readonly peerWindow: number;
  /** An unacknowledged packet older than this counts as a time-out (RFC 2637 §4.4; accel-pptp: 1 s). */
  readonly ackTimeoutMs: number;
  /** First sequence number sent (Linux sends 1 first, anchors §6 #5). */
  readonly firstSeq: number;
}

const NO_RING = new Float64Array(0);

export class GreSender {
  private nextSeq: number;
  private acked: number;
  /** Current window (RFC 2637 §4.2.1: starts at half the peer's, at least 1). */
  private window: number;
  /** When `acked` reaches this, a whole window went through without time-out: open by one (§4.2.3). */
  private windowEnd: number;
  private readonly sentAt: Float64Array;
  private readonly enforcing: boolean;
  // The options' fields, not the options object: one object fewer per call (10,000 calls held).
  private readonly clock: Clock;
  private readonly counters: GreCounters;
  private readonly peerWindow: number;
  private readonly ackTimeoutMs: number;

  constructor(options: GreSenderOptions) {
    this.clock = options.clock;
    this.counters = options.counters;
    this.peerWindow = options.peerWindow;
    this.ackTimeoutMs = options.ackTimeoutMs;
    this.nextSeq = options.firstSeq >>> 0;
    this.acked = seqAdd(this.nextSeq, -1);
    this.enforcing = options.mode === 'enforce' && options.peerWindow > 0;
    this.window = Math.max(1, Math.ceil(options.peerWindow / 2));
    this.windowEnd = seqAdd(this.acked, this.window);
    // A power-of-two ring, so slots stay distinct across the 2^32 wrap; outstanding ≤ peerWindow.
    // Not enforcing (the default): no ring, and not even an empty one (a typed array and its buffer
    // are ~200 bytes per call).
    this.sentAt = this.enforcing ? new Float64Array(2 ** Math.ceil(Math.log2(options.peerWindow))) : NO_RING;
  }

  /** Packets sent and not yet acknowledged. */
  get outstanding(): number {
    return seqDiff(seqAdd(this.nextSeq, -1), this.acked);
  }

  /** The current send window (meaningful in `enforce` mode). */
  get windowSize(): number {
    return this.window;
  }

  /** The sequence number for the next payload packet, or -1 when the window is closed (counted). */
  allocate(): number {
    if (this.enforcing && this.outstanding >= this.window && !this.timedOut()) {
      this.counters.txWindowFull++;
      return -1;
    }
    const seq = this.nextSeq;
    this.nextSeq = seqAdd(seq, 1);
    if (this.enforcing) this.sentAt[seq & (this.sentAt.length - 1)] = this.clock.now();
    return seq;
  }

  /** An acknowledgment from the peer (piggybacked or ack-only); acks beyond what we sent are ignored. */
  onAck(ack: number): void {
    if (!seqAfter(ack, this.acked) || seqAfter(ack, seqAdd(this.nextSeq, -1))) return;
    this.acked = ack;
    if (this.enforcing && !seqAfter(this.windowEnd, ack)) {
      this.window = Math.min(this.peerWindow, this.window + 1);
      this.windowEnd = seqAdd(ack, this.window);
    }
  }

  /**
   * RFC 2637 §4.2.2: when the oldest outstanding packet has waited past the time-out, halve the window
   * (rounding up, minimum 1) and stop waiting for the lost acknowledgments: nothing is retransmitted.
   */
  private timedOut(): boolean {
    const oldest = seqAdd(this.acked, 1);
    const waited = this.clock.now() - (this.sentAt[oldest & (this.sentAt.length - 1)] as number);
    if (waited < this.ackTimeoutMs) return false;
    this.counters.txAckTimeouts++;
    this.window = Math.max(1, Math.ceil(this.window / 2));
    this.acked = seqAdd(this.nextSeq, -1);
    this.windowEnd = seqAdd(this.acked, this.window);
    return true;
  }
}
