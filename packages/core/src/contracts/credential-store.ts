// Where secrets come from: chap-secrets today, RADIUS or LDAP later. Several stores may be registered;
// consumers ask them in order until one answers definitely (accel-ppp's pwdb chain).
import { createToken } from '../tokens.js';

export interface CredentialQuery {
  /** The name the peer authenticated with (CHAP Name, PAP Peer-ID). */
  readonly user: string;
  /** Our name (pppd `name`): chap-secrets' server column must match it. */
  readonly server: string;
  /** The peer's tunnel-outer address, for stores that restrict by it. */
  readonly peerAddress?: string;
}

export type CredentialAnswer =
  /** `addresses` are the chap-secrets IP column: allowed/assigned addresses for this user, if any. */
  | { readonly kind: 'found'; readonly secret: string; readonly addresses: readonly string[] }
  | { readonly kind: 'not-found' }
  /** The store could not answer (server down): try the next one, and fail closed if none answers. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface CredentialStore {
  readonly name: string;
  lookup(query: CredentialQuery): Promise<CredentialAnswer>;
  /**
   * Single addresses the store pins to a named user (chap-secrets' IP column), by address: an address
   * pool keeps them for their owners, so a user with a fixed address in the pool's range never finds it
   * taken by someone else. Answered from memory (it is asked at every allocation).
   */
  reservedAddresses?(): ReadonlyMap<string, string>;
}

/** The user `stores` reserve `address` for, if any (the first store that names one). */
export function reservationOf(stores: readonly CredentialStore[], address: string): string | undefined {
  for (const store of stores) {
    const owner = store.reservedAddresses?.().get(address);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

export const credentialStoreToken = createToken<CredentialStore>('core.credentialStore');

/**
 * Asks `stores` in order: the first `found` wins; `not-found` and `unavailable` pass to the next one.
 * With no `found`, the answer is `unavailable` if any store could not answer (fail closed, and say
 * why), else `not-found`.
 */
export async function askCredentialStores(
  stores: readonly CredentialStore[],
  query: CredentialQuery,
): Promise<CredentialAnswer> {
  const unavailable: string[] = [];
  for (const store of stores) {
    const answer = await store.lookup(query);
    if (answer.kind === 'found') return answer;
    if (answer.kind === 'unavailable') unavailable.push(`${store.name}: ${answer.reason}`);
  }
  return unavailable.length > 0
    ? { kind: 'unavailable', reason: unavailable.join('; ') }
    : { kind: 'not-found' };
}
