// The seed's pptpd in memory (options.pptpd: name Nanu-VPN, require-mschap-v2, require-mppe-128, two
// ms-dns; chap-secrets `vpn1 Nanu-VPN "123456" 10.0.0.201`; remoteip 10.0.0.200-210) built from the real
// plugins, and pppd-like clients built with runPppSession from the same plugin factories.
import type { Authenticator, Plugin } from '@switchyard/core';
import { type FrameFilter, testAppliance } from '@switchyard/core/testing';
import { authMschapv2Plugin, createMschapV2Authenticator } from '@switchyard/plugin-auth-mschapv2';
import { ipPoolPlugin, ipPoolToken } from '@switchyard/plugin-ip-pool';
import { createIpcpFactory, ipcpPlugin } from '@switchyard/plugin-ipcp';
import { type LcpConfig, createLcpFactory, lcpPlugin } from '@switchyard/plugin-lcp';
import {
  type MppeConfig,
  MppeControlFactory,
  ccpTimers,
  defaultMppeConfig,
  mppeControlToken,
  mppePlugin,
  mppeSettings,
} from '@switchyard/plugin-mppe';
import { pppPlugin, runPppSession } from '@switchyard/plugin-ppp';
import {
  RecordingSink,
  credentialStorePlugin,
  memoryTransport,
  packetSinkPlugin,
  staticStore,
} from '@switchyard/plugin-ppp/testing';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';
import { seededRandom } from '@switchyard/wire/testing';
import { settle } from './pair.js';

export const MS_DNS = ['202.106.46.151', '202.106.0.20'];

export interface ServerOptions {
  /** Over the lcp section: require-mschap-v2, lcp-echo-interval 10, lcp-echo-failure 3. */
  readonly lcp?: Partial<LcpConfig>;
  /** Over the mppe section (require-mppe-128); false: no mppe plugin at all (pppd without MPPE). */
  readonly mppe?: Partial<MppeConfig> | false;
  /** Every frame in flight passes through it (a tap, seeded loss). */
  readonly filter?: FrameFilter;
}

export type Server = Awaited<ReturnType<typeof startServer>>;

export async function startServer(options: ServerOptions = {}) {
  const sink = new RecordingSink();
  const memory = memoryTransport(options.filter ? { filter: options.filter } : {});
  const store = staticStore({ vpn1: { secret: '123456', addresses: ['10.0.0.201'] } });
  const plugins = [
    memory.plugin,
    pppPlugin,
    lcpPlugin,
    authMschapv2Plugin,
    ...(options.mppe === false ? [] : [mppePlugin]),
    ipcpPlugin,
    ipPoolPlugin,
    credentialStorePlugin(store),
    packetSinkPlugin(sink),
    sessionLogPlugin,
  ] as Plugin<never>[];
  const t = testAppliance(plugins, {
    ppp: { name: 'Nanu-VPN' },
    lcp: { requireMschapV2: true, lcpEchoInterval: 10, lcpEchoFailure: 3, ...options.lcp },
    ...(options.mppe !== false && { mppe: { requireMppe128: true, ...options.mppe } }),
    ipcp: { msDns: MS_DNS },
    'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-210' },
  });
  await t.appliance.start();
  const { container } = t.appliance;
  return {
    ...t,
    memory,
    sink,
    pool: container.resolve(ipPoolToken),
    /** The server's MPPE counters over every session (undefined without the mppe plugin). */
    mppe: () => (options.mppe === false ? undefined : container.resolve(mppeControlToken).counters()),
  };
}

export interface ClientOptions {
  readonly secret?: string;
  /** The client's LCP options (pppd's defaults otherwise). */
  readonly lcp?: Partial<LcpConfig>;
  /** Over the client's mppe options: require-mppe-128, as the Windows client of the seed. */
  readonly mppe?: Partial<MppeConfig>;
  /** What the client can authenticate with (default: MS-CHAPv2 only). */
  readonly authenticators?: readonly Authenticator[];
}

export type Client = Awaited<ReturnType<typeof connectClient>>;

/** Places a call and runs the client's PppSession on it until the exchange goes quiet. */
export async function connectClient(server: Server, options: ClientOptions = {}) {
  const call = server.memory.connect();
  const sink = new RecordingSink();
  const mppe = { ...defaultMppeConfig, requireMppe128: true, ...options.mppe };
  const random = seededRandom(7);
  const mppeControl = new MppeControlFactory(mppeSettings(mppe), ccpTimers(mppe));
  const session = runPppSession(call.clientLink, {
    role: 'client',
    localName: 'vpn1',
    clock: server.clock,
    linkControl: createLcpFactory(options.lcp, { random: () => Math.floor(random() * 2 ** 32) }),
    networkControls: [mppeControl, createIpcpFactory({ usepeerdns: true }, { sink })],
    authenticators: options.authenticators ?? [
      createMschapV2Authenticator({}, (n) => Uint8Array.from({ length: n }, () => random() * 256)),
    ],
    credentials: { user: 'vpn1', secret: options.secret ?? '123456' },
  });
  await settle();
  return { ...call, session, sink, logs: server.memory.clientLogs, mppe: () => mppeControl.counters() };
}
