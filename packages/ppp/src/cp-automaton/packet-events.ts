// Maps a received control packet to its RFC 1661 §4.3 event: Configure-Request → RCR± from the
// option judges, replies → RCA/RCN once checked against our request, Terminate → RTR/RTA,
// Code-Reject → RXJ±, other codes → the protocol's extraCode handler (pppd extcode) or RUC.
import type { ConfigurePacket, CpPacket } from '../codec/cp-packet.js';
import type { Negotiation } from './negotiation.js';
import type { CpAutomatonView, NegotiatedOption, ProtocolSpec } from './option-spec.js';
import type { CpOutput, DiscardReason } from './outputs.js';
import { type Event, type State, NEGOTIATING_STATES, TERMINATING_STATES } from './table.js';

/** What the actions of the event need from the packet: the reply for sca/scn, the Echo-Reply for ser. */
export interface Inbound {
  readonly packet: CpPacket;
  readonly reply?: ConfigurePacket;
  readonly peerValues?: readonly NegotiatedOption[];
  readonly echoReply?: CpPacket;
}

export type PacketEvent =
  | {
      readonly event: Event;
      readonly inbound?: Omit<Inbound, 'packet'>;
      readonly notes?: readonly CpOutput[];
    }
  | { readonly discard: DiscardReason; readonly detail?: string };

/** Codes every control protocol needs (§5: 1–7); their Code-Reject is catastrophic (§4.3 RXJ-). */
const isFundamental = (code: number): boolean => code >= 1 && code <= 7;

/** Classifies `packet` for an automaton in `state` (not Initial/Starting, where everything is dropped). */
export function packetEvent(
  packet: CpPacket,
  state: State,
  spec: ProtocolSpec,
  negotiation: Negotiation,
  view: CpAutomatonView,
): PacketEvent {
  switch (packet.kind) {
    case 'configure':
      return packet.code === 1
        ? requestEvent(packet, state, negotiation)
        : responseEvent(packet, state, negotiation);
    case 'terminate':
      return { event: packet.code === 5 ? 'rtr' : 'rta' };
    case 'codeReject': {
      const code = packet.rejectedPacket[0];
      if (code === undefined) return { discard: 'empty-code-reject' };
      const fatal = isFundamental(code);
      return { event: fatal ? 'rxj-' : 'rxj+', notes: [{ kind: 'codeRejected', code, fatal }] };
    }
    default: {
      const verdict = spec.extraCode?.(packet, view) ?? { event: 'ruc' };
      if (verdict.event === 'discard') return { discard: 'extra-code', detail: verdict.reason };
      if (verdict.event === 'rxr') return { event: 'rxr', inbound: { echoReply: verdict.reply } };
      return { event: verdict.event };
    }
  }
}

function requestEvent(request: ConfigurePacket, state: State, negotiation: Negotiation): PacketEvent {
  // Closed, Closing, Stopping: the RCR+ and RCR- cells are identical, so the request is not judged.
  if (state === 'closed' || TERMINATING_STATES.has(state)) return { event: 'rcr+' };
  // From Stopped or Opened the request starts a new negotiation.
  const judged = negotiation.judge(request, !NEGOTIATING_STATES.has(state));
  return { event: judged.event, inbound: { reply: judged.reply, peerValues: judged.values } };
}

/** Configure-Ack/-Nak/-Reject: valid only for our outstanding request, once (§5.2–5.4, pppd seen_ack). */
function responseEvent(reply: ConfigurePacket, state: State, negotiation: Negotiation): PacketEvent {
  const event = reply.code === 2 ? 'rca' : 'rcn';
  // Closed, Stopped, Closing, Stopping treat any reply alike (sta or nothing): there is nothing to match.
  if (!NEGOTIATING_STATES.has(state) && state !== 'opened') return { event };
  const problem = negotiation.accept(reply);
  return problem === undefined ? { event } : { discard: problem };
}
