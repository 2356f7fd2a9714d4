// One call's GRE data path (RFC 2637 §4): encapsulates outbound PPP frames with the next sequence
// number and, when it changed, the acknowledgment of the highest packet received (piggyback); takes
// inbound packets through the acknowledgment and reorder logic; and sends an acknowledgment-only packet
// when nothing carried the ack for `ackDelayMs` (pptpd: 50 ms) or once `ackEvery` packets are unacked.
import type { Clock, Timer } from '@switchyard/core';
import { GRE_MAX_HEADER_LENGTH } from '../codec/constants.js';
import {
  encodeGreAck,
  greAck,
  greHeaderLength,
  grePayload,
  greSeq,
  writeGreHeader,
} from '../codec/gre-packet.js';
import { type GreCounters, newGreCounters } from './counters.js';
import { GreReceiver } from './receiver.js';
import { GreSender, type SendWindowMode } from './sender.js';

export interface GreSequencerConfig {
  /** `ignore` (default; pptpd, Linux) or `enforce` RFC 2637 §4.2 windows; see sender.ts. */
  readonly sendWindow: SendWindowMode;
  /** Acknowledgment time-out for `enforce` (RFC 2637 §4.4; default 1000 ms as accel-pptp's ptimeout). */
  readonly ackTimeoutMs: number;
  /** Send an ack-only packet this long after an unacknowledged receipt (pptpd: 50 ms; Infinity: never, as Linux). */
  readonly ackDelayMs: number;
  /** ...or at once after this many unacknowledged packets, so a windowing peer never stalls (default 32). */
  readonly ackEvery: number;
  /** Reorder buffer size in packets (0 = drop out-of-order packets, as Linux); see receiver.ts. */
  readonly reorderCapacity: number;
  /** How long a gap in the sequence is waited for (default 50 ms; pptpd 300 ms). */
  readonly reorderTimeoutMs: number;
  /** First sequence number we send (default 1, as Linux; pptpd sends 0 first; anchors §6 #5). */
  readonly firstSequenceNumber: number;
}

export const DEFAULT_GRE_SEQUENCER_CONFIG: GreSequencerConfig = {
  sendWindow: 'ignore',
  ackTimeoutMs: 1_000,
  ackDelayMs: 50,
  ackEvery: 32,
  reorderCapacity: 64,
  reorderTimeoutMs: 50,
  firstSequenceNumber: 1,
};

/**
 * What a sequencer is built from. It keeps this object as its link to the world: `deliver` and
 * `transmit` are called as its methods, so a channel can pass itself and hold no closures per call.
 */
export interface GreSequencerOptions {
  readonly clock: Clock;
  /** The peer's Call ID, from the control connection's call-up: it goes in the key of every packet we send. */
  readonly peerCallId: number;
  /** The peer's Packet Recv. Window Size (call-up `peerPacketRecvWindowSize`). */
  readonly peerReceiveWindow?: number;
  /**
   * In-order PPP frames for the PPP layer. A frame delivered straight from receive() is a view into the
   * packet passed in (copy it if the receive buffer is reused); one released from the reorder buffer is a copy.
   */
  deliver(payload: Uint8Array, seq: number): void;
  /** Acknowledgment-only packets the sequencer decided to send (complete GRE packets). */
  transmit(packet: Uint8Array): void;
  readonly config?: Partial<GreSequencerConfig> | undefined;
}

/** Each distinct partial config resolved once: every call of an endpoint shares one object. */
const resolvedConfigs = new WeakMap<Partial<GreSequencerConfig>, GreSequencerConfig>();

function resolveConfig(partial: Partial<GreSequencerConfig> | undefined): GreSequencerConfig {
  if (partial === undefined) return DEFAULT_GRE_SEQUENCER_CONFIG;
  let config = resolvedConfigs.get(partial);
  if (config === undefined) {
    config = { ...DEFAULT_GRE_SEQUENCER_CONFIG, ...partial };
    resolvedConfigs.set(partial, config);
  }
  return config;
}

export class GreCallSequencer {
  readonly counters: GreCounters = newGreCounters();
  readonly peerCallId: number;
  private readonly config: GreSequencerConfig;
  private readonly sender: GreSender;
  private readonly receiver: GreReceiver;
  private lastAckSent = -1;
  private unacked = 0;
  private ackTimer: Timer | undefined;
  private closed = false;

