// A Windows-like client as in the pptpd debug log of anchors §5.3 and the rules of §6 #13: it asks for
// Callback (CBCP), sends LCP Identification packets, and may ask for any ACCM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeAscii } from '@switchyard/wire';
import { lcpBench } from '../testing/harness.js';
import { configure, magicPacket, option } from '../testing/frames.js';

const MRU_1400 = option(1, '05 78');
const MAGIC = option(5, '12 34 56 78');
const PFC = option(7, '');
const ACFC = option(8, '');
const CBCP = option(13, '06');

function opened() {
  const bench = lcpBench({ config: { requireMschapV2: true }, magics: [0x4eeee626] });
  bench.lcp.open();
  const [ours] = bench.sent();
  bench.receive(configure(1, 1, [MRU_1400, MAGIC, PFC, ACFC, CBCP]));
  const [reject] = bench.sent();
  bench.receive(configure(2, ours!.identifier, ours!.kind === 'configure' ? [...ours!.options] : []));
  bench.receive(configure(1, 2, [MRU_1400, MAGIC, PFC, ACFC]));
  return { bench, reject };
}

test('Callback (CBCP) is Configure-Rejected alone; the rest of the request is left for the next round (anchors §6 #13)', () => {
  const { bench, reject } = opened();
  assert.ok(reject?.kind === 'configure');
  assert.equal(reject.code, 4);
  assert.deepEqual(reject.options, [CBCP]);
  assert.ok(bench.logs.has('sent [LCP ConfRej id=0x1 <callback CBCP>]'), bench.logs.lines().join('\n'));
});

test('without Callback the request is Acked and LCP opens with the peer’s MRU 1400 (RFC 1661 §6.1)', () => {
  const { bench } = opened();
  const [ack] = bench.sent();
  assert.ok(ack?.kind === 'configure' && ack.code === 2 && ack.identifier === 2);
  assert.deepEqual(bench.events, ['up']);
  assert.equal(bench.context.facts.lcp?.peerMruBytes, 1400);
  assert.equal(bench.context.facts.lcp?.mtuBytes, 1400);
  assert.equal(bench.link.peerMruBytes, 1400, 'Protocol-Rejects are truncated to it (§5.7)');
});

test('LCP Identification packets are silently ignored: no Code-Reject, no state change (RFC 1570 §1.1; pppd lcp_extcode)', () => {
  const { bench } = opened();
  bench.sent();
  for (const text of ['MSRASV5.20', 'MSRAS-0-DESKTOP']) {
    bench.receive(magicPacket(12, 3, 0x12345678, Buffer.from(encodeAscii(text)).toString('hex')));
  }
  bench.receive(magicPacket(12, 5, 0x12345678, '01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10'));
  bench.receive(magicPacket(13, 6, 0x12345678, '00 00 0e 10'));
  assert.deepEqual(bench.sent(), []);
  assert.equal(bench.lcp.automaton.state, 'opened');
  assert.ok(bench.logs.has('rcvd [LCP Ident id=0x3 magic=0x12345678 "MSRASV5.20"]'));
});

test('any ACCM the peer asks for is Acked (anchors §6 #13: accept, it means nothing over GRE)', () => {
  const bench = lcpBench({ config: { requireMschapV2: true } });
  bench.lcp.open();
  bench.sent();
  bench.receive(configure(1, 1, [option(2, 'ff ff ff ff'), MAGIC]));
  const [ack] = bench.sent();
  assert.ok(ack?.kind === 'configure' && ack.code === 2);
});

test('an unknown LCP code is Code-Rejected (RFC 1661 §5.6)', () => {
  const { bench } = opened();
  bench.sent();
  bench.receive(Uint8Array.from([0xff, 0x03, 0xc0, 0x21, 0x20, 0x07, 0x00, 0x04]));
  const [reject] = bench.sent();
  assert.equal(reject?.kind, 'codeReject');
});

test('a Protocol-Reject of an NCP reaches its handler (RFC 1661 §5.7); outside Opened it is dropped', () => {
  const { bench } = opened();
  const rejected: number[] = [];
  bench.link.register({
    protocol: 0x8057,
    name: 'IPV6CP',
    phase: 'network',
    receive: () => undefined,
    protocolRejected: () => rejected.push(0x8057),
  });
  bench.receive(Uint8Array.from([0xff, 0x03, 0xc0, 0x21, 0x08, 0x09, 0x00, 0x08, 0x80, 0x57, 0x01, 0x01]));
  assert.deepEqual(rejected, [0x8057]);
  assert.equal(bench.lcp.automaton.state, 'opened', 'RXJ+ leaves LCP Opened');
});
