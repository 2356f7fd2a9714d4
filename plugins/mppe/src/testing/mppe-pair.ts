// A server and a client end, each a FakePppContext with its CcpControl, joined by a PppWire and sharing
// one ManualClock: the smallest setup in which CCP negotiates and MPPE carries IP both ways.
import type { MppeKeyMaterial } from '@switchyard/core';
import { ManualClock } from '@switchyard/core/testing';
import { rfc3079V2Example } from '@switchyard/crypto/testing';
import { PppProtocol } from '@switchyard/ppp';
import { ccpTimers, defaultMppeConfig, mppeSettings, type MppeConfig } from '../config.js';
import type { CcpControl } from '../machine/ccp-control.js';
import { MppeControlFactory } from '../machine/control-factory.js';
import { ScriptedCcpPeer } from './ccp-peer.js';
import { FakePppContext, type FakePppContextOptions, type RecordedEvent } from './fake-ppp-context.js';
import { PppWire, type End, type FaultPlan } from './ppp-wire.js';

/** RFC 3079 §3.5's MS-CHAPv2 MasterKey (user "User", password "clientPass"). */
export const rfcKeyMaterial = (): MppeKeyMaterial => ({
  kind: 'mschapv2',
  masterKey: rfc3079V2Example.masterKey,
});

export interface MppePairOptions {
  /** Config of each end, over the defaults; `requireMppe128` unless a require option is given. */
  readonly server?: Partial<MppeConfig>;
  readonly client?: Partial<MppeConfig>;
  /** Faults on data frames: 'a' is server → client, 'b' client → server. */
  readonly faults?: Partial<Record<End, FaultPlan>>;
  readonly keys?: MppeKeyMaterial;
  /** Start both CCPs and pump until quiet (default true). */
  readonly start?: boolean;
}

export interface MppePair {
  readonly clock: ManualClock;
  readonly server: FakePppContext;
  readonly client: FakePppContext;
  readonly wire: PppWire;
  readonly serverCcp: CcpControl;
  readonly clientCcp: CcpControl;
  readonly serverEvents: RecordedEvent[];
  readonly clientEvents: RecordedEvent[];
  /** Sends an IP packet from one end (through its transform) and pumps. */
  sendIp(from: 'server' | 'client', packet: Uint8Array): void;
}

function control(context: FakePppContext, config: Partial<MppeConfig>) {
  const requires = 'requireMppe' in config || 'requireMppe40' in config || 'requireMppe128' in config;
  const merged = { ...defaultMppeConfig, requireMppe128: !requires, ...config };
  const factory = new MppeControlFactory(mppeSettings(merged), ccpTimers(merged));
  const events = context.recordEvents();
  const ccp = factory.create(context, events);
  if (ccp === undefined) throw new Error('mppePair: noccp leaves nothing to test');
  return { ccp, events: events.seen, factory };
}

export interface CcpEnd {
  readonly context: FakePppContext;
  readonly ccp: CcpControl;
  readonly events: RecordedEvent[];
  readonly factory: MppeControlFactory;
  /** Plays the other end by hand. */
  readonly peer: ScriptedCcpPeer;
}

/**
 * One end against a scripted peer; `config` over the defaults (require-mppe-128 unless `config`
 * says otherwise), not started. Keys are RFC 3079's unless `context.keys` is given (or null: none).
 */
export function ccpEnd(
  config: Partial<MppeConfig> = {},
  context: Omit<FakePppContextOptions, 'keys'> & { readonly keys?: MppeKeyMaterial | null } = {},
): CcpEnd {
  const { keys, ...rest } = context;
  const fake = new FakePppContext({ ...rest, ...(keys === null ? {} : { keys: keys ?? rfcKeyMaterial() }) });
  return { context: fake, ...control(fake, config), peer: new ScriptedCcpPeer(fake) };
}

export function mppePair(options: MppePairOptions = {}): MppePair {
  const clock = new ManualClock();
  const keys = options.keys ?? rfcKeyMaterial();
  const server = new FakePppContext({ role: 'server', clock, keys });
  const client = new FakePppContext({ role: 'client', clock, keys, peer: '192.0.2.1' });
  const wire = new PppWire(server, client, options.faults);
  const s = control(server, options.server ?? {});
  const c = control(client, options.client ?? {});
  if (options.start ?? true) {
    s.ccp.start();
    c.ccp.start();
    wire.pump();
  }
  return {
    clock,
    server,
    client,
    wire,
    serverCcp: s.ccp,
    clientCcp: c.ccp,
    serverEvents: s.events,
    clientEvents: c.events,
    sendIp: (from, packet) => {
      (from === 'server' ? server : client).send(PppProtocol.IP, packet);
      wire.pump();
    },
  };
}
