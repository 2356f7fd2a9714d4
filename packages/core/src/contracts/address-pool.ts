// IPv4 address allocation for tunnel peers (pptpd `remoteip`, chap-secrets' IP column).
import { createToken } from '../tokens.js';

export interface LeaseRequest {
  readonly sessionId: number;
  readonly user?: string;
  /** Addresses the credential store allows for this user; empty means "any from the pool". */
  readonly allowed?: readonly string[];
  /** The address the peer asked for in IPCP, honoured when free and allowed. */
  readonly requested?: string;
}

export interface Lease {
  readonly address: string;
  readonly sessionId: number;
}

/** One address per session; `release` is idempotent. */
export interface AddressPool {
  /** `undefined` means the pool is exhausted (or no allowed address is free). */
  allocate(request: LeaseRequest): Promise<Lease | undefined>;
  release(lease: Lease): void;
}

export const addressPoolToken = createToken<AddressPool>('core.addressPool');
