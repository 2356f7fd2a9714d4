// The proxy ARP entries of live sessions, pppd's sifproxyarp/cifproxyarp per session: published when a
// session's address is assigned, withdrawn exactly once when the session ends (its release hook) or
// when it is given another address. Failures are logged in pppd's words and never end a session.
import type { Logger, SessionResource } from '@switchyard/core';
import { parseIpv4, selectProxyArpInterface } from '../machine/select-interface.js';
import type { HostNetwork } from './host-network.js';

/** The part of a core Session this needs. */
export interface SessionHandle {
  readonly id: number;
  attach(name: string, resource: SessionResource): void;
}

interface Entry {
  readonly address: string;
  readonly device: string;
}

export class ProxyArpEntries implements SessionResource {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly network: HostNetwork,
    private readonly logger: Logger,
  ) {}

  /** Published entries, by session id. */
  get size(): number {
    return this.entries.size;
  }

  publish(session: SessionHandle, address: string): void {
    const previous = this.entries.get(session.id);
    if (previous?.address === address) return;
    if (previous !== undefined) this.withdraw(session.id);
    const peer = parseIpv4(address);
    const chosen = peer === undefined ? undefined : selectProxyArpInterface(this.network.interfaces(), peer);
    if (chosen === undefined) {
      this.logger.warn('Cannot determine ethernet address for proxy ARP', { session: session.id, address });
      return;
    }
    this.logger.info(`found interface ${chosen.device} for proxy arp`, {
      address,
      mac: chosen.hardwareAddress,
    });
    try {
      this.network.publish(address, chosen.device);
    } catch (error) {
      this.logger.error("Couldn't add proxy arp entry", {
        address,
        device: chosen.device,
        error: String(error),
      });
      return;
    }
    this.entries.set(session.id, { address, device: chosen.device });
    // The table itself is the session's resource (sessionEnded withdraws whatever entry the session has
    // then): no closure per session. Once per session is enough; a second attachment would be harmless.
    if (previous === undefined) session.attach('proxy arp', this);
  }

  /** SessionResource: the session's entry goes with it. */
  sessionEnded(_reason: unknown, session: { readonly id: number }): void {
    this.withdraw(session.id);
  }

  /** Withdraws the session's entry, if it has one; idempotent. */
  withdraw(sessionId: number): void {
    const entry = this.entries.get(sessionId);
    if (entry !== undefined) this.remove(sessionId, entry);
  }

  withdrawAll(): void {
    for (const id of [...this.entries.keys()]) this.withdraw(id);
  }

  private remove(sessionId: number, entry: Entry): void {
    this.entries.delete(sessionId);
    try {
      this.network.unpublish(entry.address, entry.device);
      this.logger.debug('proxy arp entry removed', { address: entry.address, device: entry.device });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Gone already (the interface was deleted, or an admin removed it): nothing left to undo.
      if (code === 'SY_ERR_ARP_NOT_FOUND' || code === 'SY_ERR_NET_NO_DEVICE') return;
      this.logger.warn("Couldn't delete proxy arp entry", { ...entry, error: String(error) });
    }
  }
}
