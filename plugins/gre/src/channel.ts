// One call's GRE channel: the sequencer (pure) joined to an RxJS stream of inbound frames and to a
// transmit function the endpoint supplies. Implements core's CallChannel.
import { Subject } from 'rxjs';
import type { CallChannel, CallChannelCounters, CallChannelParams, Clock } from '@switchyard/core';
import { GreCallSequencer, type GreSequencerConfig } from './machine/call-sequencer.js';

/** PPP protocol 0x00FD (RFC 1962 compressed datagram: MPPE), after an optional FF 03 and with or without PFC. */
export function isCompressedDatagram(frame: Uint8Array): boolean {
  const at = frame[0] === 0xff && frame[1] === 0x03 ? 2 : 0;
  const first = frame[at];
  return first === 0xfd || (first === 0x00 && frame[at + 1] === 0xfd);
}

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
      // Except the data path's encrypted frames: MPPE decrypts them into its scratch buffer during the
      // call and keeps nothing (frames are lent, README), so a copy would only cost an allocation.
      deliver: (payload) => this.inbound.next(isCompressedDatagram(payload) ? payload : payload.slice()),
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
