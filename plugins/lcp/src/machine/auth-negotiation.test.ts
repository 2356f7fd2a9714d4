// Negotiating the Authentication-Protocol option with pppd's policy (anchors §1.6; pppd lcp.c, auth.c).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { type ConfigurePacket, formatCpPacket } from '@switchyard/ppp';
import { PAP, lcpBench, type LcpBenchOptions } from '../testing/harness.js';
import { configure, option } from '../testing/frames.js';

const MAGIC = option(5, '12 34 56 78');
const authOf = (packet: ConfigurePacket | undefined) => packet?.options.find((o) => o.type === 3);
const hexOf = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString('hex') : undefined);

/** The server side, driven by a scripted peer that answers our requests with `answer`. */
function server(options: LcpBenchOptions, answer: (ours: ConfigurePacket) => Uint8Array, rounds = 3) {
  const bench = lcpBench(options);
  bench.lcp.open();
  const requests: ConfigurePacket[] = [];
  bench.receive(configure(1, 1, [MAGIC]));
  for (let i = 0; i < rounds; i++) {
    const ours = bench.sent().find((p): p is ConfigurePacket => p.kind === 'configure' && p.code === 1);
    if (!ours) break;
    requests.push(ours);
    bench.receive(answer(ours));
  }
  return { bench, requests };
}
const ack = (ours: ConfigurePacket) => configure(2, ours.identifier, [...ours.options]);

test('auth alone asks for the strongest installed protocol: MS-CHAPv2 (pppd lcp_addci order)', () => {
  const { bench, requests } = server({ config: {} }, ack);
  assert.equal(hexOf(authOf(requests[0])?.data), 'c22381');
  assert.deepEqual(bench.context.facts.lcp?.auth, { protocol: 0xc223, data: new Uint8Array([0x81]) });
});

test('a Nak suggesting another allowed protocol switches to it: MS-CHAPv2 → PAP (pppd lcp_nakci)', () => {
  const { bench, requests } = server({ config: {} }, (ours) =>
    authOf(ours)?.data[0] === 0xc2 ? configure(3, ours.identifier, [option(3, 'c0 23')]) : ack(ours),
  );
  assert.equal(hexOf(authOf(requests[1])?.data), 'c023');
  assert.deepEqual(bench.events, ['up']);
  assert.deepEqual(bench.context.facts.lcp?.auth, { protocol: PAP.protocol, data: PAP.lcpData });
  assert.ok(bench.logs.has('rcvd [LCP ConfNak id=0x1 <auth pap>]'));
});

test('require-mschap-v2 and a peer that only Naks: no protocol left, LCP opens without auth, then "peer refused to authenticate" → auth-failed (pppd auth.c)', () => {
  const { bench, requests } = server({ config: { requireMschapV2: true } }, (ours) =>
    authOf(ours) ? configure(3, ours.identifier, [option(3, 'c2 23 05')]) : ack(ours),
  );
  bench.clock.advance(6000); // our Terminate-Requests go unanswered: Max-Terminate 2 × 3 s
  assert.equal(authOf(requests[1]), undefined, 'the second request no longer asks for auth');
  assert.deepEqual(bench.events, ['finished'], 'never reported up: no Network phase without auth');
  assert.deepEqual(bench.finished, [closeReason('auth-failed', 'peer refused to authenticate')]);
  assert.ok(
    bench.logs.has('sent [LCP TermReq id=0x3 "peer refused to authenticate"]'),
    bench.logs.lines().join('\n'),
  );
});

test('a peer that Configure-Rejects the auth option is refused the same way (pppd auth.c)', () => {
  const { bench } = server({ config: { requireMschapV2: true } }, (ours) =>
    authOf(ours) ? configure(4, ours.identifier, [authOf(ours)!]) : ack(ours),
  );
  assert.equal(bench.lcp.closeReason?.code, 'auth-failed');
});

test('auth: false (pppd noauth) asks for nothing and opens without authentication', () => {
  const { bench, requests } = server({ config: { auth: false } }, ack);
  assert.equal(authOf(requests[0]), undefined);
  assert.deepEqual(bench.events, ['up']);
  assert.equal(bench.context.facts.lcp?.auth, undefined);
});

test('authentication required with no Authenticator installed fails the session at LCP up', () => {
  const { bench } = server({ config: { requireMschapV2: true }, authenticators: [PAP] }, ack);
  bench.clock.advance(6000);
  assert.deepEqual(bench.finished, [
    closeReason('auth-failed', 'no authenticator for the required protocols'),
  ]);
});

test('client: the server’s <auth chap MS-v2> is Acked and recorded; we ask for no auth ourselves', () => {
  const bench = lcpBench({ role: 'client' });
  bench.lcp.open();
  const [ours] = bench.sent();
  assert.ok(ours?.kind === 'configure' && !authOf(ours));
  bench.receive(configure(1, 1, [option(3, 'c2 23 81'), MAGIC]));
  bench.receive(ack(ours));
  assert.deepEqual(bench.context.facts.lcp?.auth, { protocol: 0xc223, data: new Uint8Array([0x81]) });
});

test('client: a refused protocol is Nak’d with our strongest allowed one; all refused → Rejected (pppd lcp_reqci)', () => {
  const bench = lcpBench({ role: 'client', config: { refuseChap: true } });
  bench.lcp.open();
  bench.sent();
  bench.receive(configure(1, 1, [option(3, 'c2 23 05'), MAGIC]));
  const [nak] = bench.sent();
  assert.ok(nak?.kind === 'configure');
  assert.equal(formatCpPacket({ name: 'LCP', protocol: 0xc021 }, nak).startsWith('LCP ConfNak'), true);
  assert.equal(hexOf(authOf(nak)?.data), 'c22381');
  const refusing = lcpBench({ role: 'client', authenticators: [PAP], config: { refusePap: true } });
  refusing.lcp.open();
  refusing.sent();
  refusing.receive(configure(1, 1, [option(3, 'c0 23'), MAGIC]));
  assert.equal(refusing.sent()[0]?.code, 4);
});
