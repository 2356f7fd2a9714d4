// The PPP link of one session without I/O: the phase machine of phase.ts plus a demultiplexer that
// hands decoded frames to handlers registered per Protocol number, discards what the phase forbids
// and builds LCP Protocol-Rejects for unknown protocols (RFC 1661 §3.6, §5.7). It returns frames to send.
import { encodeCpPacket, type ProtocolRejectPacket } from '../codec/cp-packet.js';
import {
  type PppFrame,
  type PppFraming,
  UNCOMPRESSED_FRAMING,
  decodePppFrame,
  encodePppFrame,
} from '../codec/ppp-frame.js';
import { PppProtocol, protocolName } from '../codec/protocols.js';
import { type LinkEvent, type LinkPhase, type ProtocolPhase, PHASE_ACCEPTS, nextPhase } from './phase.js';

/** A protocol's entry point, registered by the plugin that implements it (LCP, CHAP, IPCP, MPPE…). */
export interface ProtocolHandler {
  readonly protocol: number;
  /** For traces: 'LCP', 'IPCP'. */
  readonly name: string;
  /** The phase the protocol belongs to (§3.2); it decides where its frames are accepted. */
  readonly phase: ProtocolPhase;
  /** A frame of this protocol; `payload` is a view of the Information field. */
  receive(payload: Uint8Array, frame: PppFrame): void;
  /** The peer Protocol-Rejected us: stop sending this protocol (§5.7; for an NCP this is its RXJ-). */
  protocolRejected?(): void;
}

export type LinkDiscardReason =
  | 'malformed'
  /** Dead phase: nothing is expected (§3.3). */
  | 'dead'
  /** A known protocol outside its phase, e.g. IPCP before authentication ended (§3.4–3.5, §3.7). */
  | 'phase'
  /** An unknown protocol before the Network phase: discarded, not rejected (§3.5; pppd get_input). */
  | 'unknown-protocol';

/** What became of a received frame. */
export type LinkReceipt =
  | { readonly kind: 'delivered'; readonly protocol: number; readonly handler: string }
  | {
      readonly kind: 'discarded';
      readonly protocol?: number;
      readonly reason: LinkDiscardReason;
      readonly detail?: string;
    }
  /** An unknown protocol in the Network phase: send `frame` (the LCP Protocol-Reject) to the peer. */
  | {
      readonly kind: 'protocolReject';
      readonly protocol: number;
      readonly packet: ProtocolRejectPacket;
      readonly frame: Uint8Array;
    };

/** The link keeps this object (a session passes itself: no closure per session). */
export interface PppLinkOptions {
  /** Identifiers for Protocol-Rejects; LCP's counter, as pppd shares it. */
  nextIdentifier(): number;
  /** The peer's MRU: Rejected-Information is truncated to fit it (§5.7). Settable later. */
  readonly peerMruBytes?: number;
}

const NO_HANDLERS: readonly ProtocolHandler[] = [];

/**
 * Protocol-Reject is sent only in the Network phase. RFC 1661 §5.7 asks for it whenever LCP is Opened,
 * but §3.5 says every other packet in the Authenticate phase "MUST be silently discarded"; pppd does the
 * latter, and so do we. NCP frames before the Network phase are silently discarded (§3.4–3.5); once
 * there, they reach the NCP's automaton, which answers per its state (Closed → Terminate-Ack, anchors §6 #14).
 */
export class PppLink {
  private current: LinkPhase = 'dead';
  /**
   * The registered handlers, in an array sized to fit (about eight: LCP, CHAP, IPCP, IP, CCP, MPPE…)
   * and scanned: a Map's hash table was ~440 bytes per session, and a scan of eight numbers costs
   * the data path no more than hashing one.
   */
  private handlers: readonly ProtocolHandler[] = NO_HANDLERS;
  private readonly identifiers: PppLinkOptions;
  /** How we frame what we send; LCP sets it once the peer's ACFC/PFC requests are Acked. */
  framing: PppFraming = UNCOMPRESSED_FRAMING;
  peerMruBytes: number;

