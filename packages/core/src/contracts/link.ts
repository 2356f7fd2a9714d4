// Tunnel transports (PPTP+GRE today, L2TP or SSTP tomorrow) yield links that carry PPP frames.
// The PPP stack only ever sees a Link, so a new tunnel type reuses LCP, auth, CCP and IPCP unchanged.
import type { Observable } from 'rxjs';
import type { CloseReason } from '../sessions/close-reason.js';
import type { Session } from '../sessions/session.js';
import { createToken } from '../tokens.js';

export interface Link {
  /** The session this link belongs to (created by the transport when the call is set up). */
  readonly session: Session;
  /** Inbound PPP frames (address/control and protocol fields as the peer sent them). Completes on close. */
  readonly frames$: Observable<Uint8Array>;
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
