// Test bench for IPCP: one Ipcp on the real session context and a PppLink already in the Network phase
// (LCP agreed ACFC/PFC like the capture's peers), with a fake AddressPool and PacketSink that record
// what they were asked.
import type {
  AddressPool,
  CloseReason,
  IpLayerHooks,
  Lease,
  LeaseRequest,
  PacketPort,
  PacketRoute,
  PacketSink,
} from '@switchyard/core';
import { SessionRegistry } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import {
  type CpPacket,
  PppLink,
  PppSessionContext,
  type PppRole,
  decodeCpPacket,
  decodePppFrame,
} from '@switchyard/ppp';
import { type IpcpConfig, resolveIpcpConfig } from '../config.js';
import { Ipcp } from '../machine/ipcp.js';

export class FakePool implements AddressPool {
  readonly requests: LeaseRequest[] = [];
  readonly released: Lease[] = [];
  constructor(
    private readonly address: string | undefined,
    private readonly local?: string,
  ) {}
  async allocate(request: LeaseRequest): Promise<Lease | undefined> {
    this.requests.push(request);
    if (this.address === undefined) return undefined;
    return { address: this.address, sessionId: request.sessionId, ...(this.local && { local: this.local }) };
  }
  release(lease: Lease): void {
    if (!this.released.includes(lease)) this.released.push(lease);
  }
}

export class FakeSink implements PacketSink {
  readonly routes: PacketRoute[] = [];
  readonly received: Uint8Array[] = [];
  closed = 0;
  async open(route: PacketRoute): Promise<PacketPort> {
    this.routes.push(route);
    // A packet is lent for the call only (README, "Frames are lent"): a sink that keeps it copies it.
    return { send: (packet) => this.received.push(packet.slice()), close: () => this.closed++ };
  }
}

export interface IpcpBenchOptions {
  readonly role?: PppRole;
  readonly config?: Partial<IpcpConfig>;
  readonly pool?: AddressPool;
  readonly sink?: PacketSink;
  readonly hooks?: IpLayerHooks;
}

export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

export function ipcpBench(options: IpcpBenchOptions = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '172.31.255.2');
  const frames: Uint8Array[] = [];
  const events: string[] = [];
  const finished: (CloseReason | undefined)[] = [];
  const closed: CloseReason[] = [];
  let id = 0;
  const link = new PppLink({ nextIdentifier: () => ++id });
  for (const event of ['lowerUp', 'lcpUp', 'authenticated'] as const) link.signal(event);
  link.framing = { acfc: true, pfc: true };
  const context = new PppSessionContext({
    session,
    role: options.role ?? 'server',
    clock,
    logger: session.logger,
    link,
    facts: {
      localName: 'Nanu-VPN',
      lcp: { peerMruBytes: 1400, localMruBytes: 1500, mtuBytes: 1400 },
      auth: { ok: true, user: 'vpn1', addresses: ['10.0.0.201'] },
    },
    transmit: (frame) => frames.push(frame),
    close: (reason) => closed.push(reason),
    maxFrameBytes: 1500,
  });
  const ipcp = new Ipcp(
    context,
    {
      up: () => events.push('up'),
      down: () => events.push('down'),
      finished: (reason) => {
        events.push('finished');
        finished.push(reason);
      },
    },
    {
      config: resolveIpcpConfig(options.config),
      pool: options.pool,
      sink: options.sink,
      ...(options.hooks && { hooks: options.hooks }),
    },
  );
  let seen = 0;
  /** IPCP packets sent since the last call. */
  const sent = (): CpPacket[] => {
    const out: CpPacket[] = [];
    for (const frame of frames.slice(seen)) {
      const decoded = decodePppFrame(frame);
      if (!decoded.ok || decoded.value.protocol !== 0x8021) continue;
      const packet = decodeCpPacket(decoded.value.payload, 0x8021);
      if (packet.ok) out.push(packet.value);
    }
    seen = frames.length;
    return out;
  };
  const receive = (bytes: Uint8Array) => context.receiveFrame(bytes);
  return { clock, logs, session, frames, events, finished, closed, link, context, ipcp, sent, receive };
}
