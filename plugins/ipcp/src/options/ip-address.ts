// IPCP IP-Address, type 3 (RFC 1332 §3.3). The server asks for its own address (`localip`) and gives
// the peer the leased one: a request for 0.0.0.0 or any other address is Nak'd with the lease, and a
// request without the option gets it appended to our Nak (pppd ipcp_reqci). The client asks for
// 0.0.0.0 and takes what the server Naks back; it Acks the server's own address.
import type { OptionSpec, Verdict } from '@switchyard/ppp';
import { formatIpv4, ipv4Bytes, readIpv4 } from './ipv4.js';

export interface IpAddressPolicy {
  /** Our address to request: the server's `localip`, a client's 0 ("assign me one"); undefined: none. */
  local(): number | undefined;
  /** The address the peer must use (the lease); undefined: Ack whatever non-zero address it asks for. */
  assigned(): number | undefined;
  /** Adopt the address the peer Naks ours to (client); the server keeps its own (pppd without ipcp-accept-local). */
  readonly acceptNak: boolean;
}

/** A class: one small object per session where an object of arrow functions was six closures. */
class IpAddressOption implements OptionSpec<number> {
  readonly type = 3;
  readonly name = 'addr';
  private solicited = false;

  constructor(private readonly policy: IpAddressPolicy) {}

  decode(data: Uint8Array): number | undefined {
    return data.length === 4 ? readIpv4(data) : undefined;
  }

  encode(value: number): Uint8Array {
    return ipv4Bytes(value);
  }

  format(value: number): string {
    return `<addr ${formatIpv4(value)}>`;
  }

  desired(): number | undefined {
    this.solicited = false;
    return this.policy.local();
  }

  judge(peer: number): Verdict<number> {
    const assigned = this.policy.assigned();
    if (assigned === undefined) return peer === 0 ? { verdict: 'reject' } : { verdict: 'ack' };
    return peer === assigned ? { verdict: 'ack' } : { verdict: 'nak', suggest: assigned };
  }

  // pppd appends the peer's address to a Nak once when the peer did not ask for one (§5.3).
  solicit(): number | undefined {
    const assigned = this.policy.assigned();
    if (assigned === undefined || this.solicited) return undefined;
    this.solicited = true;
    return assigned;
  }

  onNak(suggested: number, ours: number | undefined): number | undefined {
    return this.policy.acceptNak ? suggested : ours;
  }
}

export function ipAddressOption(policy: IpAddressPolicy): OptionSpec<number> {
  return new IpAddressOption(policy);
}
