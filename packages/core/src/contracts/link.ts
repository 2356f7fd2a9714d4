// Tunnel transports (PPTP+GRE today, L2TP or SSTP tomorrow) yield links that carry PPP frames.
// The PPP stack only ever sees a Link, so a new tunnel type reuses LCP, auth, CCP and IPCP unchanged.
import type { Observable } from 'rxjs';
import type { CloseReason } from '../sessions/close-reason.js';
import type { Session } from '../sessions/session.js';
import { createToken } from '../tokens.js';

/**
 * Where a link or call channel delivers what arrives: for a Link, the PPP session. Plain callbacks, not
 * an Observable: a link has exactly one consumer, and an RxJS Subject with its subscriber chain cost
 * about 700 bytes per session (of a 20 KiB budget) and three calls per frame on the data path.
 */
export interface FrameReceiver {
  /**
   * One inbound PPP frame (address/control and protocol fields as the peer sent them). Lent for the
   * call: a receiver that keeps it copies it (README, Design: who owns a frame).
   */
  frame(frame: Uint8Array): void;
  /** The transport is gone: no frame follows. Called at most once. */
  end(): void;
}

export interface Link {
  /** The session this link belongs to (created by the transport when the call is set up). */
  readonly session: Session;
  /**
   * Starts delivering inbound frames to `receiver`, the link's one consumer; frames that arrive before
   * are dropped. Attached to a link that has ended already, `receiver.end()` is called at once.
   */
  deliverTo(receiver: FrameReceiver): void;
  /** Sends one PPP frame. Never throws: after close the frame is dropped and counted. */
  send(frame: Uint8Array): void;
  /** Tears the transport side down (PPTP: Call-Disconnect-Notify). Idempotent. */
  close(reason: CloseReason): void;
  /** Largest PPP frame the transport carries without fragmenting the outer packet. */
  readonly maxFrameBytes: number;
}

export interface TunnelTransport {
  /** 'pptp', 'l2tp', … */
  readonly kind: string;
  /** One Link per call, as calls come up. */
  readonly links$: Observable<Link>;
}

export const tunnelTransportToken = createToken<TunnelTransport>('core.tunnelTransport');
