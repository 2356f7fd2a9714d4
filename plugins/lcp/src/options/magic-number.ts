// LCP Magic-Number, type 5 (RFC 1661 §6.4) with loop-back detection: a peer request carrying our own
// magic is Nak'd with a fresh random one, and a Nak of our magic makes us pick a new one. A Nak that
// carries the very value we put in our last Nak is the RFC's sign of a looped-back link; after
// LOOPBACK_FAIL such Naks in a row LCP declares the line looped back (pppd "Serial line is looped back").
import type { OptionSpec, Verdict } from '@switchyard/ppp';
import { ACK, REJECT, hex32, readU32, u32Bytes } from './fields.js';

/**
 * Looped-back Naks in a row before giving up. pppd counts any Nak of its magic up to DEFLOOPBACKFAIL
 * (10), which our Max-Failure (5, after which Naks turn into Rejects) would never let it reach; the
 * RFC's evidence is far stronger (a 32-bit random value coming back), so three suffice.
 */
export const LOOPBACK_FAIL = 3;

export interface MagicNumberOption extends OptionSpec<number> {
  /** Consecutive Naks that echoed our own last Nak (RFC 1661 §6.4 loop-back evidence). */
  readonly loops: number;
  /** The magic our next Configure-Request carries. */
  readonly current: number | undefined;
}

/** A non-zero random 32-bit value: zero is illegal as a Magic-Number (§6.4). */
function nonZero(random: () => number): number {
  for (;;) {
    const value = random() >>> 0;
    if (value !== 0) return value;
  }
}

/** `enabled` false is pppd's `nomagic`: not requested, and the peer's Rejected. */
export function magicNumberOption(enabled: boolean, random: () => number): MagicNumberOption {
  return new MagicNumberSpec(enabled, random);
}

/**
 * A class rather than an object literal with getters: such a literal is kept as a dictionary (about
 * 800 bytes), and every session has one.
 */
class MagicNumberSpec implements MagicNumberOption {
  readonly type = 5;
  readonly name = 'magic';
  current: number | undefined;
  loops = 0;
  private lastNakSent: number | undefined;

  constructor(
    private readonly enabled: boolean,
    private readonly random: () => number,
  ) {}

  decode(data: Uint8Array): number | undefined {
    return data.length === 4 ? readU32(data) : undefined;
  }

  encode(value: number): Uint8Array {
    return u32Bytes(value);
  }

  format(value: number): string {
    return `<magic ${hex32(value)}>`;
  }

  /** pppd lcp_resetci: a new random magic for every negotiation. */
  desired(): number | undefined {
    this.loops = 0;
    this.current = this.enabled ? nonZero(this.random) : undefined;
    return this.current;
  }

  judge(peer: number): Verdict<number> {
    if (!this.enabled) return REJECT;
    // Our own magic coming back (or the illegal zero): Nak with another value (§6.4).
    if (peer === 0 || peer === this.current) {
      this.lastNakSent = nonZero(this.random);
      return { verdict: 'nak', suggest: this.lastNakSent };
    }
    return ACK;
  }

  /** The peer saw its own magic in our request, or we are talking to ourselves: pick anew (§6.4). */
  onNak(suggested: number, ours: number | undefined): number | undefined {
    if (ours === undefined) return undefined;
    // §6.4: "Configure-Nak with the same Magic-Number as in the last Configure-Nak sent" = looped.
    this.loops = suggested === this.lastNakSent ? this.loops + 1 : 0;
    this.current = nonZero(this.random);
    return this.current;
  }

  onAck(): void {
    this.loops = 0;
  }

  onReject(): void {
    this.current = undefined;
  }
}
