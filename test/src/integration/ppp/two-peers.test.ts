// Two PPP peers in memory: the seed's pptpd built from the real plugins (ppp, lcp, auth-mschapv2, mppe,
// ipcp, ip-pool, session-log) against a client session from the same factories, over memory links with
// a tap and seeded loss. Every case checks how the session ends as pppd would end it: close reason,
// log lines, lease. Time only moves on the ManualClock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason, type CloseReason } from '@switchyard/core';
import { createMschapV2Authenticator } from '@switchyard/plugin-auth-mschapv2';
import { PAP_DEFAULTS, createPapAuthenticator } from '@switchyard/plugin-auth-pap';
import { type Client, MS_DNS, type Server, connectClient, startServer } from './appliance.js';
import { COMPRESSED, IP, type TappedFrame, linkTap } from './link-tap.js';
import { settle } from './pair.js';

const LCP = 0xc021;
const CHAP = 0xc223;
const CCP = 0x80fd;
const IPCP = 0x8021;

/** An IPv4-looking packet numbered `n` (version/IHL 0x45, the number, then filler). */
const packet = (n: number, size = 64) =>
  Uint8Array.from({ length: size }, (_, i) => (i === 0 ? 0x45 : i === 2 ? n >> 8 : (n + i) & 0xff));

const contains = (haystack: Uint8Array, needle: Uint8Array) =>
  Buffer.from(haystack).includes(Buffer.from(needle));

/** Sends `count` packets each way, one per turn of the event loop, as a steady flow would. */
async function exchange(s: Server, c: Client, count: number) {
  const down: Uint8Array[] = [];
  const up: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    down.push(packet(2 * i));
    up.push(packet(2 * i + 1));
    s.sink.routes[0]!.deliver(down[i]!);
    c.sink.routes[0]!.deliver(up[i]!);
    await settle(2);
  }
  return { down, up };
}

/** pppd on the server when the client hangs up: "LCP terminated by peer (User request)", lease back. */
async function clientHangsUp(s: Server, c: Client): Promise<void> {
  c.session.close(closeReason('admin'));
  await settle();
  assert.deepEqual(await c.serverSession.closed, closeReason('peer-terminated', 'User request'));
  assert.ok(s.logs.has('LCP terminated by peer (User request)', 'info'));
  assert.ok(
    s.logs.has(/session closed: peer-terminated \(User request\).*user=vpn1 address=10\.0\.0\.201/, 'info'),
  );
  assert.equal(s.pool.inUse, 0, 'the lease is released');
  assert.equal(s.sink.closed, 1, 'the route is gone');
  assertNoRenegotiation(s, c);
}

/** LCP going down is no CCP renegotiation: pppd says nothing about CCP then. */
function assertNoRenegotiation(s: Server, c: Client): void {
  assert.ok(!s.logs.has('CCP renegotiating') && !c.logs.has('CCP renegotiating'));
}

const ended = async (c: Client): Promise<{ server: CloseReason; client: CloseReason }> => ({
  server: await c.serverSession.closed,
  client: await c.clientSession.closed,
});

