// IPv4 address allocation for tunnel peers (pptpd `remoteip`/`localip`, chap-secrets' IP column).
import { createToken } from '../tokens.js';

export interface LeaseRequest {
  readonly sessionId: number;
  readonly user?: string;
  /**
   * Addresses the credential store allows for this user, as pppd address words (pppd.8 AUTHENTICATION):
   * `a.b.c.d`, `a.b.c.d/n`, `!`-prefixed exclusions, `*` (any) and `-` (none). Empty means "any from
   * the pool" (a store with no opinion); chap-secrets' pppd rule "no IP column = no address" is `['-']`.
   */
  readonly allowed?: readonly string[];
  /** The address the peer asked for in IPCP, honoured when free and allowed. */
  readonly requested?: string;
}

export interface Lease {
  readonly address: string;
  readonly sessionId: number;
  /** Our end of the link (pptpd `localip`, paired with `address` by position); absent: IPCP decides. */
  readonly local?: string;
}

/**
 * One address per session; `release` is idempotent. Whoever obtains a lease releases it when the
 * session ends (a Session.attach resource), so every kind of session end returns it; a pool may also
 * tie the lease to the session itself (plugins/ip-pool does).
 */
export interface AddressPool {
  /** `undefined` means the pool is exhausted (or no allowed address is free). */
  allocate(request: LeaseRequest): Promise<Lease | undefined>;
  release(lease: Lease): void;
}

export const addressPoolToken = createToken<AddressPool>('core.addressPool');
