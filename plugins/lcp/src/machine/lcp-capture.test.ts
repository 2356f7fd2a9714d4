// LCP against the reference capture: pppd 2.4 (server) ↔ pptp-linux (client), shared/captures
// pptpd-reference-session.txt. Where we intend to behave as pppd did, our bytes must equal its bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '@switchyard/wire';
import {
  clientLcpConfAck,
  clientLcpConfReq,
  clientLcpEchoReq,
  clientLcpTermReq,
  serverLcpConfAck,
  serverLcpConfReq,
  serverLcpEchoRep,
  serverLcpTermAck,
  serverLcpTermReqAuthFailed,
} from '@switchyard/ppp/testing';
import { closeReason } from '@switchyard/core';
import { lcpBench } from '../testing/harness.js';

/** The server of the capture: `require-mschap-v2`, magic 0x4eeee626 (options.pptpd in the capture config). */
const pppdServer = () => lcpBench({ config: { requireMschapV2: true }, magics: [0x4eeee626] });

test('our Configure-Request equals pppd’s: asyncmap 0, auth chap MS-v2, magic, pcomp, accomp (capture frame 14)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  assert.equal(toHex(bench.frames[0]!), toHex(serverLcpConfReq.bytes));
  assert.ok(bench.logs.has(`sent [${serverLcpConfReq.trace}]`), bench.logs.lines().join('\n'));
});

test('the client’s request is Acked byte for byte as pppd did (frames 13 → 16, RFC 1661 §5.2)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  assert.equal(toHex(bench.frames[1]!), toHex(serverLcpConfAck.bytes));
  assert.ok(bench.logs.has(`rcvd [${clientLcpConfReq.trace}]`));
  assert.ok(bench.logs.has(`sent [${serverLcpConfAck.trace}]`));
});

test('the client’s Ack opens LCP: facts, compressed framing, one up event (frame 15, RFC 1661 §6.5–6.6)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  bench.receive(clientLcpConfAck.bytes);
  assert.deepEqual(bench.events, ['up']);
  assert.equal(bench.lcp.automaton.state, 'opened');
  const lcp = bench.context.facts.lcp!;
  assert.deepEqual(lcp.auth, { protocol: 0xc223, data: new Uint8Array([0x81]) });
  assert.equal(lcp.localMagic, 0x4eeee626);
  assert.equal(lcp.peerMagic, 0xff95ae08);
  assert.equal(lcp.peerMruBytes, 1500);
  assert.deepEqual(bench.link.framing, { pfc: true, acfc: true }, 'the client asked to receive both');
  assert.ok(bench.logs.has('lcp: ackSent => opened (rca)'));
});

test('an Echo-Request is answered with our magic and its id (frame 17 → 19, RFC 1661 §5.8)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  bench.receive(clientLcpConfAck.bytes);
  bench.receive(clientLcpEchoReq.bytes); // sent without FF 03 by Linux pptp.ko: accepted either way
  // Linux stripped FF 03 from pppd's reply; we keep it on every LCP frame as RFC 1661 §6.6 requires.
  assert.equal(toHex(bench.frames[2]!), 'ff03' + toHex(serverLcpEchoRep.bytes));
  assert.ok(bench.logs.has(`sent [${serverLcpEchoRep.trace}]`));
});

test('the peer’s Terminate-Request is Acked as pppd did; reason peer-terminated with its text (frames 94 → 96)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  bench.receive(clientLcpConfAck.bytes);
  bench.sent();
  bench.receive(clientLcpTermReq.bytes);
  assert.equal(toHex(bench.frames.at(-1)!), toHex(serverLcpTermAck.bytes));
  assert.deepEqual(bench.lcp.closeReason, closeReason('peer-terminated', 'MPPE disabled'));
  assert.ok(bench.logs.has('LCP terminated by peer (MPPE disabled)', 'info'));
  assert.deepEqual(bench.events, ['up', 'down'], 'tld at once (RFC 1661 §4.1 RTR in Opened)');
  bench.clock.advance(3000); // Stopping waits one Restart period, then tlf
  assert.deepEqual(bench.events, ['up', 'down', 'finished']);
  assert.deepEqual(bench.finished, [closeReason('peer-terminated', 'MPPE disabled')]);
});

test('closing after failed authentication sends pppd’s Terminate-Request "Authentication failed" (wrong-password capture frame 25)', () => {
  const bench = pppdServer();
  bench.lcp.open();
  bench.receive(clientLcpConfReq.bytes);
  bench.receive(clientLcpConfAck.bytes);
  bench.lcp.close(closeReason('auth-failed', 'E=691'));
  assert.equal(toHex(bench.frames.at(-1)!), toHex(serverLcpTermReqAuthFailed.bytes));
});
