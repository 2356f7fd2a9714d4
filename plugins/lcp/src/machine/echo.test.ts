// The LCP keep-alive on a ManualClock: pppd's lcp-echo-interval / lcp-echo-failure (lcp.c).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { clientLcpConfAck, clientLcpConfReq } from '@switchyard/ppp/testing';
import { lcpBench } from '../testing/harness.js';
import { magicPacket } from '../testing/frames.js';

const PEER_MAGIC = 0xff95ae08;

function opened(config = { lcpEchoInterval: 10, lcpEchoFailure: 3 }) {
  const bench = lcpBench({ config: { requireMschapV2: true, ...config }, magics: [0x4eeee626] });
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  bench.receive(clientLcpConfAck.bytes);
  return bench;
}

const echoRequests = (bench: ReturnType<typeof lcpBench>) =>
  bench.sent().filter((p) => p.kind === 'magic' && p.code === 9);

test('the first Echo-Request goes out as LCP opens, then one per interval, ids from 0 (pppd LcpEchoCheck)', () => {
  const bench = opened();
  const [first] = echoRequests(bench);
  assert.ok(first?.kind === 'magic');
  assert.equal(first.identifier, 0);
  assert.equal(first.magicNumber, 0x4eeee626, 'our magic (RFC 1661 §5.8)');
  bench.receive(magicPacket(10, 0, PEER_MAGIC));
  bench.clock.advance(9999);
  assert.deepEqual(echoRequests(bench), []);
  bench.clock.advance(1);
  assert.equal(echoRequests(bench)[0]?.identifier, 1);
});

test('Echo-Replies keep the link up indefinitely (RFC 1661 §5.8)', () => {
  const bench = opened();
  for (let i = 0; i < 10; i++) {
    const [request] = echoRequests(bench);
    bench.receive(magicPacket(10, request!.identifier, PEER_MAGIC));
    bench.clock.advance(10_000);
  }
  assert.equal(bench.lcp.automaton.state, 'opened');
  assert.equal(bench.lcp.echo.unanswered, 1);
});

test('unanswered Echo-Requests take the link down with echo-timeout and "Peer not responding" (pppd LcpLinkFailure)', () => {
  const bench = opened();
  bench.clock.advance(30_000); // requests at 0, 10, 20 s unanswered; at 30 s the count reaches 3
  const terminate = bench.sent().find((p) => p.kind === 'terminate');
  assert.ok(terminate?.kind === 'terminate' && terminate.code === 5);
  assert.equal(Buffer.from(terminate.data).toString(), 'Peer not responding');
  assert.ok(bench.logs.has('No response to 3 echo-requests', 'info'));
  assert.ok(bench.logs.has('Serial link appears to be disconnected.', 'warn'));
  assert.deepEqual(bench.events, ['up', 'down']);
  bench.clock.advance(6000); // Max-Terminate 2 × Restart 3 s without a Terminate-Ack
  assert.deepEqual(bench.events, ['up', 'down', 'finished']);
  assert.deepEqual(bench.finished, [closeReason('echo-timeout', 'no response to 3 echo-requests')]);
});

test('other received frames do not reset the count: only an Echo-Reply does (pppd lcp_received_echo_reply)', () => {
  const bench = opened();
  bench.clock.advance(20_000);
  bench.receive(magicPacket(11, 7, PEER_MAGIC)); // Discard-Request: traffic, but not an answer
  bench.session.counters.packetsIn += 5; // data, too
  bench.clock.advance(10_000);
  assert.equal(bench.lcp.closeReason?.code, 'echo-timeout');
});

test('an Echo-Reply carrying our own magic is a looped link, not an answer (pppd)', () => {
  const bench = opened();
  bench.receive(magicPacket(10, 0, 0x4eeee626));
  assert.ok(bench.logs.has('appear to have received our own echo-reply!', 'warn'));
  assert.equal(bench.lcp.echo.unanswered, 1);
});

test('lcp-echo-adaptive skips the request when data arrived since the last one (pppd lcp-echo-adaptive)', () => {
  const bench = opened({ lcpEchoInterval: 10, lcpEchoFailure: 3, lcpEchoAdaptive: true } as never);
  assert.equal(echoRequests(bench).length, 1);
  bench.session.counters.packetsIn++;
  bench.clock.advance(10_000);
  assert.equal(echoRequests(bench).length, 0);
  bench.clock.advance(10_000);
  assert.equal(echoRequests(bench).length, 1);
});

test('with lcp-echo-interval 0 (pppd default) no Echo-Request is ever sent', () => {
  const bench = opened({ lcpEchoInterval: 0, lcpEchoFailure: 0 });
  bench.clock.advance(600_000);
  assert.deepEqual(echoRequests(bench), []);
});

test('an Echo-Request outside Opened is silently discarded (RFC 1661 §5.8)', () => {
  const bench = lcpBench();
  bench.lcp.open();
  bench.sent();
  bench.receive(magicPacket(9, 1, PEER_MAGIC));
  assert.deepEqual(bench.sent(), []);
});
