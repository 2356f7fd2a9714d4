import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { magicNumberOption } from './magic-number.js';

const sequence =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0x77777777;

test('Magic-Number round-trips 4 bytes and prints <magic 0x4eeee626> (RFC 1661 §6.4)', () => {
  const magic = magicNumberOption(true, sequence());
  assert.equal(magic.decode(hex('4e ee e6 26')), 0x4eeee626);
  assert.deepEqual(magic.encode(0x4eeee626), hex('4e ee e6 26'));
  assert.equal(magic.decode(hex('4e ee e6')), undefined);
  assert.equal(magic.format(0x4eeee626), '<magic 0x4eeee626>');
});

test('each negotiation requests a fresh non-zero random magic (pppd lcp_resetci; §6.4 zero is illegal)', () => {
  const magic = magicNumberOption(true, sequence(0, 0x12345678, 0x9abcdef0));
  assert.equal(magic.desired(), 0x12345678, 'zero is skipped');
  assert.equal(magic.desired(), 0x9abcdef0);
});

test('a peer magic equal to ours, or zero, is Nak’d with a new random value; others are Acked (§6.4)', () => {
  const magic = magicNumberOption(true, sequence(0x11111111, 0x22222222, 0x33333333));
  magic.desired();
  assert.deepEqual(magic.judge(0xff95ae08), { verdict: 'ack' });
  assert.deepEqual(magic.judge(0x11111111), { verdict: 'nak', suggest: 0x22222222 });
  assert.deepEqual(magic.judge(0), { verdict: 'nak', suggest: 0x33333333 });
});

test('a Nak of our magic makes us pick a new one; only a Nak echoing our own last Nak counts as a loop (§6.4)', () => {
  const magic = magicNumberOption(true, sequence(0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555));
  magic.desired(); // ours 0x11111111
  assert.equal(magic.onNak?.(0xabcdef01, 0x11111111), 0x22222222);
  assert.equal(magic.loops, 0, 'a real peer Naks with its own value: not a loop');
  magic.judge(0x22222222); // our request came back: we Nak with 0x33333333
  assert.equal(magic.onNak?.(0x33333333, 0x22222222), 0x44444444);
  assert.equal(magic.loops, 1, 'our own Nak came back');
  magic.onAck?.(0x44444444);
  assert.equal(magic.loops, 0);
});

test('nomagic: not requested and the peer’s magic is Rejected (pppd nomagic)', () => {
  const magic = magicNumberOption(false, sequence());
  assert.equal(magic.desired(), undefined);
  assert.deepEqual(magic.judge(0x12345678), { verdict: 'reject' });
});
