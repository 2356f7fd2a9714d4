// Test plugins and doubles for the driver: an in-memory TunnelTransport whose links are joined to a
// client session, a credential store with fixed users, and a PacketSink that records routes and packets.
import {
  SessionRegistry,
  credentialStoreToken,
  definePlugin,
  packetSinkToken,
  tunnelTransportToken,
  type CredentialStore,
  type Link,
  type PacketPort,
  type PacketRoute,
  type PacketSink,
  type Plugin,
} from '@switchyard/core';
import { LogCapture, createMemoryLinkPair, type FrameFilter } from '@switchyard/core/testing';
import { Subject } from 'rxjs';

export function staticStore(
  users: Record<string, { secret: string; addresses?: string[] }>,
): CredentialStore {
  return {
    name: 'static',
    lookup: async ({ user }) => {
      const entry = users[user];
      return entry
        ? { kind: 'found', secret: entry.secret, addresses: entry.addresses ?? [] }
        : { kind: 'not-found' };
    },
  };
}

export const credentialStorePlugin = (store: CredentialStore): Plugin<never> =>
  definePlugin({
    id: 'test-secrets',
    provides: [credentialStoreToken],
    register: (container) => container.registerInstance(credentialStoreToken, store),
  }) as Plugin<never>;

export class RecordingSink implements PacketSink {
  readonly routes: PacketRoute[] = [];
  readonly received: Uint8Array[] = [];
  readonly open$ = new Subject<PacketRoute>();
  closed = 0;
  async open(route: PacketRoute): Promise<PacketPort> {
    this.routes.push(route);
    this.open$.next(route);
    // A packet is lent for the call only (README, "Frames are lent"): a sink that keeps it copies it.
    return { send: (packet) => this.received.push(packet.slice()), close: () => this.closed++ };
  }
}

export const packetSinkPlugin = (sink: PacketSink): Plugin<never> =>
  definePlugin({
    id: 'test-sink',
    provides: [packetSinkToken],
    register: (container) => container.registerInstance(packetSinkToken, sink),
  }) as Plugin<never>;

export interface MemoryTransportOptions {
  /** Applied to every frame in flight after the silence control (e.g. seeded loss). */
  readonly filter?: FrameFilter;
}

/** A TunnelTransport plugin whose calls are made by the test: each connect() yields a server Link. */
export function memoryTransport(options: MemoryTransportOptions = {}) {
  const links$ = new Subject<Link>();
  let registry: SessionRegistry | undefined;
  let clients: SessionRegistry | undefined;
  const clientLogs = new LogCapture();
  /** Frames from the client are dropped while true (a peer gone silent). */
  const control = { clientSilent: false };
  const filter: FrameFilter = (frame, direction) => {
    if (direction === 'bToA' && control.clientSilent) return [];
    return options.filter ? options.filter(frame, direction) : [frame];
  };
  const plugin = definePlugin({
    id: 'memory-transport',
    provides: [tunnelTransportToken],
    register: (container) => container.registerInstance(tunnelTransportToken, { kind: 'memory', links$ }),
    start: ({ sessions, clock }) => {
      registry = sessions;
      clients = new SessionRegistry(clock, clientLogs.logger());
    },
  }) as Plugin<never>;
  const connect = () => {
    if (!registry || !clients) throw new Error('the appliance has not started');
    const server = registry.create('memory', '192.0.2.2');
    const client = clients.create('memory', '192.0.2.1');
    const [serverLink, clientLink] = createMemoryLinkPair(server, client, { filter });
    links$.next(serverLink);
    return { serverLink, clientLink, serverSession: server, clientSession: client };
  };
  return { plugin, connect, control, clientLogs };
}
