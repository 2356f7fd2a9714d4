// LCP Magic-Number, type 5 (RFC 1661 §6.4) with loop-back detection: a peer request carrying our own
// magic is Nak'd with a fresh random one, and a Nak of our magic makes us pick a new one. A Nak that
// carries the very value we put in our last Nak is the RFC's sign of a looped-back link; after
// LOOPBACK_FAIL such Naks in a row LCP declares the line looped back (pppd "Serial line is looped back").
import type { OptionSpec } from '@switchyard/ppp';
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
  let current: number | undefined;
  let lastNakSent: number | undefined;
  let loops = 0;
  return {
    type: 5,
    name: 'magic',
    get loops() {
      return loops;
    },
    get current() {
      return current;
    },
    decode: (data) => (data.length === 4 ? readU32(data) : undefined),
    encode: u32Bytes,
    format: (value) => `<magic ${hex32(value)}>`,
    // pppd lcp_resetci: a new random magic for every negotiation.
    desired: () => {
      loops = 0;
      current = enabled ? nonZero(random) : undefined;
      return current;
    },
    judge: (peer) => {
      if (!enabled) return REJECT;
      // Our own magic coming back (or the illegal zero): Nak with another value (§6.4).
      if (peer === 0 || peer === current) {
        lastNakSent = nonZero(random);
        return { verdict: 'nak', suggest: lastNakSent };
      }
      return ACK;
    },
    // The peer saw its own magic in our request, or we are talking to ourselves: pick anew (§6.4).
    onNak: (suggested, ours) => {
      if (ours === undefined) return undefined;
      // §6.4: "Configure-Nak with the same Magic-Number as in the last Configure-Nak sent" = looped.
      loops = suggested === lastNakSent ? loops + 1 : 0;
      current = nonZero(random);
      return current;
    },
    onAck: () => {
      loops = 0;
    },
    onReject: () => {
      current = undefined;
    },
  };
}
