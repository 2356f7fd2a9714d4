import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { PppProtocol } from '../codec/protocols.js';
import { CpLoopback, flagOption, numberOption } from '../testing/index.js';
import { CpAutomaton } from './automaton.js';
import type { OptionSpec, ProtocolSpec } from './option-spec.js';

// Two engines joined in memory through the real codec: a full RFC 1661 negotiation with one Reject
// round and one Nak round, then loss and termination.

const rejectedByB: string[] = [];
const mruA = numberOption({ type: 1, name: 'mru', width: 2, desired: 1500 });
const mruB = numberOption({
  type: 1,
  name: 'mru',
  width: 2,
  desired: 1400,
  // B cannot receive more than 1400 (RFC 1661 §6.1): Nak anything larger.
  judge: (peer) => (peer > 1400 ? { verdict: 'nak', suggest: 1400 } : { verdict: 'ack' }),
});
const magic = (value: number): OptionSpec<number> =>
  numberOption({ type: 5, name: 'magic', width: 4, desired: value });
const extension: OptionSpec<true> = {
  ...flagOption(0x42, 'x-extension', true),
  onReject: () => rejectedByB.push('x'),
};

const SPEC_A: ProtocolSpec = {
  protocol: PppProtocol.LCP,
  name: 'LCP',
  options: [mruA, magic(0xaaaa0001), extension],
};
const SPEC_B: ProtocolSpec = { protocol: PppProtocol.LCP, name: 'LCP', options: [mruB, magic(0xbbbb0002)] };

function pair() {
  const clock = new ManualClock();
  const loop = new CpLoopback();
  const a = new CpAutomaton(SPEC_A, { clock, emit: loop.sink('a') });
  const b = new CpAutomaton(SPEC_B, { clock, emit: loop.sink('b') });
  loop.attach('a', a);
  loop.attach('b', b);
  return { clock, loop, a, b };
}

function start({ a, b }: { a: CpAutomaton; b: CpAutomaton }): void {
  a.open();
  b.open();
  a.up();
  b.up();
}

test('two engines reach Opened through one Reject round and one Nak round (RFC 1661 §4, §5.3–5.4)', () => {
  rejectedByB.length = 0;
  const harness = pair();
  const { loop, a, b } = harness;
  start(harness);
  loop.pump();
  assert.equal(a.state, 'opened');
  assert.equal(b.state, 'opened');
  const fromB = loop.wire.filter((w) => w.from === 'b').map((w) => w.packet.code);
  assert.ok(fromB.includes(4), 'B rejected the unknown option');
  assert.ok(fromB.includes(3), 'B Nak-ed the MRU');
  assert.deepEqual(rejectedByB, ['x'], 'onReject told A');
  assert.equal(a.ourValue(mruA), 1400, 'A adopted the Nak suggestion');
  assert.equal(a.ourValue(extension), undefined, 'the rejected option is not negotiated');
  assert.equal(b.peerValue(mruB), 1400);
  assert.equal(a.peerValue(mruA), 1400, 'B asked for 1400 and A acked it');
  assert.equal(b.ourValue(magic(0)), 0xbbbb0002);
  const requestIds = loop.wire
    .filter((w) => w.from === 'a' && w.packet.code === 1)
    .map((w) => w.packet.identifier);
  assert.deepEqual(requestIds, [1, 2, 3], 'a new Identifier for each new request (RFC 1661 §5.1)');
  assert.ok(loop.outputs.a.some((o) => o.kind === 'layer' && o.signal === 'up'));
  assert.ok(loop.outputs.b.some((o) => o.kind === 'layer' && o.signal === 'up'));
});

test('a lost Configure-Request is retransmitted after the Restart interval with the same Identifier (RFC 1661 §4.6)', () => {
  const harness = pair();
  const { clock, loop, a, b } = harness;
  let dropped = 0;
  loop.drop = (from, packet) => from === 'a' && packet.code === 1 && dropped++ === 0;
  start(harness);
  loop.pump();
  assert.notEqual(a.state, 'opened');
  clock.advance(3000);
  loop.pump();
  assert.equal(a.state, 'opened');
  assert.equal(b.state, 'opened');
  const first = loop.wire.filter((w) => w.from === 'a' && w.packet.code === 1).slice(0, 2);
  assert.equal(first[0]?.packet.identifier, first[1]?.packet.identifier);
});

test('Close on one side terminates both: Closed on the closer, Stopped on the peer after one interval (RFC 1661 §3.7)', () => {
  const harness = pair();
  const { clock, loop, a, b } = harness;
  start(harness);
  loop.pump();
  a.close('admin');
  loop.pump();
  assert.equal(a.state, 'closed');
  assert.equal(b.state, 'stopping');
  clock.advance(3000);
  assert.equal(b.state, 'stopped');
  assert.ok(loop.outputs.a.some((o) => o.kind === 'layer' && o.signal === 'finished'));
  assert.ok(loop.outputs.b.some((o) => o.kind === 'layer' && o.signal === 'finished'));
});

test('a peer Configure-Request in Opened renegotiates: tld, scr, sca (RFC 1661 §4.1 RCR+ in Opened)', () => {
  const harness = pair();
  const { loop, a, b } = harness;
  start(harness);
  loop.pump();
  b.handle('down');
  b.handle('up');
  loop.pump();
  assert.equal(a.state, 'opened');
  assert.equal(b.state, 'opened');
  assert.ok(loop.outputs.a.filter((o) => o.kind === 'layer' && o.signal === 'down').length === 1);
});

test('in Opened the request is let go, yet a late copy of the Ack is still a duplicate and renegotiation works', () => {
  const harness = pair();
  const { loop, a, b } = harness;
  let lastAck: Parameters<CpAutomaton['receive']>[0] | undefined;
  loop.drop = (from, packet) => {
    if (from === 'b' && packet.code === 2) lastAck = packet;
    return false;
  };
  start(harness);
  loop.pump();
  assert.equal(a.state, 'opened');
  assert.equal(a['negotiation'].heldOptions, 0, 'no encoded options kept while Opened');
  assert.equal(a['negotiation']['ours']['held'], undefined, 'nor a table of wanted values');
  assert.equal(a['negotiation']['last'], undefined, 'nor the request itself, only its Identifier');
  const agreed = a['negotiation']['peerAgreed'];
  assert.ok(agreed.length > 0);
  assert.equal(agreed.length, 2 * a.negotiated().peer.length, 'agreed values: type and value, no records');
  assert.ok(agreed.every((item) => typeof item !== 'object' || item === null || !('name' in item)));
  assert.ok(lastAck);
  const outputs = a.receive(lastAck);
  assert.deepEqual(
    outputs.map((o) => (o.kind === 'discard' ? o.reason : o.kind)),
    ['duplicate-reply'],
  );
  const stale = a.receive({ ...lastAck, identifier: (lastAck.identifier + 1) & 0xff });
  assert.deepEqual(
    stale.map((o) => (o.kind === 'discard' ? o.reason : o.kind)),
    ['stale-identifier'],
  );
  assert.equal(a.state, 'opened');
  b.handle('down');
  b.handle('up');
  loop.pump();
  assert.equal(a.state, 'opened');
  assert.equal(a.ourValue(mruA), 1400, 'the renegotiation started again from desired() and the Nak');
});
