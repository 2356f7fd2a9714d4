// LCP Async-Control-Character-Map, type 2 (RFC 1662 §7.1). PPTP carries PPP over GRE without HDLC
// framing (RFC 2637 §4), so the map is meaningless here: requested as pppd does (`asyncmap 0`, to
// match its bytes), every peer value Acked and then ignored (anchors §6 #11, #13).
import type { OptionSpec } from '@switchyard/ppp';
import { ACK, hex32, readU32, u32Bytes } from './fields.js';

/** pppd does not request the all-ones map: it is the default (lcp_cilen). */
export const DEFAULT_ACCM = 0xffffffff;

export function accmOption(asyncmap: number): OptionSpec<number> {
  return {
    type: 2,
    name: 'asyncmap',
    decode: (data) => (data.length === 4 ? readU32(data) : undefined),
    encode: u32Bytes,
    format: (value) => `<asyncmap ${hex32(value)}>`,
    desired: () => (asyncmap >>> 0 === DEFAULT_ACCM ? undefined : asyncmap >>> 0),
    judge: () => ACK,
    // pppd lcp_nakci: escape what both sides want escaped; ignore a map we did not ask for.
    onNak: (suggested, ours) => (ours === undefined ? undefined : (ours | suggested) >>> 0),
  };
}
