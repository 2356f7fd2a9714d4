// A server and a client PppSession joined by in-memory links, with the real LCP and IPCP, the fake
// clear-text authenticator, a one-address pool and recording packet sinks (smoltcp's netsim, in small).
import type { AddressPool, Lease, LeaseRequest } from '@switchyard/core';
import { SessionRegistry } from '@switchyard/core';
import { type FrameFilter, LogCapture, ManualClock, createMemoryLinkPair } from '@switchyard/core/testing';
import { createIpcpFactory } from '@switchyard/plugin-ipcp';
import { type LcpConfig, createLcpFactory } from '@switchyard/plugin-lcp';
import { runPppSession } from '@switchyard/plugin-ppp';
import { RecordingSink, fakeAuthenticator, staticStore } from '@switchyard/plugin-ppp/testing';
import type { NetworkControlFactory } from '@switchyard/ppp';

export class OneAddressPool implements AddressPool {
  readonly requests: LeaseRequest[] = [];
  inUse = 0;
  async allocate(request: LeaseRequest): Promise<Lease> {
    this.requests.push(request);
    this.inUse = 1;
    return { address: '10.0.0.201', local: '10.0.0.254', sessionId: request.sessionId };
  }
  release(): void {
    this.inUse = 0;
  }
}

export interface PairOptions {
  readonly serverLcp?: Partial<LcpConfig>;
  readonly clientLcp?: Partial<LcpConfig>;
  readonly password?: string;
  readonly idleSeconds?: number;
  readonly filter?: FrameFilter;
  /** Extra server NCPs, started before IPCP (e.g. a fake gating CCP). */
  readonly serverNcps?: readonly NetworkControlFactory[];
}

export function sessionPair(options: PairOptions = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const registry = new SessionRegistry(clock, logs.logger());
  const serverSession = registry.create('memory', '192.0.2.2');
  const clientSession = registry.create('memory', '192.0.2.1');
  const [serverLink, clientLink] = createMemoryLinkPair(serverSession, clientSession, {
    ...(options.filter && { filter: options.filter }),
  });
  const auth = fakeAuthenticator();
  const pool = new OneAddressPool();
  const serverSink = new RecordingSink();
  const clientSink = new RecordingSink();
  const server = runPppSession(serverLink, {
    role: 'server',
    localName: 'pptpd',
    clock,
    linkControl: createLcpFactory({ requirePap: true, ...options.serverLcp }),
    networkControls: [
      ...(options.serverNcps ?? []),
      createIpcpFactory({ msDns: ['202.106.46.151', '202.106.0.20'] }, { pool, sink: serverSink }),
    ],
    authenticators: [auth],
    credentialStores: [staticStore({ vpn1: { secret: '123456', addresses: ['10.0.0.201'] } })],
    ...(options.idleSeconds !== undefined && { idleSeconds: options.idleSeconds }),
  });
  const client = runPppSession(clientLink, {
    role: 'client',
    localName: 'vpn1',
    clock,
    linkControl: createLcpFactory({ ...options.clientLcp }),
    networkControls: [createIpcpFactory({ usepeerdns: true }, { sink: clientSink })],
    authenticators: [auth],
    credentials: { user: 'vpn1', secret: options.password ?? '123456' },
  });
  return {
    clock,
    logs,
    server,
    client,
    serverSession,
    clientSession,
    serverLink,
    clientLink,
    pool,
    serverSink,
    clientSink,
    auth,
  };
}

/** Lets the memory links and promise chains run until quiet. */
export async function settle(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
