// IPCP IP-Address, type 3 (RFC 1332 §3.3). The server asks for its own address (`localip`) and gives
// the peer the leased one: a request for 0.0.0.0 or any other address is Nak'd with the lease, and a
// request without the option gets it appended to our Nak (pppd ipcp_reqci). The client asks for
// 0.0.0.0 and takes what the server Naks back; it Acks the server's own address.
import type { OptionSpec } from '@switchyard/ppp';
import { formatIpv4, ipv4Bytes, readIpv4 } from './ipv4.js';

export interface IpAddressPolicy {
  /** Our address to request: the server's `localip`, a client's 0 ("assign me one"); undefined: none. */
  readonly local: () => number | undefined;
  /** The address the peer must use (the lease); undefined: Ack whatever non-zero address it asks for. */
  readonly assigned: () => number | undefined;
  /** Adopt the address the peer Naks ours to (client); the server keeps its own (pppd without ipcp-accept-local). */
  readonly acceptNak: boolean;
}

export function ipAddressOption(policy: IpAddressPolicy): OptionSpec<number> {
  let solicited = false;
  return {
    type: 3,
    name: 'addr',
    decode: (data) => (data.length === 4 ? readIpv4(data) : undefined),
    encode: ipv4Bytes,
    format: (value) => `<addr ${formatIpv4(value)}>`,
    desired: () => {
      solicited = false;
      return policy.local();
    },
    judge: (peer) => {
      const assigned = policy.assigned();
      if (assigned === undefined) return peer === 0 ? { verdict: 'reject' } : { verdict: 'ack' };
      return peer === assigned ? { verdict: 'ack' } : { verdict: 'nak', suggest: assigned };
    },
    // pppd appends the peer's address to a Nak once when the peer did not ask for one (§5.3).
    solicit: () => {
      const assigned = policy.assigned();
      if (assigned === undefined || solicited) return undefined;
      solicited = true;
      return assigned;
    },
    onNak: (suggested, ours) => (policy.acceptNak ? suggested : ours),
  };
}
