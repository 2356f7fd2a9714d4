// One call's GRE channel: the sequencer (pure) joined to an RxJS stream of inbound frames and to a
// transmit function the endpoint supplies. Implements core's CallChannel.
import { Subject } from 'rxjs';
import type { CallChannel, CallChannelCounters, CallChannelParams, Clock } from '@switchyard/core';
import { GreCallSequencer, type GreSequencerConfig } from './machine/call-sequencer.js';

export class GreChannel implements CallChannel {
  private readonly inbound = new Subject<Uint8Array>();
  readonly frames$ = this.inbound.asObservable();
  readonly sequencer: GreCallSequencer;
  private closed = false;

  constructor(
    readonly params: CallChannelParams,
    clock: Clock,
    private readonly transmit: (packet: Uint8Array) => void,
    private readonly onClose: (channel: GreChannel) => void,
    config?: Partial<GreSequencerConfig>,
    /** Builds and queues the packet for a frame in one go (the endpoint's batch); default: encapsulate + transmit. */
    private readonly sendFrame?: (frame: Uint8Array, sequencer: GreCallSequencer) => void,
  ) {
    this.sequencer = new GreCallSequencer({
      clock,
      peerCallId: params.peerCallId,
      peerReceiveWindow: params.peerReceiveWindow,
      // Frames delivered straight from a receive batch are views into a reused native buffer; PPP
      // layers may keep them (reorder, retransmission of replies), so each frame gets its own copy.
      deliver: (payload) => this.inbound.next(payload.slice()),
      transmit,
      ...(config !== undefined && { config }),
    });
  }

  /** A validated, demultiplexed GRE packet for this call (a view valid only during the call). */
  receive(packet: Uint8Array): void {
    if (!this.closed) this.sequencer.receive(packet);
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.sendFrame !== undefined) return this.sendFrame(frame, this.sequencer);
    const packet = this.sequencer.encapsulate(frame);
    if (packet !== undefined) this.transmit(packet);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sequencer.close();
    this.onClose(this);
    this.inbound.complete();
  }

  counters(): CallChannelCounters {
    const c = this.sequencer.counters;
    return {
      framesIn: c.rxDelivered,
      framesOut: c.txPackets,
      bytesIn: c.rxBytes,
      bytesOut: c.txBytes,
      dropped: c.rxDuplicate + c.rxLate + c.rxLost + c.txWindowFull,
    };
  }
}