test('LCP → MS-CHAPv2 → CCP/MPPE-128 stateless → IPCP: Network phase, pool address, ms-dns; IP crosses only as 0x00FD both ways', async () => {
  const tap = linkTap();
  const s = await startServer({ filter: tap.filter });
  const c = await connectClient(s);
  assert.equal(c.session.phase, 'network');
  assert.equal(c.serverSession.state, 'network');
  assert.deepEqual(c.session.facts.ipcp, {
    localAddress: '10.0.0.201',
    peerAddress: '10.0.0.254',
    dnsServers: MS_DNS,
    nbnsServers: [],
  });
  assert.equal(c.serverSession.info.user, 'vpn1');
  assert.equal(c.serverSession.info.address, '10.0.0.201');
  assert.equal(s.pool.inUse, 1);
  assert.deepEqual(tap.firstSeen('aToB'), [LCP, CHAP, CCP, IPCP], 'RFC 1661 §3 phases, IPCP after CCP');
  assert.deepEqual(tap.firstSeen('bToA'), [LCP, CHAP, CCP, IPCP]);
  assert.ok(s.logs.has('sent [LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> <magic'), 'pppd traces');
  assert.ok(s.logs.has('sent [CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>]'));
  assert.ok(s.logs.has('MPPE 128-bit stateless compression enabled', 'info'));
  assert.ok(c.logs.has('MPPE 128-bit stateless compression enabled', 'info'));
  assert.ok(s.logs.has('remote IP address 10.0.0.201', 'info'));
  assert.ok(c.logs.has('primary   DNS address 202.106.46.151', 'info'));
  assert.ok(c.logs.has('secondary DNS address 202.106.0.20', 'info'));
  assert.equal(s.sink.routes[0]!.mtu, 1492, 'MPPE’s 4 bytes come off the MTU');

  const { down, up } = await exchange(s, c, 3);
  assert.deepEqual(c.sink.received, down, 'intact and in order at the client');
  assert.deepEqual(s.sink.received, up, 'intact and in order at the packet sink');
  const data = [...tap.data('aToB'), ...tap.data('bToA')];
  assert.equal(data.length, 6);
  assert.ok(
    data.every((f) => f.protocol === COMPRESSED),
    'never 0x0021',
  );
  for (const sent of [...down, ...up]) {
    assert.ok(!data.some((f) => contains(f.bytes, sent.subarray(4))), 'no clear payload on the link');
  }
  assert.equal(s.mppe()!.packetsEncrypted, 3);
  assert.equal(s.mppe()!.packetsDecrypted, 3);
  await clientHangsUp(s, c);
  assert.deepEqual((await ended(c)).client, closeReason('admin'));
  await s.appliance.stop();
});

/** RFC 3078 §8.2 as Linux does it: after each run of lost packets the receiver discards the next one
 * (its coherency count shows the gap) and sends a CCP Reset-Request; the sender flushes the packet after. */
function statefulDelivery(sent: readonly Uint8Array[], frames: readonly TappedFrame[]): Uint8Array[] {
  const delivered: Uint8Array[] = [];
  let afterLoss = false;
  sent.forEach((p, i) => {
    if (frames[i]!.dropped) afterLoss = true;
    else if (afterLoss) afterLoss = false;
    else delivered.push(p);
  });
  return delivered;
}

/** How many Reset-Requests a receiver sends: one per run of losses that a later packet reveals. */
const lossRuns = (frames: readonly TappedFrame[]) =>
  frames.filter((f, i) => !f.dropped && i > 0 && frames[i - 1]!.dropped).length;

/** RFC 3078 §8.1: every packet carries its coherency count and is flushed, so only the lost are missing. */
const statelessDelivery = (sent: readonly Uint8Array[], frames: readonly TappedFrame[]) =>
  sent.filter((_, i) => !frames[i]!.dropped);

test('stateful MPPE with 5% seeded loss: a gap costs one more packet, then a CCP Reset-Request resynchronises (RFC 3078 §8.2)', async () => {
  const tap = linkTap();
  const s = await startServer({ filter: tap.filter, mppe: { mppeStateful: true } });
  const c = await connectClient(s, { mppe: { mppeRequestStateful: true } });
  // Each side's Configure-Request names how it receives: the client asked for stateful, the server (as
  // pppd with mppe-stateful) Acks that but asks for stateless itself. pppd logs "receive / transmit".
  assert.ok(s.logs.has('MPPE 128-bit stateless / MPPE 128-bit stateful compression enabled', 'info'));
  assert.ok(c.logs.has('MPPE 128-bit stateful / MPPE 128-bit stateless compression enabled', 'info'));
  tap.lose(0.05, 2024);
  const { down, up } = await exchange(s, c, 300);
  const toClient = tap.data('aToB');
  const toServer = tap.data('bToA');
  assert.equal(toClient.length, 300);
  assert.ok(lossRuns(toClient) >= 5 && lossRuns(toServer) >= 5, 'the seed loses packets both ways');
  assert.deepEqual(c.sink.received, statefulDelivery(down, toClient), 'stateful: resumes after each reset');
  assert.deepEqual(s.sink.received, statelessDelivery(up, toServer), 'stateless: only the lost are missing');
  assert.equal(c.mppe().resetRequestsSent, lossRuns(toClient), 'one Reset-Request per gap');
  assert.equal(s.mppe()!.resetRequestsReceived, lossRuns(toClient));
  assert.equal(c.mppe().resetAcksReceived, lossRuns(toClient), 'each Acked (RFC 1962 §3.1)');
  assert.equal(s.mppe()!.resetRequestsSent, 0, 'nothing to reset in stateless mode');
  assert.ok(c.logs.has(/sent \[CCP ResetReq id=0x\w+\]/));
  assert.ok(s.logs.has(/sent \[CCP ResetAck id=0x\w+\]/));
  assert.equal(c.serverSession.state, 'network', 'loss is not fatal');
  await clientHangsUp(s, c);
  await s.appliance.stop();
});

