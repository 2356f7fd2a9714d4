// CCP (RFC 1962) as a ProtocolSpec for the generic RFC 1661 automaton: the MPPE option (RFC 3078 §2)
// with per-session hooks, the other compressions as reject-only options, and Reset-Request/-Ack
// (RFC 1962 §3.1) as extra codes (pppd ccp_extcode).
import { CpCode, PppProtocol, type OptionSpec, type ProtocolSpec } from '@switchyard/ppp';
import {
  MPPE_OPTION_TYPE,
  decodeMppeBits,
  encodeMppeBits,
  formatMppeBits,
  mppeBits,
} from '../codec/mppe-option.js';
import { acceptMppeNak, desiredMppeBits, judgeMppeRequest } from './negotiation-rules.js';
import { OTHER_CCP_OPTIONS } from './other-options.js';
import type { MppePolicy } from './policy.js';

/** What the spec asks of the session that owns it. Called synchronously from inside the automaton. */
export interface CcpHooks {
  /** The policy of the negotiation under way (MPPE_OFF when MPPE is not required). */
  policy(): MppePolicy;
  /** Required MPPE cannot be agreed: the session must end. Must not call back into the automaton. */
  refused(reason: string): void;
  /** A Reset-Request in Opened: our transmitter resynchronises (RFC 3078 §8.2). */
  resetRequested(): void;
  /** A Reset-Ack; `identifier` says which Reset-Request it answers. */
  resetAcked(identifier: number): void;
}

const EMPTY = new Uint8Array(0);

export function mppeOptionSpec(hooks: CcpHooks): OptionSpec<number> {
  return {
    type: MPPE_OPTION_TYPE,
    name: 'mppe',
    decode: decodeMppeBits,
    encode: encodeMppeBits,
    format: formatMppeBits,
    desired: () => desiredMppeBits(hooks.policy()),
    judge: (peer) => judgeMppeRequest(hooks.policy(), peer),
    // A peer that leaves MPPE out of its request would receive in clear: Nak to prompt it (RFC 1661
    // §5.3). pppd Acks such a request; the Opened check then ends the session anyway.
    solicit: () => {
      const policy = hooks.policy();
      const strongest = policy.strengths[0];
      return policy.required && strongest !== undefined ? mppeBits(strongest, true) : undefined;
    },
    onNak: (suggested, ours) => {
      if (ours === undefined) return undefined; // we did not ask for MPPE (it is off): don't start now
      const outcome = acceptMppeNak(hooks.policy(), suggested);
      if (outcome.ok) return outcome.bits;
      hooks.refused(outcome.reason);
      return undefined;
    },
    // Also reached after Max-Failure Naks in a row (pppd treat_as_reject).
    onReject: () => hooks.refused('MPPE required but peer refused'),
  };
}

export function ccpSpec(hooks: CcpHooks): ProtocolSpec {
  return {
    protocol: PppProtocol.CCP,
    name: 'CCP',
    options: [mppeOptionSpec(hooks), ...OTHER_CCP_OPTIONS],
    extraCode: (packet, automaton) => {
      if (packet.kind !== 'other') return undefined;
      if (packet.code === CpCode.ResetRequest) {
        // pppd ignores a Reset-Request outside Opened: there is no transmitter to reset.
        if (automaton.state !== 'opened') return { event: 'discard', reason: 'Reset-Request outside Opened' };
        hooks.resetRequested();
        // RFC 1962 §3.1: "the Identifier field copied from the Reset-Request packet".
        const reply = {
          kind: 'other',
          code: CpCode.ResetAck,
          identifier: packet.identifier,
          data: EMPTY,
        } as const;
        return { event: 'rxr', reply };
      }
      if (packet.code === CpCode.ResetAck) {
        hooks.resetAcked(packet.identifier);
        return { event: 'rxr' };
      }
      return undefined; // any other code: Code-Reject (RFC 1962 §2)
    },
  };
}
