// Two PppSessions (server and client role) joined in memory with the real LCP and IPCP: phases,
// authentication, addresses, data, and the session's endings that do not need an appliance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { fakeGate } from '@switchyard/plugin-ppp/testing';
import { sessionPair, settle } from './pair.js';

const ip = (...bytes: number[]) => Uint8Array.from([0x45, ...bytes]);

test('server and client pass Establish → Authenticate → Network (RFC 1661 §3.2); address and DNS on both sides', async () => {
  const pair = sessionPair();
  const phases: string[] = [];
  pair.server.events.on('phase', (_from, to) => phases.push(to));
  await settle();
  assert.deepEqual(phases, ['authenticate', 'network']);
  assert.equal(pair.server.phase, 'network');
  assert.equal(pair.client.phase, 'network');
  assert.deepEqual(pair.serverSession.info.user, 'vpn1');
  assert.equal(pair.serverSession.info.address, '10.0.0.201');
  assert.equal(pair.serverSession.state, 'network');
  assert.deepEqual(pair.client.facts.ipcp, {
    localAddress: '10.0.0.201',
    peerAddress: '10.0.0.254',
    dnsServers: ['202.106.46.151', '202.106.0.20'],
    nbnsServers: [],
  });
  assert.deepEqual(pair.pool.requests, [
    { sessionId: pair.serverSession.id, user: 'vpn1', allowed: ['10.0.0.201'] },
  ]);
  assert.ok(pair.logs.has('phase: establish => authenticate (lcpUp)'));
});

test('IP packets pass both ways through the packet sinks and count on both sessions', async () => {
  const pair = sessionPair();
  await settle();
  pair.serverSink.routes[0]!.deliver(ip(1, 2, 3));
  pair.clientSink.routes[0]!.deliver(ip(4, 5));
  await settle();
  assert.deepEqual(pair.clientSink.received, [ip(1, 2, 3)]);
  assert.deepEqual(pair.serverSink.received, [ip(4, 5)]);
  assert.deepEqual(pair.serverSession.counters, { packetsIn: 1, packetsOut: 1, bytesIn: 3, bytesOut: 4 });
});

test('a wrong secret: the server closes with auth-failed and "Authentication failed"; no address is asked for', async () => {
  const pair = sessionPair({ password: 'wrong' });
  await settle();
  assert.ok(
    pair.logs.has('Peer vpn1 failed pap authentication: bad secret', 'info'),
    pair.logs.lines().join('\n'),
  );
  assert.ok(pair.logs.has('sent [LCP TermReq id=0x2 "Authentication failed"]'));
  assert.deepEqual(await pair.serverSession.closed, closeReason('auth-failed', 'bad secret'));
  assert.deepEqual(pair.pool.requests, []);
  assert.equal((await pair.clientSession.closed).code, 'auth-failed');
});

test('the client hangs up: the server sees peer-terminated with the client’s text, releases the lease', async () => {
  const pair = sessionPair();
  await settle();
  pair.client.close(closeReason('admin'));
  await settle();
  assert.deepEqual(await pair.serverSession.closed, closeReason('peer-terminated', 'User request'));
  assert.deepEqual(await pair.clientSession.closed, closeReason('admin'));
  assert.equal(pair.pool.inUse, 0);
  assert.equal(pair.serverSink.closed, 1, 'the route is closed');
  assert.ok(pair.logs.has('LCP terminated by peer (User request)', 'info'));
});

test('idle: no data for `idle` seconds ends the session with "Link inactive" (pppd idle)', async () => {
  const pair = sessionPair({ idleSeconds: 60 });
  await settle();
  pair.clock.advance(59_000);
  pair.serverSink.routes[0]!.deliver(ip(1));
  await settle();
  pair.clock.advance(59_000);
  assert.equal(pair.serverSession.isOpen, true);
  pair.clock.advance(1_000);
  await settle();
  assert.ok(pair.logs.has('sent [LCP TermReq id=0x2 "Link inactive"]'), pair.logs.lines().join('\n'));
  assert.equal((await pair.serverSession.closed).code, 'idle-timeout');
});

test('the transport going away closes the session with transport-closed, once (the link ends)', async () => {
  const pair = sessionPair();
  await settle();
  pair.serverLink.close(closeReason('transport-closed'));
  assert.deepEqual(await pair.serverSession.closed, closeReason('transport-closed'));
  assert.equal(pair.pool.inUse, 0);
});

test('encryption required: IPCP waits for the gate, IP is never sent in clear, then goes through the transform', async () => {
  const gate = fakeGate();
  const pair = sessionPair({ serverNcps: [gate.factory] });
  await settle();
  assert.ok(
    pair.logs.has('sent [IPCP TermAck id=0x1]'),
    'IPCP answers from Closed until the gate opens (anchors §6 #14)',
  );
  assert.equal(pair.serverSession.info.address, undefined);
  pair.server.context.send(0x0021, ip(9));
  assert.equal(pair.server.context.counters.unencrypted, 1);
  gate.open();
  pair.clock.advance(3000); // the client retransmits its Configure-Request after a Restart period
  await settle();
  assert.equal(pair.serverSession.info.address, '10.0.0.201');
  pair.serverSink.routes[0]!.deliver(ip(1, 2));
  await settle();
  assert.deepEqual(pair.clientSink.received, [], 'the client (no MPPE here) never sees clear IP');
  assert.equal(pair.client.context.counters.protocolRejects, 1, 'it Protocol-Rejects the 0x00fd frame');
  assert.equal(pair.serverSink.routes[0]!.mtu, 1492, 'the transform’s 4 bytes come off the MTU');
});

test('a gating NCP that fails ends the session with its reason: mppe-refused, "MPPE required but peer refused"', async () => {
  const gate = fakeGate();
  const pair = sessionPair({ serverNcps: [gate.factory] });
  await settle();
  gate.fail(closeReason('mppe-refused', 'peer rejected MPPE'));
  await settle();
  assert.ok(
    pair.logs.has('sent [LCP TermReq id=0x2 "MPPE required but peer refused"]'),
    pair.logs.lines().join('\n'),
  );
  assert.deepEqual(await pair.serverSession.closed, closeReason('mppe-refused', 'peer rejected MPPE'));
  assert.deepEqual(pair.pool.inUse, 0);
});
