// LCP's codes beyond Configure/Terminate/Code-Reject (pppd lcp_extcode): Protocol-Reject (RFC 1661
// §5.7), Echo-Request/-Reply and Discard-Request (§5.8–5.9), Identification and Time-Remaining (RFC
// 1570 §1.1–1.2), which pppd silently ignores (Windows sends three Identifications, anchors §6 #13).
import {
  CpCode,
  PppProtocol,
  type AnyOptionSpec,
  type CpAutomatonView,
  type CpPacket,
  type ExtraCodeVerdict,
  type ProtocolSpec,
  type State,
} from '@switchyard/ppp';

export interface LcpExtraHooks {
  /** Our Magic-Number as the peer Acked it, 0 when not negotiated (§5.8). */
  ourMagic(): number;
  /** An Echo-Reply in Opened carrying `magic`. */
  echoReply(magic: number): void;
  /** The peer Protocol-Rejected `protocol` (not LCP): stop sending it (§5.7). */
  peerRejectedProtocol(protocol: number): void;
}

/**
 * LCP's spec for one session: its options and the extra codes, answered through `hooks` (the session's
 * Lcp). A class, so the handler is a shared method rather than a closure per session.
 */
export class LcpSpec implements ProtocolSpec {
  readonly protocol = PppProtocol.LCP;
  readonly name = 'LCP';

  constructor(
    readonly options: readonly AnyOptionSpec[],
    private readonly hooks: LcpExtraHooks,
  ) {}

  extraCode(packet: CpPacket, automaton: CpAutomatonView): ExtraCodeVerdict | undefined {
    return lcpExtraVerdict(this.hooks, packet, automaton);
  }
}

export function lcpExtraVerdict(
  hooks: LcpExtraHooks,
  packet: CpPacket,
  automaton: { readonly state: State },
): ExtraCodeVerdict | undefined {
  const opened = automaton.state === 'opened';
  if (packet.kind === 'protocolReject') {
    // §5.7: only meaningful in Opened; pppd logs and drops it otherwise.
    if (!opened) return { event: 'discard', reason: 'Protocol-Reject outside Opened' };
    if (packet.rejectedProtocol === PppProtocol.LCP) return { event: 'rxj-' };
    hooks.peerRejectedProtocol(packet.rejectedProtocol);
    return { event: 'rxj+' };
  }
  if (packet.kind !== 'magic') return undefined; // unknown code: RUC → Code-Reject
  switch (packet.code) {
    case CpCode.EchoRequest:
      // §5.8: answered in Opened only, with our magic and the request's data.
      if (!opened) return { event: 'discard', reason: 'Echo-Request outside Opened' };
      return { event: 'rxr', reply: { ...packet, code: CpCode.EchoReply, magicNumber: hooks.ourMagic() } };
    case CpCode.EchoReply:
      if (!opened) return { event: 'discard', reason: 'Echo-Reply outside Opened' };
      hooks.echoReply(packet.magicNumber);
      return { event: 'rxr' };
    case CpCode.DiscardRequest:
      return { event: 'rxr' };
    default:
      return { event: 'discard', reason: 'Identification/Time-Remaining ignored (RFC 1570; pppd)' };
  }
}
