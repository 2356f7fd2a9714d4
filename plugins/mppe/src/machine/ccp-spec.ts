// CCP (RFC 1962) as a ProtocolSpec for the generic RFC 1661 automaton: the MPPE option (RFC 3078 §2)
// with per-session hooks, the other compressions as reject-only options, and Reset-Request/-Ack
// (RFC 1962 §3.1) as extra codes (pppd ccp_extcode).
import {
  CpCode,
  PppProtocol,
  type AnyOptionSpec,
  type CpAutomatonView,
  type CpPacket,
  type ExtraCodeVerdict,
  type OptionSpec,
  type ProtocolSpec,
  type Verdict,
} from '@switchyard/ppp';
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

/**
 * The MPPE option. A class rather than an object of arrow functions: its methods live on the
 * prototype, so a session's spec is one small object instead of seven closures and their context.
 */
class MppeOptionSpec implements OptionSpec<number> {
  readonly type = MPPE_OPTION_TYPE;
  readonly name = 'mppe';

  constructor(private readonly hooks: CcpHooks) {}

  decode(data: Uint8Array): number | undefined {
    return decodeMppeBits(data);
  }

  encode(value: number): Uint8Array {
    return encodeMppeBits(value);
  }

  format(value: number): string {
    return formatMppeBits(value);
  }

  desired(): number | undefined {
    return desiredMppeBits(this.hooks.policy());
  }

  judge(peer: number): Verdict<number> {
    return judgeMppeRequest(this.hooks.policy(), peer);
  }

  // A peer that leaves MPPE out of its request would receive in clear: Nak to prompt it (RFC 1661
  // §5.3). pppd Acks such a request; the Opened check then ends the session anyway.
  solicit(): number | undefined {
    const policy = this.hooks.policy();
    const strongest = policy.strengths[0];
    return policy.required && strongest !== undefined ? mppeBits(strongest, true) : undefined;
  }

  onNak(suggested: number, ours: number | undefined): number | undefined {
    if (ours === undefined) return undefined; // we did not ask for MPPE (it is off): don't start now
    const outcome = acceptMppeNak(this.hooks.policy(), suggested);
    if (outcome.ok) return outcome.bits;
    this.hooks.refused(outcome.reason);
    return undefined;
  }

  // Also reached after Max-Failure Naks in a row (pppd treat_as_reject).
  onReject(): void {
    this.hooks.refused('MPPE required but peer refused');
  }
}

export function mppeOptionSpec(hooks: CcpHooks): OptionSpec<number> {
  return new MppeOptionSpec(hooks);
}

/** CCP with one session's MPPE option; a class for the reason MppeOptionSpec is one. */
class CcpSpec implements ProtocolSpec {
  readonly protocol = PppProtocol.CCP;
  readonly name = 'CCP';
  readonly options: readonly AnyOptionSpec[];

  constructor(private readonly hooks: CcpHooks) {
    this.options = [new MppeOptionSpec(hooks) as OptionSpec<never> as AnyOptionSpec, ...OTHER_CCP_OPTIONS];
  }

  extraCode(packet: CpPacket, automaton: CpAutomatonView): ExtraCodeVerdict | undefined {
    if (packet.kind !== 'other') return undefined;
    if (packet.code === CpCode.ResetRequest) {
      // pppd ignores a Reset-Request outside Opened: there is no transmitter to reset.
      if (automaton.state !== 'opened') return { event: 'discard', reason: 'Reset-Request outside Opened' };
      this.hooks.resetRequested();
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
      this.hooks.resetAcked(packet.identifier);
      return { event: 'rxr' };
    }
    return undefined; // any other code: Code-Reject (RFC 1962 §2)
  }
}

export function ccpSpec(hooks: CcpHooks): ProtocolSpec {
  return new CcpSpec(hooks);
}
