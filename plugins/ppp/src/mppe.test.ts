// The reference capture's full policy in memory: require-mschap-v2 and require-mppe-128 on both sides
// (shared/captures/pptpd-reference-session.config.txt), with the real CCP/MPPE plugin gating IPCP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { authMschapv2Plugin, createMschapV2Authenticator } from '@switchyard/plugin-auth-mschapv2';
import { ipPoolPlugin } from '@switchyard/plugin-ip-pool';
import { createIpcpFactory, ipcpPlugin } from '@switchyard/plugin-ipcp';
import { createLcpFactory, lcpPlugin } from '@switchyard/plugin-lcp';
import {
  MppeControlFactory,
  ccpTimers,
  defaultMppeConfig,
  mppePlugin,
  mppeSettings,
} from '@switchyard/plugin-mppe';
import { pppPlugin } from './plugin.js';
import { runPppSession } from './run.js';
import {
  RecordingSink,
  credentialStorePlugin,
  memoryTransport,
  packetSinkPlugin,
  staticStore,
} from './testing/fakes.js';
import { settle } from './testing/pair.js';

test('with MPPE required, IPCP starts after CCP and IP crosses only encrypted (pppd require-mppe-128)', async () => {
  const memory = memoryTransport();
  const serverSink = new RecordingSink();
  const plugins = [
    memory.plugin,
    pppPlugin,
    lcpPlugin,
    ipcpPlugin,
    ipPoolPlugin,
    mppePlugin,
    authMschapv2Plugin,
    credentialStorePlugin(staticStore({ vpn1: { secret: '123456', addresses: ['10.0.0.201'] } })),
    packetSinkPlugin(serverSink),
  ] as Plugin<never>[];
  const { appliance, clock, logs } = testAppliance(plugins, {
    ppp: { name: 'Nanu-VPN' },
    lcp: { requireMschapV2: true },
    mppe: { requireMppe128: true },
    ipcp: { msDns: ['202.106.46.151', '202.106.0.20'] },
    'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-210' },
  });
  await appliance.start();
  const call = memory.connect();
  const clientSink = new RecordingSink();
  const mppe = { ...defaultMppeConfig, requireMppe128: true };
  const client = runPppSession(call.clientLink, {
    role: 'client',
    localName: 'vpn1',
    clock,
    linkControl: createLcpFactory(),
    networkControls: [
      new MppeControlFactory(mppeSettings(mppe), ccpTimers(mppe)),
      createIpcpFactory({ usepeerdns: true }, { sink: clientSink }),
    ],
    authenticators: [createMschapV2Authenticator({}, (n) => new Uint8Array(n).fill(7))],
    credentials: { user: 'vpn1', secret: '123456' },
  });
  await settle();
  assert.equal(client.facts.ipcp?.localAddress, '10.0.0.201', memory.clientLogs.lines().join('\n'));
  const lines = logs.lines().join('\n');
  assert.ok(lines.indexOf('sent [CCP ConfReq') < lines.indexOf('sent [IPCP ConfReq'), 'IPCP after CCP');
  serverSink.routes[0]!.deliver(Uint8Array.from([0x45, 1, 2, 3]));
  clientSink.routes[0]!.deliver(Uint8Array.from([0x45, 4, 5]));
  await settle();
  assert.deepEqual(clientSink.received, [Uint8Array.from([0x45, 1, 2, 3])]);
  assert.deepEqual(serverSink.received, [Uint8Array.from([0x45, 4, 5])]);
  assert.equal(serverSink.routes[0]!.mtu, 1492, 'MPPE’s 4 bytes come off the MTU');
  await appliance.stop();
  assert.equal((await call.clientSession.closed).code, 'peer-terminated');
});
