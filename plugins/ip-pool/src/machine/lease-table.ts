// The lease bookkeeping behind the pool: pptpd connection slots (local/remote pairs) and which session
// holds which address, with pppd's choice of the peer address (auth.c set_allowed_addrs). Pure: no
// clock, no I/O, no logging; the plugin's IpAddressPool adds those.
import type { Lease, LeaseRequest } from '@switchyard/core';
import {
  admitsAny,
  authorizes,
  authorizesExplicitly,
  compileAddressPolicy,
  type AddressPolicy,
} from '../codec/address-policy.js';
import { badPeerAddress, parseIpv4 } from '../codec/ipv4.js';
import type { Slot } from './slots.js';

export type Allocation =
  | {
      readonly kind: 'leased';
      readonly lease: Lease;
      /** false: the session already held this lease (a repeated allocate returns the same one). */
      readonly fresh: boolean;
      readonly how: 'existing' | 'requested' | 'pool' | 'static';
    }
  /**
   * Every slot is taken, or every pool address this user may have is; `reservedForOthers` of the free
   * ones are kept for the users the credential store pins them to.
   */
  | { readonly kind: 'exhausted'; readonly reservedForOthers: number }
  /** The user's allowed list leaves nothing to give (`-`, or its static address is taken). */
  | { readonly kind: 'refused'; readonly reason: string };

interface Held {
  readonly lease: Lease;
  readonly slot: number;
}

/** The user an address is kept for (chap-secrets' fixed addresses), if any. */
export type ReservationOf = (address: string) => string | undefined;

const NO_RESERVATIONS: ReservationOf = () => undefined;

export class LeaseTable {
  private readonly owners: (number | undefined)[];
  private readonly bySession = new Map<number, Held>();
  private readonly byAddress = new Map<string, number>();
  private readonly poolIndex = new Map<string, number>();
  private readonly poolValues: number[];

  constructor(readonly slots: readonly Slot[]) {
    this.owners = slots.map(() => undefined);
    this.poolValues = slots.map((s, i) => {
      if (!this.poolIndex.has(s.remote)) this.poolIndex.set(s.remote, i);
      const parsed = parseIpv4(s.remote);
      if (!parsed.ok) throw new Error(`lease table given a bad address: ${parsed.reason}`);
      return parsed.value;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  get inUse(): number {
    return this.bySession.size;
  }

  leaseOf(sessionId: number): Lease | undefined {
    return this.bySession.get(sessionId)?.lease;
  }

  leases(): Lease[] {
    return [...this.bySession.values()].map((h) => h.lease);
  }

  /**
   * pppd's order: the peer's requested address when free and allowed; else the first free pool address
   * the user may have (pptpd's slot address); else the user's static address (pppd suggested_ip), also
   * outside the pool. A static address consumes a slot like any pptpd connection, and is never given
   * twice: pppd would, and two sessions with one address break routing. An address the credential store
   * pins to another user (`reservationOf`) is given to nobody else, requested or not.
   */
  allocate(request: LeaseRequest, reservationOf: ReservationOf = NO_RESERVATIONS): Allocation {
    const id = request.sessionId;
    const held = this.bySession.get(id);
    if (held) return { kind: 'leased', lease: held.lease, fresh: false, how: 'existing' };
    const free = this.owners.indexOf(undefined);
    if (free < 0) return { kind: 'exhausted', reservedForOthers: 0 };
    const policy = compileAddressPolicy(request.allowed ?? []);
    const othersOwn = (address: string) => {
      const owner = reservationOf(address);
      return owner !== undefined && owner !== request.user;
    };
    const requested = othersOwn(request.requested ?? '')
      ? undefined
      : this.requestedSlot(request.requested, policy, free);
    if (requested !== undefined) return this.take(id, requested, request.requested ?? '', 'requested');
    let reservedForOthers = 0;
    const pooled = this.poolValues.findIndex((value, i) => {
      const remote = this.slots[i]!.remote;
      if (this.owners[i] !== undefined || !this.isFree(remote) || !authorizes(policy, value)) return false;
      if (!othersOwn(remote)) return true;
      reservedForOthers++;
      return false;
    });
    if (pooled >= 0) return this.take(id, pooled, this.slots[pooled]!.remote, 'pool');
    if (policy.suggested !== undefined) return this.takeStatic(id, policy.suggested, free);
    if (!admitsAny(policy)) {
      return { kind: 'refused', reason: "no address is allowed for this user ('-' or no IP column)" };
    }
    if (this.poolValues.some((value) => authorizes(policy, value)))
      return { kind: 'exhausted', reservedForOthers };
    return { kind: 'refused', reason: 'none of the addresses allowed for this user is in the pool' };
  }

  /** Frees the lease's slot and address; false when it was not held (released already: idempotent). */
  release(lease: Lease): boolean {
    const held = this.bySession.get(lease.sessionId);
    if (!held || held.lease.address !== lease.address) return false;
    this.bySession.delete(lease.sessionId);
    this.byAddress.delete(held.lease.address);
    this.owners[held.slot] = undefined;
    return true;
  }

  private requestedSlot(
    requested: string | undefined,
    policy: AddressPolicy,
    free: number,
  ): number | undefined {
    // Windows asks for 0.0.0.0, meaning "assign me one".
    if (requested === undefined || requested === '0.0.0.0' || !this.isFree(requested)) return undefined;
    const parsed = parseIpv4(requested);
    if (!parsed.ok) return undefined;
    const own = this.poolIndex.get(requested);
    const ownFree = own !== undefined && this.owners[own] === undefined;
    if (ownFree && authorizes(policy, parsed.value)) return own;
    // Outside the pool only what the user's list names explicitly: `*` must not let a peer pick any address.
    if (authorizesExplicitly(policy, parsed.value)) return ownFree ? own : free;
    return undefined;
  }

  private takeStatic(id: number, address: string, free: number): Allocation {
    const value = parseIpv4(address);
    const bad = value.ok ? badPeerAddress(value.value) : value.reason;
    if (bad) return { kind: 'refused', reason: `its address ${address} cannot be used: ${bad}` };
    const owner = this.byAddress.get(address);
    if (owner !== undefined) {
      return { kind: 'refused', reason: `its address ${address} is in use by session ${owner}` };
    }
    const own = this.poolIndex.get(address);
    const slot = own !== undefined && this.owners[own] === undefined ? own : free;
    return this.take(id, slot, address, 'static');
  }

  private take(
    sessionId: number,
    slot: number,
    address: string,
    how: 'requested' | 'pool' | 'static',
  ): Allocation {
    const lease: Lease = Object.freeze({ address, sessionId, local: this.slots[slot]!.local });
    this.owners[slot] = sessionId;
    this.bySession.set(sessionId, { lease, slot });
    this.byAddress.set(address, sessionId);
    return { kind: 'leased', lease, fresh: true, how };
  }

  private isFree(address: string): boolean {
    return !this.byAddress.has(address);
  }
}
