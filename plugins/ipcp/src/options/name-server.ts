// IPCP Microsoft name-server options (RFC 1877): Primary/Secondary DNS (129/131) and NBNS (130/132).
// The server hands out pppd's `ms-dns`/`ms-wins` values: a request for anything else (0.0.0.0) is Nak'd
// with the configured address, and Rejected when none is configured (pppd ipcp_reqci). The client asks
// for 0.0.0.0 (pppd `usepeerdns`) and adopts the Nak'd address.
import type { OptionSpec } from '@switchyard/ppp';
import { formatIpv4, ipv4Bytes, readIpv4 } from './ipv4.js';

export const NameServerType = {
  primaryDns: 129,
  primaryNbns: 130,
  secondaryDns: 131,
  secondaryNbns: 132,
} as const;
export type NameServerType = (typeof NameServerType)[keyof typeof NameServerType];

const NAMES: Readonly<Record<NameServerType, string>> = {
  129: 'ms-dns1',
  130: 'ms-wins1',
  131: 'ms-dns2',
  132: 'ms-wins2',
};
/** pppd prints `ms-dns1`/`ms-dns2` but plain `ms-wins` for both NBNS options (ipcp_printpkt). */
const TRACE: Readonly<Record<NameServerType, string>> = {
  129: 'ms-dns1',
  130: 'ms-wins',
  131: 'ms-dns2',
  132: 'ms-wins',
};

export interface NameServerPolicy {
  /** The address we give (server); undefined: Reject the peer's request. */
  readonly give?: number;
  /** Ask the peer for one (client `usepeerdns`). */
  readonly ask: boolean;
}

export function nameServerOption(type: NameServerType, policy: NameServerPolicy): OptionSpec<number> {
  return {
    type,
    name: NAMES[type],
    decode: (data) => (data.length === 4 ? readIpv4(data) : undefined),
    encode: ipv4Bytes,
    format: (value) => `<${TRACE[type]} ${formatIpv4(value)}>`,
    desired: () => (policy.ask ? 0 : undefined),
    judge: (peer) => {
      if (policy.give === undefined) return { verdict: 'reject' };
      return peer === policy.give ? { verdict: 'ack' } : { verdict: 'nak', suggest: policy.give };
    },
    onNak: (suggested, ours) => (ours === undefined ? undefined : suggested),
  };
}
