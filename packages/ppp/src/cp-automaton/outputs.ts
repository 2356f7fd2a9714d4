// What the automaton produces instead of doing I/O (smoltcp's process() returning replies): packets to
// send, layer signals (RFC 1661 §4.4 tlu/tld/tls/tlf), transition traces and discards for counters.
import type { CpPacket } from '../codec/cp-packet.js';
import type { Action, Event, State } from './table.js';

/** This-Layer-Up / -Down / -Started / -Finished (RFC 1661 §4.4). */
export type LayerSignal = 'up' | 'down' | 'started' | 'finished';

/** Why a received packet changed nothing. */
export type DiscardReason =
  /** Initial or Starting: the lower layer is down, nothing may arrive (pppd fsm_input). */
  | 'not-started'
  /** The bytes did not decode (receiveBytes only). */
  | 'malformed'
  /** Ack/Nak/Reject whose Identifier is not our outstanding Configure-Request's (§5.2–5.4). */
  | 'stale-identifier'
  /** A second reply to the same Configure-Request (pppd seen_ack). */
  | 'duplicate-reply'
  /** A Configure-Ack whose options differ from what we sent (§5.2). */
  | 'ack-mismatch'
  /** A Configure-Reject that is not a subset of what we sent, in order and unmodified (§5.4). */
  | 'reject-mismatch'
  /** A Configure-Nak with a value our option cannot decode (pppd "bad configure-nak"). */
  | 'bad-nak'
  /** A Code-Reject too short to name the rejected code. */
  | 'empty-code-reject'
  /** The protocol's extra-code handler chose to discard it. */
  | 'extra-code';

export type CpOutput =
  | { readonly kind: 'send'; readonly packet: CpPacket }
  | { readonly kind: 'layer'; readonly signal: LayerSignal }
  /** One per handled event, changed state or not: `lcp: reqSent => ackSent (rcr+)` traces. */
  | {
      readonly kind: 'transition';
      readonly event: Event;
      readonly from: State;
      readonly to: State;
      readonly actions: readonly Action[];
      /** The received packet that caused the event, if any. */
      readonly packet?: CpPacket;
    }
  /** The RFC's '-': an event that cannot occur in this state; no transition (§4.4 Illegal-Event). */
  | { readonly kind: 'illegal'; readonly event: Event; readonly state: State }
  | {
      readonly kind: 'discard';
      readonly reason: DiscardReason;
      readonly detail?: string;
      readonly packet?: CpPacket;
    }
  /** The peer Code-Rejected `code`; `fatal` codes (1–7) give RXJ-, others RXJ+ (§4.3). */
  | { readonly kind: 'codeRejected'; readonly code: number; readonly fatal: boolean };
