// IPCP IP-Addresses, type 1 (RFC 1332 §A.1): deprecated by IP-Address (3). Rejected, so the peer falls
// back to option 3 (RFC 1332 §3.1: "its use is deprecated"); decoded only for pppd-style traces.
import type { OptionSpec } from '@switchyard/ppp';
import { formatIpv4, readIpv4 } from './ipv4.js';

export const ipAddressesOption: OptionSpec<Uint8Array> = {
  type: 1,
  name: 'addrs',
  decode: (data) => (data.length === 8 ? data : undefined),
  encode: (value) => value,
  format: (value) => `<addrs ${formatIpv4(readIpv4(value))} ${formatIpv4(readIpv4(value.subarray(4)))}>`,
  desired: () => undefined,
  judge: () => ({ verdict: 'reject' }),
};
