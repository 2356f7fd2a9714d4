// IPCP IP-Compression-Protocol, type 2 (RFC 1332 §3.2): Van Jacobson TCP/IP header compression. Not
// implemented, so always Rejected (pptpd's `novj`, its default since 1.3.0; the capture's client asks
// `<compress VJ 0f 01>` and pppd Rejects it). Decoded only for pppd-style traces.
import { PppProtocol, type OptionSpec } from '@switchyard/ppp';

const hexTail = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => ' ' + b.toString(16).padStart(2, '0')).join('');

export const ipCompressionOption: OptionSpec<Uint8Array> = {
  type: 2,
  name: 'compress',
  decode: (data) => (data.length >= 2 ? data : undefined),
  encode: (value) => value,
  format: (value) => {
    const protocol = ((value[0] as number) << 8) | (value[1] as number);
    const name =
      protocol === PppProtocol.VJ_COMPRESSED_TCP
        ? 'VJ'
        : protocol === 0x0037
          ? 'old-VJ'
          : `0x${protocol.toString(16)}`;
    return `<compress ${name}${hexTail(value.subarray(2))}>`;
  },
  desired: () => undefined,
  judge: () => ({ verdict: 'reject' }),
};