  constructor(options: PppLinkOptions) {
    this.identifiers = options;
    this.peerMruBytes = options.peerMruBytes ?? 1500;
  }

  /** The handler registered for `protocol`, if any. */
  handlerOf(protocol: number): ProtocolHandler | undefined {
    const handlers = this.handlers;
    for (let i = 0; i < handlers.length; i++) {
      const handler = handlers[i] as ProtocolHandler;
      if (handler.protocol === protocol) return handler;
    }
    return undefined;
  }

  get phase(): LinkPhase {
    return this.current;
  }

  /** Registers a protocol; one handler per Protocol number (a second one is a wiring bug and throws). */
  register(handler: ProtocolHandler): void {
    const existing = this.handlerOf(handler.protocol);
    if (existing !== undefined) {
      throw new Error(
        `${protocolName(handler.protocol)} already handled by ${existing.name}, not ${handler.name}`,
      );
    }
    // toSpliced allocates the new length exactly (an array grown by push reserves 17 slots).
    this.handlers = this.handlers.toSpliced(this.handlers.length, 0, handler);
  }

  unregister(protocol: number): boolean {
    const at = this.handlers.findIndex((handler) => handler.protocol === protocol);
    if (at < 0) return false;
    this.handlers = this.handlers.toSpliced(at, 1);
    return true;
  }

  /** Applies a phase event; returns the transition, or undefined when the phase stays. */
  signal(event: LinkEvent): { readonly from: LinkPhase; readonly to: LinkPhase } | undefined {
    const from = this.current;
    const to = nextPhase(from, event);
    if (to === undefined || to === from) return undefined;
    this.current = to;
    return { from, to };
  }

  receiveBytes(bytes: Uint8Array): LinkReceipt {
    const decoded = decodePppFrame(bytes);
    if (decoded.ok) return this.receive(decoded.value);
    const { reason, offset, message } = decoded.error;
    return { kind: 'discarded', reason: 'malformed', detail: `${reason} at ${offset}: ${message}` };
  }

  receive(frame: PppFrame): LinkReceipt {
    const { protocol } = frame;
    if (this.current === 'dead') return { kind: 'discarded', protocol, reason: 'dead' };
    const handler = this.handlerOf(protocol);
    if (handler !== undefined) {
      if (!PHASE_ACCEPTS[this.current].includes(handler.phase))
        return { kind: 'discarded', protocol, reason: 'phase' };
      handler.receive(frame.payload, frame);
      return { kind: 'delivered', protocol, handler: handler.name };
    }
    if (this.current !== 'network') return { kind: 'discarded', protocol, reason: 'unknown-protocol' };
    const packet = protocolReject(
      this.identifiers.nextIdentifier(),
      protocol,
      frame.payload,
      this.peerMruBytes,
    );
    return {
      kind: 'protocolReject',
      protocol,
      packet,
      frame: this.frame(PppProtocol.LCP, encodeCpPacket(packet)),
    };
  }

  /** The peer Protocol-Rejected `protocol` (LCP's extraCode calls this); false if nobody handles it. */
  protocolRejected(protocol: number): boolean {
    const handler = this.handlerOf(protocol);
    handler?.protocolRejected?.();
    return handler !== undefined;
  }

  /**
   * Frames a payload with the negotiated compressions (LCP always uncompressed, RFC 1661 §6.5–6.6);
   * `headroom` as for encodePppFrame (the header goes in place when the payload has room for it).
   */
  frame(protocol: number, payload: Uint8Array, headroom = 0): Uint8Array {
    return encodePppFrame(protocol, payload, this.framing, headroom);
  }
}

/** An LCP Protocol-Reject carrying as much of the rejected Information field as the peer's MRU allows. */
export function protocolReject(
  identifier: number,
  protocol: number,
  information: Uint8Array,
  peerMruBytes: number,
): ProtocolRejectPacket {
  const room = Math.max(0, peerMruBytes - 6); // Code, Identifier, Length, Rejected-Protocol
  return {
    kind: 'protocolReject',
    code: 8,
    identifier,
    rejectedProtocol: protocol,
    rejectedInformation: information.subarray(0, room),
  };
}
