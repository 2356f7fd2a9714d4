// The server appliance end to end in memory: ppp, lcp, ipcp, ip-pool, the real MS-CHAPv2 authenticator,
// a credential store, a packet sink and an in-memory tunnel transport, against a client PppSession,
// configured like the reference capture's pptpd (shared/captures/pptpd-reference-session.config.txt).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { authMschapv2Plugin, createMschapV2Authenticator } from '@switchyard/plugin-auth-mschapv2';
import { ipPoolPlugin, ipPoolToken } from '@switchyard/plugin-ip-pool';
import { createIpcpFactory, ipcpPlugin } from '@switchyard/plugin-ipcp';
import { createLcpFactory, lcpPlugin } from '@switchyard/plugin-lcp';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';
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

const config = {
  ppp: { name: 'Nanu-VPN' },
  lcp: { requireMschapV2: true, lcpEchoInterval: 10, lcpEchoFailure: 3 },
  ipcp: { msDns: ['202.106.46.151', '202.106.0.20'] },
  'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-210' },
};
const ip = (...bytes: number[]) => Uint8Array.from([0x45, ...bytes]);
const fixedRandom = (length: number) => new Uint8Array(length).fill(0x5a);

async function server() {
  const serverSink = new RecordingSink();
  const store = staticStore({ vpn1: { secret: '123456', addresses: ['10.0.0.201'] } });
  const memory = memoryTransport();
  const plugins = [
    memory.plugin,
    pppPlugin,
    lcpPlugin,
    ipcpPlugin,
    ipPoolPlugin,
    authMschapv2Plugin,
    credentialStorePlugin(store),
    packetSinkPlugin(serverSink),
    sessionLogPlugin,
  ] as Plugin<never>[];
  const t = testAppliance(plugins, config);
  await t.appliance.start();
  return { ...t, memory, serverSink, pool: () => t.appliance.container.resolve(ipPoolToken) };
}

async function connect(s: Awaited<ReturnType<typeof server>>, secret = '123456') {
  const call = s.memory.connect();
  const clientSink = new RecordingSink();
  const client = runPppSession(call.clientLink, {
    role: 'client',
    localName: 'vpn1',
    clock: s.clock,
    linkControl: createLcpFactory(),
    networkControls: [createIpcpFactory({ usepeerdns: true }, { sink: clientSink })],
    authenticators: [createMschapV2Authenticator({}, fixedRandom)],
    credentials: { user: 'vpn1', secret },
  });
  await settle();
  return { ...call, client, clientSink };
}

test('a client reaches the Network phase: address 10.0.0.201 and both DNS servers; IP passes both ways', async () => {
  const s = await server();
  const c = await connect(s);
  assert.deepEqual(c.client.facts.ipcp, {
    localAddress: '10.0.0.201',
    peerAddress: '10.0.0.254',
    dnsServers: ['202.106.46.151', '202.106.0.20'],
    nbnsServers: [],
  });
  assert.equal(c.serverSession.info.user, 'vpn1');
  assert.equal(c.serverSession.info.address, '10.0.0.201');
  assert.equal(c.serverSession.state, 'network');
  assert.equal(c.client.facts.auth?.keys?.kind, 'mschapv2', 'MPPE key material for CCP');
  s.serverSink.routes[0]!.deliver(ip(1, 2));
  c.clientSink.routes[0]!.deliver(ip(3));
  await settle();
  assert.deepEqual(c.clientSink.received, [ip(1, 2)]);
  assert.deepEqual(s.serverSink.received, [ip(3)]);
  assert.ok(
    s.logs.has('sent [LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> <magic'),
    'pppd-style traces',
  );
  assert.ok(s.logs.has('remote IP address 10.0.0.201', 'info'));
  await s.appliance.stop();
});

test('the client hangs up: the server logs peer-terminated and releases the lease', async () => {
  const s = await server();
  const c = await connect(s);
  assert.equal(s.pool().inUse, 1);
  c.client.close(closeReason('admin'));
  await settle();
  assert.deepEqual(await c.serverSession.closed, closeReason('peer-terminated', 'User request'));
  assert.equal(s.pool().inUse, 0);
  assert.ok(s.logs.has('LCP terminated by peer (User request)', 'info'));
  assert.ok(
    s.logs.has(/session closed: peer-terminated \(User request\).*user=vpn1 address=10\.0\.0\.201/, 'info'),
  );
  assert.equal(s.serverSink.closed, 1, 'the route is gone');
  await s.appliance.stop();
});

test('appliance stop: LCP Terminate-Request "User request" goes out, then the transport closes', async () => {
  const s = await server();
  const c = await connect(s);
  await s.appliance.stop();
  assert.deepEqual(await c.serverSession.closed, closeReason('shutdown'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "User request"]'), s.logs.lines().join('\n'));
  assert.ok(s.logs.has('rcvd [LCP TermAck id=0x2]'), 'the server waited for the Ack');
  assert.equal(c.serverLink.closedWith?.code, 'shutdown');
  assert.equal((await c.clientSession.closed).code, 'peer-terminated');
  assert.equal(s.pool().inUse, 0);
});

test('a client that goes silent is taken down by LCP echo: echo-timeout, lease released (lcp-echo-failure 3)', async () => {
  const s = await server();
  const c = await connect(s);
  s.memory.control.clientSilent = true;
  // Requests at 10, 20, 30 s go unanswered; at 40 s LCP gives up, then 2 Terminate-Requests 3 s apart.
  for (let i = 0; i < 50; i++) {
    s.clock.advance(1000);
    await settle(2);
  }
  assert.ok(s.logs.has('No response to 3 echo-requests', 'info'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "Peer not responding"]'));
  assert.deepEqual(
    await c.serverSession.closed,
    closeReason('echo-timeout', 'no response to 3 echo-requests'),
  );
  assert.equal(s.pool().inUse, 0);
  await s.appliance.stop();
});

test('a wrong password: auth-failed, pppd’s Terminate-Request, and the lease is never allocated', async () => {
  const s = await server();
  const c = await connect(s, 'wrong');
  assert.equal((await c.serverSession.closed).code, 'auth-failed');
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "Authentication failed"]'), s.logs.lines().join('\n'));
  assert.ok(s.logs.has(/Peer vpn1 failed mschap-v2 authentication/));
  assert.ok(s.logs.has(/warn .*session closed: auth-failed/), 'the administrator’s line');
  assert.equal(s.pool().counters.allocations, 0);
  await s.appliance.stop();
});
