import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hex } from '@switchyard/wire';
import * as captures from '../testing/captures.js';
import { concatBytes, randomBytes, seededRandom } from '@switchyard/wire/testing';
import { PptpFramer } from './framer.js';
import { decodePptpMessage } from './message-codec.js';
import type { PptpMessage } from './messages.js';

// The probe client's side of pptpd-reference-ctrl-probe-stop: frames 6, 10, 12, 15, 18.
const CLIENT_STREAM = [
  captures.probeSccrq,
  captures.probeOcrq,
  captures.probeSli,
  captures.probeEcrq,
  captures.probeStopCcrq,
];
const STREAM = concatBytes(...CLIENT_STREAM);
const EXPECTED = CLIENT_STREAM.map((bytes) => {
  const decoded = decodePptpMessage(bytes);
  assert.ok(decoded.ok);
  return decoded.value;
});

function messagesOf(results: ReturnType<PptpFramer['push']>): PptpMessage[] {
  return results.map((r) => {
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    return r.value;
  });
}

test('a capture split into two reads at every byte offset yields the same messages (RFC 2637 §1.4)', () => {
  for (let cut = 0; cut <= STREAM.length; cut++) {
    const framer = new PptpFramer();
    const got = [
      ...messagesOf(framer.push(STREAM.subarray(0, cut))),
      ...messagesOf(framer.push(STREAM.subarray(cut))),
    ];
    assert.deepEqual(got, EXPECTED, `cut at ${cut}`);
    assert.equal(framer.buffered, 0);
  }
});

test('a capture fed one byte at a time yields each message exactly when its last byte arrives', () => {
  const framer = new PptpFramer();
  const got: PptpMessage[] = [];
  let end = 0;
  const ends = CLIENT_STREAM.map((m) => (end += m.length));
  for (let i = 0; i < STREAM.length; i++) {
    const out = messagesOf(framer.push(STREAM.subarray(i, i + 1)));
    if (ends.includes(i + 1)) assert.equal(out.length, 1, `message completes at byte ${i + 1}`);
    else assert.equal(out.length, 0);
    got.push(...out);
  }
  assert.deepEqual(got, EXPECTED);
});

test('several messages coalesced into one read all come out, in order', () => {
  const framer = new PptpFramer();
  assert.deepEqual(messagesOf(framer.push(STREAM)), EXPECTED);
});

test('the framer does not keep a reference to the caller buffer (reads may reuse it)', () => {
  const framer = new PptpFramer();
  const buffer = STREAM.slice(0, 100);
  framer.push(buffer);
  buffer.fill(0);
  assert.deepEqual(messagesOf(framer.push(STREAM.subarray(100))), EXPECTED);
});

test('a bad Magic Cookie mid-stream reports one failure at its stream offset, then ignores input (RFC 2637 §1.4)', () => {
  const broken = concatBytes(
    captures.probeSccrq,
    hex('0010 0001 deadbeef 0005 0000 00000001'),
    captures.probeEcrq,
  );
  const framer = new PptpFramer();
  const out = framer.push(broken);
  assert.equal(out.length, 2);
  assert.ok(out[0]!.ok);
  const failure = out[1]!;
  assert.ok(!failure.ok);
  assert.equal(failure.error.reason, 'bad-magic-cookie');
  assert.equal(failure.error.offset, 156 + 4);
  assert.equal(framer.failed, true);
  assert.deepEqual(framer.push(captures.probeEcrq), []);
});

test('a bogus Length is rejected as soon as its two bytes arrive, without waiting for the body', () => {
  const framer = new PptpFramer();
  const out = framer.push(hex('ff'));
  assert.deepEqual(out, []);
  const failed = framer.push(hex('ff'));
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.ok, false);
});

test('an undefined Control Message Type is loss of sync, even with a plausible length', () => {
  const framer = new PptpFramer();
  const out = framer.push(hex('0010 0001 1a2b3c4d 0063 0000 00000000'));
  const failure = out[0]!;
  assert.equal(out.length, 1);
  assert.ok(!failure.ok);
  assert.equal(failure.error.reason, 'unknown-control-message-type');
});

test('random reads never make the framer throw, and a failure is always the last result (seeded fuzz)', () => {
  const random = seededRandom(1723);
  for (let round = 0; round < 500; round++) {
    const framer = new PptpFramer();
    const stream = round % 2 === 0 ? STREAM.slice() : randomBytes(random, 600);
    if (round % 2 === 0) {
      const at = Math.floor(random() * stream.length);
      stream[at] = stream[at]! ^ (1 << Math.floor(random() * 8));
    }
    let at = 0;
    while (at < stream.length) {
      const n = 1 + Math.floor(random() * 64);
      const out = framer.push(stream.subarray(at, at + n));
      out.forEach((r, i) => {
        if (!r.ok) assert.equal(i, out.length - 1);
      });
      at += n;
    }
  }
});
