// Answers the peer's Configure-Request (RFC 1661 §5.2–5.4): every option is judged; if any must be
// rejected the reply is a Configure-Reject of only those, else if any needs a Nak a Configure-Nak of
// only those, else a Configure-Ack echoing the request unchanged. Unknown types are always rejected.
import type { CpOption } from '../codec/cp-options.js';
import type { ConfigurePacket } from '../codec/cp-packet.js';
import type { AnyOptionSpec, NegotiatedOption } from './option-spec.js';

export interface JudgedRequest {
  readonly event: 'rcr+' | 'rcr-';
  /** The Configure-Ack, -Nak or -Reject, carrying the request's Identifier. */
  readonly reply: ConfigurePacket;
  /** The peer's values as decoded (what we agree to when the reply is an Ack). */
  readonly values: readonly NegotiatedOption[];
}

/**
 * `rejectNaks` is set once Max-Failure Naks were sent without an Ack: every Nak turns into a Reject
 * and nothing is solicited any more (RFC 1661 §4.6 Max-Failure; pppd reject_if_disagree).
 */
export function judgeRequest(
  request: ConfigurePacket,
  options: readonly AnyOptionSpec[],
  rejectNaks: boolean,
): JudgedRequest {
  const rejects: CpOption[] = [];
  const naks: CpOption[] = [];
  const values: NegotiatedOption[] = [];
  const present = new Set<number>();
  for (const option of request.options) {
    present.add(option.type);
    const spec = options.find((candidate) => candidate.type === option.type);
    const value = spec?.decode(option.data);
    if (spec === undefined || value === undefined) {
      rejects.push(option); // unknown or undecodable: Configure-Reject, never silence (§5.4)
      continue;
    }
    const verdict = spec.judge(value);
    if (verdict.verdict === 'ack') values.push({ type: spec.type, name: spec.name, value });
    else if (verdict.verdict === 'nak' && !rejectNaks)
      naks.push({ type: option.type, data: spec.encode(verdict.suggest) });
    else rejects.push(option);
  }
  const reply = (code: 2 | 3 | 4, list: readonly CpOption[]): ConfigurePacket => ({
    kind: 'configure',
    code,
    identifier: request.identifier,
    options: list,
  });
  if (rejects.length > 0) return { event: 'rcr-', reply: reply(4, rejects), values };
  if (!rejectNaks) naks.push(...solicited(options, present));
  if (naks.length > 0) return { event: 'rcr-', reply: reply(3, naks), values };
  return { event: 'rcr+', reply: reply(2, request.options), values };
}

/** Options we want the peer to request but it left out (§5.3), appended after the Nak'd ones. */
function solicited(options: readonly AnyOptionSpec[], present: ReadonlySet<number>): CpOption[] {
  const out: CpOption[] = [];
  for (const spec of options) {
    if (present.has(spec.type)) continue;
    const value = spec.solicit?.();
    if (value !== undefined) out.push({ type: spec.type, data: spec.encode(value) });
  }
  return out;
}
