// Per-call GRE counters (STYLE.md §3.7: every drop is counted by reason). Plain mutable numbers so the
// hot path only increments; the I/O layer reads them for `show sessions` and the down log line.

export interface GreCounters {
  /** Payload packets accepted for delivery (in order or buffered). */
  rxPackets: number;
  rxBytes: number;
  /** Packets handed to PPP. */
  rxDelivered: number;
  /** Delivered after waiting in the reorder buffer. */
  rxReordered: number;
  /** Dropped: this sequence number was already delivered or buffered (RFC 2637 §4.3). */
  rxDuplicate: number;
  /** Dropped: arrived after its gap was given up, or older than the tracked history (RFC 2637 §4.3). */
  rxLate: number;
  /** Sequence numbers never received: gaps skipped on reorder timeout or overflow. */
  rxLost: number;
  /** Acknowledgment-only packets received. */
  rxAckOnly: number;
  /** Payload packets sent. */
  txPackets: number;
  txBytes: number;
  /** Acknowledgment-only packets sent. */
  txAckOnly: number;
  /** Acknowledgments carried on payload packets. */
  txPiggybackedAcks: number;
  /** Dropped before sending: the peer's receive window was full (only with sendWindow 'enforce'). */
  txWindowFull: number;
  /** Acknowledgment time-outs that halved the send window (RFC 2637 §4.2.2). */
  txAckTimeouts: number;
}

export function newGreCounters(): GreCounters {
  return {
    rxPackets: 0,
    rxBytes: 0,
    rxDelivered: 0,
    rxReordered: 0,
    rxDuplicate: 0,
    rxLate: 0,
    rxLost: 0,
    rxAckOnly: 0,
    txPackets: 0,
    txBytes: 0,
    txAckOnly: 0,
    txPiggybackedAcks: 0,
    txWindowFull: 0,
    txAckTimeouts: 0,
  };
}
