// The data path of one tunnel call, apart from its control connection: PPTP's enhanced GRE today
// (plugins/gre), an L2TP data channel tomorrow. The control plugin opens one channel per call and
// builds the call's Link on it.
import { createToken } from '../tokens.js';
import type { FrameReceiver } from './link.js';

export interface CallChannelParams {
  /** The peer's IPv4 address: only packets from it are accepted for this call. */
  readonly peerAddress: string;
  /** Our Call ID: the key in the packets the peer sends us. */
  readonly localCallId: number;
  /** The peer's Call ID: the key in the packets we send. */
  readonly peerCallId: number;
  /** How many unacknowledged packets the peer buffers (PPTP Packet Recv. Window Size). */
  readonly peerReceiveWindow: number;
}

export interface CallChannelCounters {
  readonly framesIn: number;
  readonly framesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Inbound packets dropped by sequencing (duplicates, late, lost gaps) or outbound by the window. */
  readonly dropped: number;
}

export interface CallChannel {
  /** Delivers inbound PPP frames, in order, to `receiver` (see Link.deliverTo); end() when it closes. */
  deliverTo(receiver: FrameReceiver): void;
  /** Sends one PPP frame. Never throws; after close the frame is dropped. */
  send(frame: Uint8Array): void;
  /** Stops the channel; idempotent. */
  close(): void;
  counters(): CallChannelCounters;
}

export interface CallChannelFactory {
  open(params: CallChannelParams): CallChannel;
}

export const callChannelFactoryToken = createToken<CallChannelFactory>('core.callChannelFactory');
