// The peer's address for a server session: one lease from the AddressPool, asked for once the peer has
// authenticated (so the credential store's per-user addresses apply, pppd chap-secrets' IP column). The
// caller ties it to the session, so every kind of session end gives it back.
import {
  closeReason,
  type AddressPool,
  type CloseReason,
  type IpLayerHooks,
  type Lease,
  type PacketSink,
} from '@switchyard/core';
import type { PppContext } from '@switchyard/ppp';

export interface IpcpDependencies {
  /** Server role: where peer addresses come from. */
  readonly pool?: AddressPool;
  /** Where IP packets go (a TUN device); without one IP frames are dropped. */
  readonly sink?: PacketSink;
  /** Run around the IP layer (pppd's ip-pre-up, ip-up, ip-down scripts), when a plugin provides them. */
  readonly hooks?: IpLayerHooks;
}

export type LeaseOutcome =
  | { readonly kind: 'leased'; readonly lease: Lease; release(): void }
  | { readonly kind: 'failed'; readonly reason: CloseReason };

export async function allocateLease(context: PppContext, { pool }: IpcpDependencies): Promise<LeaseOutcome> {
  const user = context.facts.auth?.user;
  const who = user === undefined ? 'the peer' : `user ${user}`;
  if (!pool) return { kind: 'failed', reason: closeReason('pool-exhausted', 'no address pool configured') };
  const allowed = context.facts.auth?.addresses;
  let lease: Lease | undefined;
  try {
    lease = await pool.allocate({
      sessionId: context.session.id,
      ...(user !== undefined && { user }),
      ...(allowed !== undefined && { allowed }),
    });
  } catch (error) {
    context.logger.error('address allocation failed', { error: String(error) });
  }
  if (!lease)
    return { kind: 'failed', reason: closeReason('pool-exhausted', `no address available for ${who}`) };
  // Tied to the session by the caller (Ipcp is a SessionResource) and by the pool itself; idempotent.
  return { kind: 'leased', lease, release: () => pool.release(lease) };
}
