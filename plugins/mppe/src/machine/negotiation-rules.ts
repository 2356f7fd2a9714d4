// How we answer and ask for the MPPE option (RFC 3078 §2.1, pppd ccp.c ccp_reqci/ccp_nakci), as pure
// functions over the Supported Bits: one strength per direction, stateless unless the policy allows
// stateful and the peer wants it.
import type { Verdict } from '@switchyard/ppp';
import type { MppeStrength } from '@switchyard/crypto';
import { MppeBit, isStateless, mppeBits, strengthBit, strengthsIn } from '../codec/mppe-option.js';
import type { MppePolicy } from './policy.js';

/**
 * What our Configure-Request asks for: stateless plus every strength we accept (§2.1 "the negotiation
 * initiator SHOULD request all of the options it supports"; pppd MPPE_OPTS_TO_CI). pppd always asks for
 * stateless, even with `mppe-stateful`; only `requestStateful` (ours, not pppd's) leaves H out.
 * Undefined when MPPE is off.
 */
export function desiredMppeBits(policy: MppePolicy): number | undefined {
  if (!policy.required) return undefined;
  const mode = policy.requestStateful && policy.allowStateful ? 0 : MppeBit.H;
  return policy.strengths.reduce<number>((bits, strength) => bits | strengthBit(strength), mode) >>> 0;
}

/** The strongest of `offered` that we accept, if any. */
function strongestAccepted(policy: MppePolicy, offered: readonly MppeStrength[]): MppeStrength | undefined {
  return policy.strengths.find((strength) => offered.includes(strength));
}

/**
 * Judges the peer's request, i.e. what we will encrypt with. Acked only when it names exactly one
 * strength we accept, no obsolete (D), MPPC (C) or reserved bit, and stateless mode unless we allow
 * stateful. Otherwise a Nak with the single strongest option we accept (§2.1 "The responder SHOULD NAK
 * with a single encryption option"): the peer's own choice when it offered several, our strongest when
 * it offered none we take (Windows' first request offers only +H, anchors §5.3). Deviations from pppd:
 * pppd Naks an offer without strength bits with every allowed bit (+S +L), and Rejects (closing the link)
 * a stateful request or a strength it does not allow; a single-option Nak gives the peer one more chance.
 */
export function judgeMppeRequest(policy: MppePolicy, peer: number): Verdict<number> {
  if (!policy.required) return { verdict: 'reject' };
  const stateless = isStateless(peer) || !policy.allowStateful;
  const strength = strongestAccepted(policy, strengthsIn(peer)) ?? (policy.strengths[0] as MppeStrength);
  const wanted = mppeBits(strength, stateless);
  return peer === wanted ? { verdict: 'ack' } : { verdict: 'nak', suggest: wanted };
}

export type NakOutcome =
  { readonly ok: true; readonly bits: number } | { readonly ok: false; readonly reason: string };

/**
 * The peer Nak'd our request suggesting `suggested` (pppd ccp_nakci): follow it when it names a strength
 * we accept (the strongest, should it name several) and does not force stateful mode on us against the
 * policy. Reserved, D and C bits in the suggestion are ignored. Anything else ends the negotiation.
 */
export function acceptMppeNak(policy: MppePolicy, suggested: number): NakOutcome {
  if (!isStateless(suggested) && !policy.allowStateful) {
    return { ok: false, reason: 'Refusing MPPE stateful mode offered by peer' };
  }
  const strength = strongestAccepted(policy, strengthsIn(suggested));
  if (strength === undefined) return { ok: false, reason: 'MPPE required but peer negotiation failed' };
  return { ok: true, bits: mppeBits(strength, isStateless(suggested)) };
}

/** One direction as agreed: the strength to use (the strongest bit set, as Linux does) and the mode. */
export interface MppeDirection {
  readonly strength: MppeStrength;
  readonly stateless: boolean;
  readonly bits: number;
}

/** The direction an Acked option value describes, or undefined when it names no strength. */
/** One frozen record per option value: every session of a kind shares it for its whole life. */
const directions = new Map<number, MppeDirection>();

export function mppeDirection(bits: number | undefined): MppeDirection | undefined {
  if (bits === undefined) return undefined;
  const strength = strengthsIn(bits)[0];
  if (strength === undefined) return undefined;
  let direction = directions.get(bits);
  if (direction === undefined) {
    direction = Object.freeze({ strength, stateless: isStateless(bits), bits });
    // Peers choose among a few values; a bound in case one sends every possible 32-bit value.
    if (directions.size < 256) directions.set(bits, direction);
  }
  return direction;
}
