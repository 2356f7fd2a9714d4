// The AddressPool the appliance sees: the lease table plus what an administrator needs (a warn line when
// the pool is exhausted, counters) and each lease tied to its session, so every kind of session end
// (LCP Terminate, echo timeout, Call-Clear, TCP loss, shutdown) returns the address.
import {
  createLogger,
  reservationOf,
  type AddressPool,
  type CloseReason,
  type CredentialStore,
  type Lease,
  type LeaseRequest,
  type Logger,
  type Session,
  type SessionRegistry,
  type SessionResource,
} from '@switchyard/core';
import type { LeaseTable } from './machine/lease-table.js';

export interface IpPoolCounters {
  /** Leases handed out (a repeated allocate for the same session is not counted again). */
  allocations: number;
  releases: number;
  /** Requests turned away because the pool (or the part of it the user may use) was full. */
  exhausted: number;
  /** Requests turned away because the user's allowed list leaves nothing to give. */
  refused: number;
}

export class IpAddressPool implements AddressPool, SessionResource {
  readonly counters: IpPoolCounters = { allocations: 0, releases: 0, exhausted: 0, refused: 0 };
  private logger: Logger = createLogger({ level: 'error', sink: () => undefined });
  private sessions?: SessionRegistry;
  /** Whose fixed addresses (chap-secrets' IP column) stay theirs: see LeaseTable.allocate. */
  private stores: readonly CredentialStore[] = [];

  constructor(private readonly table: LeaseTable) {}

  /**
   * Called from the plugin's start(), with the credential stores whose fixed addresses are kept for
   * their users. From then on a lease is only given to an open session of the
   * registry, and the pool attaches itself to that session (sessionEnded returns the session's lease).
   * Release stays idempotent, so the IPCP layer may also release on session end or give the address
   * back early (IPCP down without session end).
   */
  bind(logger: Logger, sessions: SessionRegistry, stores: readonly CredentialStore[] = []): void {
    this.logger = logger;
    this.sessions = sessions;
    this.stores = stores;
  }

  get size(): number {
    return this.table.size;
  }

  get inUse(): number {
    return this.table.inUse;
  }

  leases(): Lease[] {
    return this.table.leases();
  }

  async allocate(request: LeaseRequest): Promise<Lease | undefined> {
    const fields = { session: request.sessionId, ...(request.user !== undefined && { user: request.user }) };
    const session = this.sessions?.get(request.sessionId);
    if (this.sessions && !session?.isOpen) {
      this.logger.debug('no address for a session that is not open', fields);
      return undefined;
    }
    const stores = this.stores;
    const result = this.table.allocate(request, (address) => reservationOf(stores, address));
    switch (result.kind) {
      case 'exhausted': {
        this.counters.exhausted++;
        const reserved = result.reservedForOthers;
        const kept =
          reserved === 0
            ? ''
            : `; ${reserved} free ${reserved === 1 ? 'address is' : 'addresses are'} kept for the users chap-secrets fixes them to`;
        this.logger.warn(`address pool exhausted: ${this.inUse} of ${this.size} addresses in use${kept}`, {
          ...fields,
          size: this.size,
        });
        return undefined;
      }
      case 'refused':
        this.counters.refused++;
        this.logger.warn(`no address for ${request.user ?? 'this session'}: ${result.reason}`, fields);
        return undefined;
      case 'leased': {
        const lease = result.lease;
        if (!result.fresh) return lease;
        this.counters.allocations++;
        session?.attach('ip-pool lease', this); // see sessionEnded()
        this.logger.debug(`address ${lease.address} leased`, {
          ...fields,
          local: lease.local,
          how: result.how,
        });
        return lease;
      }
    }
  }

  /** SessionResource: one pool serves every session, so a lease costs its session no closure. */
  sessionEnded(_reason: CloseReason, session: Session): void {
    const lease = this.table.leaseOf(session.id);
    if (lease !== undefined) this.release(lease);
  }

  release(lease: Lease): void {
    if (!this.table.release(lease)) return;
    this.counters.releases++;
    this.logger.debug(`address ${lease.address} released`, { session: lease.sessionId });
  }
}
