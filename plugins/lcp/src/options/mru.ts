// LCP Maximum-Receive-Unit, type 1 (RFC 1661 §6.1), with pppd's rules (lcp.c): we request our MRU only
// when it differs from the default 1500; the peer's MRU is Acked down to MINMRU 128 and Nak'd below it.
import type { OptionSpec } from '@switchyard/ppp';
import { ACK, readU16, u16Bytes } from './fields.js';

/** RFC 1661 §6.1 default, pppd DEFMRU. */
export const DEFAULT_MRU = 1500;
/** pppd MINMRU: a smaller MRU is Nak'd up to this. */
export const MIN_MRU = 128;

export function mruOption(mru: number): OptionSpec<number> {
  return {
    type: 1,
    name: 'mru',
    decode: (data) => (data.length === 2 ? readU16(data) : undefined),
    encode: u16Bytes,
    format: (value) => `<mru ${value}>`,
    // pppd lcp_cilen: an MRU equal to the default is not worth an option.
    desired: () => (mru === DEFAULT_MRU ? undefined : mru),
    judge: (peer) => (peer < MIN_MRU ? { verdict: 'nak', suggest: MIN_MRU } : ACK),
    // pppd lcp_nakci: take a smaller suggestion (or one within the default), else keep asking for ours.
    onNak: (suggested, ours) => {
      if (ours === undefined) return suggested < DEFAULT_MRU ? suggested : undefined;
      return suggested <= ours || suggested <= DEFAULT_MRU ? suggested : ours;
    },
  };
}
