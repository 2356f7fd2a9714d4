// The other CCP options a peer may offer (RFC 1962 §4: Predictor 1/2, BSD-Compress RFC 1977, Deflate
// RFC 1979 and its draft number 24): never requested, always Configure-Rejected — MPPE excludes other
// compression (pppd ccp_resetci) and we implement none. Specs exist only for pppd-style traces.
import type { OptionSpec } from '@switchyard/ppp';

function rejectOnly(
  type: number,
  name: string,
  format: (data: Uint8Array) => string,
): OptionSpec<Uint8Array> {
  return {
    type,
    name,
    decode: (data) => data,
    encode: (data) => data,
    format,
    desired: () => undefined,
    judge: () => ({ verdict: 'reject' }),
  };
}

/** pppd ccp_printpkt: `<deflate 15>` (window bits = high nibble + 8), method and check only when odd. */
function formatDeflate(label: string): (data: Uint8Array) => string {
  return (data) => {
    if (data.length < 2) return `<${label}>`;
    const first = data[0] as number;
    const method = first & 0x0f;
    const check = data[1] as number;
    return (
      `<${label} ${(first >> 4) + 8}` +
      (method !== 8 ? ` method ${method}` : '') +
      (check !== 0 ? ` check ${check}` : '') +
      '>'
    );
  };
}

export const predictor1Option = rejectOnly(1, 'predictor1', () => '<predictor 1>');
export const predictor2Option = rejectOnly(2, 'predictor2', () => '<predictor 2>');
/** BSD-Compress: `<bsd v1 15>` (version in the top 3 bits, code size in the low 5). */
export const bsdCompressOption = rejectOnly(21, 'bsd', (data) =>
  data.length < 1 ? '<bsd>' : `<bsd v${(data[0] as number) >> 5} ${(data[0] as number) & 0x1f}>`,
);
export const deflateOption = rejectOnly(26, 'deflate', formatDeflate('deflate'));
export const deflateDraftOption = rejectOnly(24, 'deflate-draft', formatDeflate('deflate(old#)'));

/** In pppd's order of preference; the order of our (empty) request list is irrelevant. */
export const OTHER_CCP_OPTIONS: readonly OptionSpec<Uint8Array>[] = [
  deflateOption,
  deflateDraftOption,
  bsdCompressOption,
  predictor1Option,
  predictor2Option,
];
