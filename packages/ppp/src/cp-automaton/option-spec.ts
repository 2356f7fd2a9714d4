// What a control protocol supplies to the generic automaton: one OptionSpec per Configuration Option
// (RFC 1661 §6; accel-ppp's lcp_opt_*.c) and a ProtocolSpec naming the protocol, its options and its
// extra codes (pppd's fsm_callbacks reqci/nakci/rejci/ackci and extcode, as data).
import type { CpPacket } from '../codec/cp-packet.js';
import type { State } from './table.js';

/** How we answer one option of the peer's Configure-Request (RFC 1661 §5.2–5.4). */
export type Verdict<V> =
  | { readonly verdict: 'ack' }
  /** Configure-Nak with the value we would accept (§5.3). Boolean options must reject instead. */
  | { readonly verdict: 'nak'; readonly suggest: V }
  /** Configure-Reject: we will not negotiate this option at all (§5.4). */
  | { readonly verdict: 'reject' };

/**
 * One Configuration Option. `V` is its decoded value and must not include `undefined`, which means
 * "cannot decode" or "do not request". Hooks are called synchronously by the automaton; an option
 * may keep per-session state in its closure (create specs per session) or stay pure.
 */
export interface OptionSpec<V> {
  readonly type: number;
  /** Short name for traces and negotiated-value listings: 'mru', 'magic', 'addr'. */
  readonly name: string;
  /** Value bytes (after Type and Length) → value; undefined (bad length…) makes us Configure-Reject it. */
  decode(data: Uint8Array): V | undefined;
  encode(value: V): Uint8Array;
  /** The pppd trace text including brackets: '<mru 1400>'. */
  format(value: V): string;
  /** What our Configure-Request asks for when a negotiation (re)starts; undefined = don't request it. */
  desired(): V | undefined;
  /** Judges the value the peer requests. */
  judge(peer: V): Verdict<V>;
  /**
   * A value to append to our Configure-Nak when the peer's request omits this option, to prompt it
   * (RFC 1661 §5.3 "MAY be appended"; pppd IPCP does this for the peer's address). Undefined = don't.
   */
  solicit?(): V | undefined;
  /**
   * The peer Nak'd this option suggesting `suggested`; `ours` is what we asked (undefined when the peer
   * Nak'd an option we did not include, §5.3 last paragraphs). Returns the next value to request or
   * undefined to stop requesting it. Without this hook we adopt the suggestion for options we requested
   * and ignore suggestions for options we did not.
   */
  onNak?(suggested: V, ours: V | undefined): V | undefined;
  /** The peer rejected our option (or Nak'd it past Max-Failure); it is not requested again (§5.4). */
  onReject?(ours: V): void;
  /** The peer Acked our request containing `ours` (§5.2). */
  onAck?(ours: V): void;
}

/** A type-erased option, as held in a ProtocolSpec's list. */
export type AnyOptionSpec = OptionSpec<unknown>;

/** What the automaton exposes to an extra-code handler. */
export interface CpAutomatonView {
  readonly state: State;
  /** A fresh Identifier from the automaton's counter (for replies that need a new one). */
  nextIdentifier(): number;
}

/** How an extra-code handler classifies a packet the generic automaton does not interpret. */
export type ExtraCodeVerdict =
  /** RXR (Echo, Discard, Identification, Reset…): `reply` is sent only in Opened (the table's ser). */
  | { readonly event: 'rxr'; readonly reply?: CpPacket }
  /** RXJ+/RXJ-: e.g. LCP's Protocol-Reject of an NCP (+) or of LCP itself (−), RFC 1661 §4.3. */
  | { readonly event: 'rxj+' | 'rxj-' }
  /** RUC: Code-Reject it (the default for codes without a handler). */
  | { readonly event: 'ruc' }
  /** Silently discard without any event (e.g. Echo-Request outside Opened, RFC 1661 §5.8). */
  | { readonly event: 'discard'; readonly reason: string };

/** One control protocol: LCP, IPCP, CCP, IPV6CP… */
export interface ProtocolSpec {
  /** The PPP Protocol number: 0xc021 for LCP. */
  readonly protocol: number;
  /** pppd's name for traces: 'LCP'. */
  readonly name: string;
  /** The options we understand, in the order our Configure-Request lists them. Types must be unique. */
  readonly options: readonly AnyOptionSpec[];
  /**
   * Codes other than 1–7 (pppd's extcode): LCP's Protocol-Reject, Echo, Discard, Identification and
   * Time-Remaining; CCP's Reset-Request/-Ack. Returning undefined (or no handler) means RUC.
   */
  extraCode?(packet: CpPacket, automaton: CpAutomatonView): ExtraCodeVerdict | undefined;
}

/** A negotiated option value: ours as the peer Acked it, or the peer's as we Acked it. */
export interface NegotiatedOption {
  readonly type: number;
  readonly name: string;
  readonly value: unknown;
}
