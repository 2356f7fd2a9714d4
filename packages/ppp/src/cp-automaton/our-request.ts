// Our side of the negotiation: the values our Configure-Request asks for, reset from each option's
// desired() when a negotiation starts, and changed by the peer's Configure-Nak (§5.3) and
// Configure-Reject (§5.4) through the option hooks before the next Configure-Request.
import { type CpOption, cpOptionEquals } from '../codec/cp-options.js';
import type { AnyOptionSpec, NegotiatedOption } from './option-spec.js';

export class OurRequest {
  /** Our values by option type; none while Opened (see release()), created again by reset(). */
  private held: Map<number, unknown> | undefined;

  constructor(private readonly options: readonly AnyOptionSpec[]) {}

  /** A new negotiation: every option back to desired() (pppd resetci). */
  reset(): void {
    this.held = new Map();
    for (const spec of this.options) {
      const value = spec.desired();
      if (value !== undefined) this.wanted.set(spec.type, value);
    }
  }

  /** Drops the values (Opened, where they are not used): reset() rebuilds them before any new request. */
  release(): void {
    this.held = undefined;
  }

  /** Even an empty Map holds a 150-byte table: let it go between negotiations. */
  private get wanted(): Map<number, unknown> {
    return (this.held ??= new Map());
  }

  /** The option list for the next Configure-Request, in the ProtocolSpec's order. */
  encode(): CpOption[] {
    const out: CpOption[] = [];
    for (const spec of this.options) {
      if (this.wanted.has(spec.type))
        out.push({ type: spec.type, data: spec.encode(this.wanted.get(spec.type)) });
    }
    return out;
  }

  values(): NegotiatedOption[] {
    return this.options
      .filter((spec) => this.wanted.has(spec.type))
      .map((spec) => ({ type: spec.type, name: spec.name, value: this.wanted.get(spec.type) }));
  }

  /** The peer Acked our request: tell the options, return what was agreed. */
  acknowledge(): NegotiatedOption[] {
    const agreed = this.values();
    for (const { type, value } of agreed) this.spec(type)?.onAck?.(value);
    return agreed;
  }

  /**
   * Applies a Configure-Nak. The whole Nak is checked first: if an option we know carries a value it
   * cannot decode, nothing changes and false is returned (pppd discards a "bad configure-nak"). Only the
   * first instance of a type counts (§5.3: the peer lists alternatives, we pick one). Unknown types are
   * ignored. `asReject` (Max-Failure Naks received, pppd treat_as_reject) drops the Nak'd options instead.
   */
  applyNak(naked: readonly CpOption[], asReject: boolean): boolean {
    const suggestions: [AnyOptionSpec, unknown][] = [];
    for (const option of naked) {
      const spec = this.spec(option.type);
      if (spec === undefined || suggestions.some(([seen]) => seen === spec)) continue;
      const value = spec.decode(option.data);
      if (value === undefined) return false;
      suggestions.push([spec, value]);
    }
    for (const [spec, suggested] of suggestions) {
      const requested = this.wanted.has(spec.type);
      const ours = this.wanted.get(spec.type);
      if (asReject) {
        if (requested) this.drop(spec, ours);
        continue;
      }
      const next = spec.onNak
        ? spec.onNak(suggested, requested ? ours : undefined)
        : requested
          ? suggested
          : undefined;
      if (next !== undefined) this.wanted.set(spec.type, next);
      else this.wanted.delete(spec.type);
    }
    return true;
  }

  /**
   * Applies a Configure-Reject, which must list options of `sent` unmodified and in order (§5.4 "proper
   * subset"); otherwise nothing changes and false is returned.
   */
  applyReject(rejected: readonly CpOption[], sent: readonly CpOption[]): boolean {
    let at = 0;
    for (const option of rejected) {
      while (at < sent.length && !cpOptionEquals(sent[at] as CpOption, option)) at++;
      if (at === sent.length) return false;
      at++;
    }
    for (const option of rejected) {
      const spec = this.spec(option.type);
      if (spec !== undefined && this.wanted.has(spec.type)) this.drop(spec, this.wanted.get(spec.type));
    }
    return true;
  }

  private drop(spec: AnyOptionSpec, ours: unknown): void {
    this.wanted.delete(spec.type);
    spec.onReject?.(ours);
  }

  private spec(type: number): AnyOptionSpec | undefined {
    return this.options.find((candidate) => candidate.type === type);
  }
}
