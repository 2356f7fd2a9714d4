// One call's GRE channel: the sequencer (pure) joined to the call's frame receiver (PPP) and to the
// endpoint that owns the socket. Implements core's CallChannel. A channel is held for every call the
// appliance carries (10,000 in the benchmark), so it is built from objects only, without closures:
// it passes itself to the sequencer as its options and reaches the endpoint through GreChannelHost.
import type {
  CallChannel,
  CallChannelCounters,
  CallChannelParams,
  Clock,
  FrameReceiver,
} from '@switchyard/core';
import {
  GreCallSequencer,
  type GreSequencerConfig,
  type GreSequencerOptions,
} from './machine/call-sequencer.js';
import { ipv4ToNumber } from './machine/demux.js';

/** PPP protocol 0x00FD (RFC 1962 compressed datagram: MPPE), after an optional FF 03 and with or without PFC. */
export function isCompressedDatagram(frame: Uint8Array): boolean {
  const at = frame[0] === 0xff && frame[1] === 0x03 ? 2 : 0;
  const first = frame[at];
  return first === 0xfd || (first === 0x00 && frame[at + 1] === 0xfd);
}

/** What a channel needs from its endpoint: where its packets go, and word that it closed. */
export interface GreChannelHost {
  /** A complete GRE packet the sequencer built (an acknowledgment-only packet). */
  channelTransmit(packet: Uint8Array, channel: GreChannel): void;
  /** A PPP frame to number with `channel.sequencer` and send (the endpoint builds it in its batch). */
  channelFrame(frame: Uint8Array, channel: GreChannel): void;
  channelClosed(channel: GreChannel): void;
}

export class GreChannel implements CallChannel, GreSequencerOptions {
  readonly sequencer: GreCallSequencer;
  /** The peer's address as a number, the form the socket and the demultiplexer use. */
  readonly peer: number;
  private receiver: FrameReceiver | undefined;
  private closed = false;

  constructor(
    readonly params: CallChannelParams,
    readonly clock: Clock,
    private readonly host: GreChannelHost,
    readonly config?: Partial<GreSequencerConfig>,
  ) {
    this.peer = ipv4ToNumber(params.peerAddress);
    this.sequencer = new GreCallSequencer(this);
  }

  get peerCallId(): number {
    return this.params.peerCallId;
  }

  get peerReceiveWindow(): number {
    return this.params.peerReceiveWindow;
  }

  deliverTo(receiver: FrameReceiver): void {
    this.receiver = receiver;
    if (this.closed) receiver.end();
  }

  /** A validated, demultiplexed GRE packet for this call (a view valid only during the call). */
  receive(packet: Uint8Array): void {
    if (!this.closed) this.sequencer.receive(packet);
  }

  /**
   * GreSequencerOptions: an in-order frame. Frames delivered straight from a receive batch are views into
   * a reused native buffer; PPP layers may keep them (reorder, retransmission of replies), so each frame
   * gets its own copy. Except the data path's encrypted frames: MPPE decrypts them into its scratch
   * buffer during the call and keeps nothing (frames are lent, README), so a copy would only cost an
   * allocation.
   */
  deliver(payload: Uint8Array): void {
    this.receiver?.frame(isCompressedDatagram(payload) ? payload : payload.slice());
  }

  /** GreSequencerOptions: an acknowledgment-only packet. */
  transmit(packet: Uint8Array): void {
    this.host.channelTransmit(packet, this);
  }

  send(frame: Uint8Array): void {
    if (!this.closed) this.host.channelFrame(frame, this);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sequencer.close();
    this.host.channelClosed(this);
    this.receiver?.end();
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