test('stateless MPPE with 5% seeded loss: every packet not lost arrives, in order, without a Reset-Request (RFC 3078 §8.1)', async () => {
  const tap = linkTap();
  const s = await startServer({ filter: tap.filter });
  const c = await connectClient(s);
  tap.lose(0.05, 7);
  const { down, up } = await exchange(s, c, 300);
  const toClient = tap.data('aToB');
  const toServer = tap.data('bToA');
  assert.ok(toClient.some((f) => f.dropped) && toServer.some((f) => f.dropped), 'the seed loses packets');
  assert.deepEqual(c.sink.received, statelessDelivery(down, toClient));
  assert.deepEqual(s.sink.received, statelessDelivery(up, toServer));
  assert.equal(c.mppe().resetRequestsSent + s.mppe()!.resetRequestsSent, 0);
  assert.equal(s.mppe()!.late + c.mppe().late, 0, 'nothing out of order');
  await clientHangsUp(s, c);
  await s.appliance.stop();
});

test('a wrong password: the server logs the failure, LCP Terminate "Authentication failed", auth-failed, no lease', async () => {
  const s = await startServer();
  const c = await connectClient(s, { secret: 'wrong' });
  const { server, client } = await ended(c);
  assert.deepEqual(server, closeReason('auth-failed', 'NT-Response does not match the secret'));
  assert.ok(s.logs.has(/sent \[CHAP Failure id=0x\w+ "E=691 /), 'RFC 2759 §6 ERROR_AUTHENTICATION_FAILURE');
  assert.ok(s.logs.has('Peer vpn1 failed mschap-v2 authentication: NT-Response does not match the secret'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "Authentication failed"]'));
  assert.ok(s.logs.has(/warn .*session closed: auth-failed/), 'the administrator’s line');
  assert.equal(client.code, 'auth-failed', 'pppd on the client: EXIT_AUTH_TOPEER_FAILED');
  assert.equal(s.pool.counters.allocations, 0);
  assert.equal(s.sink.routes.length, 0);
  await s.appliance.stop();
});

test('the client will only do PAP, the server requires MS-CHAPv2: "peer refused to authenticate" (pppd link_established)', async () => {
  const s = await startServer();
  // pppd with refuse-mschap-v2 and PAP secrets; no MPPE (it needs MS-CHAP keys).
  const c = await connectClient(s, {
    lcp: { refuseMschapV2: true },
    mppe: { requireMppe128: false },
    authenticators: [
      createPapAuthenticator(PAP_DEFAULTS),
      // Installed but refused: the client's LCP must not agree to it.
      createMschapV2Authenticator({}, (n) => new Uint8Array(n).fill(1)),
    ],
  });
  const { server, client } = await ended(c);
  assert.ok(s.logs.has('rcvd [LCP ConfNak id=0x1 <auth pap>]'), s.logs.lines().join('\n'));
  assert.ok(s.logs.has('peer refused to authenticate: terminating link', 'warn'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x3 "peer refused to authenticate"]'));
  assert.deepEqual(server, closeReason('auth-failed', 'peer refused to authenticate'));
  assert.ok(c.logs.has('LCP terminated by peer (peer refused to authenticate)', 'info'));
  assert.deepEqual(client, closeReason('peer-terminated', 'peer refused to authenticate'));
  assert.equal(s.pool.counters.allocations, 0);
  await s.appliance.stop();
});

test('a client without MPPE (nomppe) against require-mppe-128: mppe-refused, "MPPE required but peer refused" (pppd ccp_rejci)', async () => {
  const s = await startServer();
  const c = await connectClient(s, { mppe: { requireMppe128: false, nomppe: true } });
  const { server, client } = await ended(c);
  assert.ok(s.logs.has(/rcvd \[CCP ConfRej id=0x1 <mppe/), s.logs.lines().join('\n'));
  assert.ok(s.logs.has('MPPE required but peer refused', 'error'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "MPPE required but peer refused"]'));
  assert.deepEqual(server, closeReason('mppe-refused', 'MPPE required but peer refused'));
  assert.ok(c.logs.has('LCP terminated by peer (MPPE required but peer refused)', 'info'));
  assert.deepEqual(client, closeReason('peer-terminated', 'MPPE required but peer refused'));
  assert.ok(!s.logs.has('sent [IPCP ConfReq'), 'IPCP waited for CCP, which never opened');
  assert.equal(c.session.facts.ipcp, undefined);
  assert.equal(s.pool.inUse, 0, 'the lease is released');
  assert.ok(s.logs.has(/warn .*session closed: mppe-refused/));
  await s.appliance.stop();
});

test('a client gone silent after Network: echo-timeout after lcp-echo-interval × lcp-echo-failure (pppd LcpLinkFailure)', async () => {
  const s = await startServer();
  const c = await connectClient(s);
  s.memory.control.clientSilent = true; // the Echo-Request of LCP up (t = 0) was answered
  // Requests at 10, 20 and 30 s go unanswered; at 40 s the count reaches lcp-echo-failure 3.
  s.clock.advance(39_999);
  await settle();
  assert.ok(!s.logs.has('No response to'));
  s.clock.advance(1);
  await settle();
  assert.ok(s.logs.has('No response to 3 echo-requests', 'info'), s.logs.lines().join('\n'));
  assert.ok(s.logs.has('Serial link appears to be disconnected.', 'warn'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "Peer not responding"]'));
  assert.equal(c.serverSession.isOpen, true, 'waiting for a Terminate-Ack');
  // The client heard the Terminate-Request; its Terminate-Ack is lost. 3 s later (lcp-restart) the
  // server repeats its request and the client, done waiting in Stopping, hangs up the call.
  s.clock.advance(3000);
  await settle();
  assert.ok(s.logs.has('sent [LCP TermReq id=0x3 "Peer not responding"]'));
  const { server, client } = await ended(c);
  assert.deepEqual(server, closeReason('echo-timeout', 'no response to 3 echo-requests'));
  assert.ok(s.logs.has(/warn .*session closed: echo-timeout .*seconds=43/));
  assert.deepEqual(client, closeReason('peer-terminated', 'Peer not responding'));
  assert.ok(c.logs.has('LCP terminated by peer (Peer not responding)', 'info'));
  assert.equal(s.pool.inUse, 0, 'the lease is released');
  await s.appliance.stop();
});

test('appliance stop: the client receives LCP Terminate-Request "User request", the server session ends shutdown', async () => {
  const s = await startServer();
  const c = await connectClient(s);
  await s.appliance.stop();
  const { server, client } = await ended(c);
  assert.deepEqual(server, closeReason('shutdown'));
  assert.ok(s.logs.has('sent [LCP TermReq id=0x2 "User request"]'));
  assert.ok(s.logs.has('rcvd [LCP TermAck id=0x2]'), 'the server waited for the Ack (pppd on SIGTERM)');
  assert.ok(c.logs.has('rcvd [LCP TermReq id=0x2 "User request"]'));
  assert.ok(c.logs.has('LCP terminated by peer (User request)', 'info'));
  assert.deepEqual(client, closeReason('peer-terminated', 'User request'));
  assert.ok(s.logs.has(/info .*session closed: shutdown/));
  assert.equal(c.serverLink.closedWith?.code, 'shutdown');
  assert.equal(s.pool.inUse, 0);
  assertNoRenegotiation(s, c);
});

test('without the mppe plugin (pppd without require-mppe) IP crosses in clear as 0x0021', async () => {
  const tap = linkTap();
  const s = await startServer({ filter: tap.filter, mppe: false });
  const c = await connectClient(s, { mppe: { requireMppe128: false } });
  assert.deepEqual(tap.firstSeen('aToB'), [LCP, CHAP, IPCP]);
  const { down, up } = await exchange(s, c, 2);
  assert.deepEqual(c.sink.received, down);
  assert.deepEqual(s.sink.received, up);
  assert.ok([...tap.data('aToB'), ...tap.data('bToA')].every((f) => f.protocol === IP));
  assert.equal(s.sink.routes[0]!.mtu, 1496);
  await clientHangsUp(s, c);
  await s.appliance.stop();
});