  constructor(private readonly options: GreSequencerOptions) {
    this.peerCallId = options.peerCallId;
    this.config = resolveConfig(options.config);
    const { clock } = options;
    this.sender = new GreSender({
      clock,
      counters: this.counters,
      mode: this.config.sendWindow,
      peerWindow: options.peerReceiveWindow ?? 0,
      ackTimeoutMs: this.config.ackTimeoutMs,
      firstSeq: this.config.firstSequenceNumber,
    });
    this.receiver = new GreReceiver({
      clock,
      counters: this.counters,
      sink: options,
      capacity: this.config.reorderCapacity,
      timeoutMs: this.config.reorderTimeoutMs,
    });
  }

  /** Packets sent and not yet acknowledged by the peer. */
  get outstanding(): number {
    return this.sender.outstanding;
  }

  /** Outbound PPP frame → a new GRE packet, or undefined when the send window dropped it (counted). */
  encapsulate(payload: Uint8Array): Uint8Array | undefined {
    const buffer = new Uint8Array(GRE_MAX_HEADER_LENGTH + payload.length);
    buffer.set(payload, GRE_MAX_HEADER_LENGTH);
    const start = this.encapsulateInPlace(buffer, GRE_MAX_HEADER_LENGTH, payload.length);
    return start < 0 ? undefined : buffer.subarray(start);
  }

  /**
   * Zero-copy variant: the frame is already at `buffer[payloadOffset ..]` with at least 16 bytes of
   * headroom; the header is written just before it. Returns where the packet starts, or -1 if dropped.
   */
  encapsulateInPlace(buffer: Uint8Array, payloadOffset: number, payloadLength: number): number {
    if (this.closed) return -1;
    const seq = this.sender.allocate();
    if (seq < 0) return -1;
    const highest = this.receiver.highest;
    const ack = highest !== undefined && highest !== this.lastAckSent ? highest : undefined;
    const start = payloadOffset - greHeaderLength(true, ack !== undefined);
    if (start < 0) throw new Error('gre: encapsulateInPlace needs 16 bytes of headroom');
    writeGreHeader(buffer, start, this.peerCallId, payloadLength, seq, ack);
    if (ack !== undefined) {
      this.noteAckSent(ack);
      this.counters.txPiggybackedAcks++;
    }
    this.counters.txPackets++;
    this.counters.txBytes += payloadLength;
    return start;
  }

  /** An inbound packet for this call, already validated and demultiplexed (GreDemux.route). */
  receive(packet: Uint8Array): void {
    if (this.closed) return;
    const ack = greAck(packet);
    if (ack >= 0) this.sender.onAck(ack);
    const seq = greSeq(packet);
    if (seq < 0) {
      this.counters.rxAckOnly++; // never acknowledged: it carries no sequence number (anchors §6 #7)
      return;
    }
    const verdict = this.receiver.receive(seq, grePayload(packet));
    if (verdict === 'duplicate' || verdict === 'late') return;
    if (this.receiver.highest === this.lastAckSent) return; // PPP answered and piggybacked it already
    this.unacked++;
    if (this.config.ackEvery > 0 && this.unacked >= this.config.ackEvery) return this.sendAckOnly();
    if (this.ackTimer === undefined && Number.isFinite(this.config.ackDelayMs)) {
      this.ackTimer = this.options.clock.setTimer(this.config.ackDelayMs, () => {
        this.ackTimer = undefined;
        this.sendAckOnly();
      });
    }
  }

  /** Stops timers and drops buffered packets; later calls do nothing. */
  close(): void {
    this.closed = true;
    this.ackTimer?.cancel();
    this.ackTimer = undefined;
    this.receiver.close();
  }

  private sendAckOnly(): void {
    const highest = this.receiver.highest;
    if (this.closed || highest === undefined || highest === this.lastAckSent) return;
    this.noteAckSent(highest);
    this.counters.txAckOnly++;
    this.options.transmit(encodeGreAck(this.peerCallId, highest));
  }

  private noteAckSent(ack: number): void {
    this.lastAckSent = ack;
    this.unacked = 0;
  }
}
