// What runs around a session's IP layer at pppd's points (ipcp.c ipcp_up/ipcp_down): ip-pre-up before
// the session's route opens, ip-up once IP flows, ip-down when IPCP leaves Opened. The ppp-scripts
// plugin provides it; IPCP calls it when a provider is registered and costs nothing otherwise.
import type { Session } from '../sessions/session.js';
import { createToken } from '../tokens.js';

/** The session's IP layer as IPCP agreed it (structurally IPCP's own facts: no copy is made). */
export interface IpLayerInfo {
  /** Our end's IPv4 address (the server's `localip`). */
  readonly localAddress?: string;
  /** The peer's IPv4 address (the address the server gave). */
  readonly peerAddress?: string;
  /** On a server, the DNS servers handed out (ms-dns); on a client, the ones learned. */
  readonly dnsServers: readonly string[];
}

export interface IpLayerHooks {
  /**
   * IPCP reached Opened and the addresses are agreed, but the session's route is not open yet (pppd:
   * after sifaddr, before sifup). The route opens when the returned promise settles, which must never
   * reject; undefined means there is nothing to wait for.
   */
  beforeUp(session: Session, ip: IpLayerInfo): Promise<void> | undefined;
  /** The route is open and IP flows (pppd runs ip-up here). */
  up(session: Session, ip: IpLayerInfo): void;
  /**
   * The IP layer went down: IPCP left Opened, or the session is being released (pppd ipcp_down, after
   * the route is gone). Called at most once after each beforeUp().
   */
  down(session: Session, ip: IpLayerInfo): void;
}

/** Optional, single provider (ppp-scripts). */
export const ipLayerHooksToken = createToken<IpLayerHooks>('core.ipLayerHooks');
