// A looped-back line (RFC 1661 §6.4): every frame we send comes straight back to us.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { type LcpBench, lcpBench } from '../testing/harness.js';

function loop(bench: LcpBench, limit = 200): number {
  let delivered = 0;
  while (delivered < bench.frames.length && delivered < limit) bench.receive(bench.frames[delivered++]!);
  return delivered;
}

for (const config of [{ auth: false }, { requireMschapV2: true }]) {
  test(`a looped-back line is declared after repeated Magic-Number evidence, then LCP closes (§6.4) ${JSON.stringify(config)}`, () => {
    const bench = lcpBench({ config });
    bench.lcp.open();
    const delivered = loop(bench);
    assert.ok(delivered < 200, 'the loop ends');
    assert.ok(bench.logs.has('Serial line is looped back.', 'warn'), bench.logs.lines().join('\n'));
    assert.ok(bench.logs.has('sent [LCP TermReq id='));
    assert.ok(bench.logs.has('"Loopback detected"'));
    assert.deepEqual(bench.events, ['finished'], 'never up');
    assert.deepEqual(bench.finished, [closeReason('negotiation-failed', 'serial line is looped back')]);
  });
}

test('a peer that happens to pick our magic is not a loop: we Nak, it picks anew, LCP opens (§6.4)', () => {
  const peer = lcpBench({
    config: { auth: false },
    magics: [0x5555aaaa, 0x12344321, 0x23456789, 0x3456789a],
  });
  const us = lcpBench({ config: { auth: false }, magics: [0x5555aaaa, 0x0badcafe, 0x0c0ffee0, 0x0ddba110] });
  peer.lcp.open();
  us.lcp.open();
  let a = 0;
  let b = 0;
  for (let i = 0; i < 50 && (a < us.frames.length || b < peer.frames.length); i++) {
    while (a < us.frames.length) peer.receive(us.frames[a++]!);
    while (b < peer.frames.length) us.receive(peer.frames[b++]!);
  }
  assert.equal(us.lcp.automaton.state, 'opened');
  assert.equal(peer.lcp.automaton.state, 'opened');
  assert.notEqual(us.context.facts.lcp?.localMagic, us.context.facts.lcp?.peerMagic);
});
