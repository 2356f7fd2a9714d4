// Two call sequencers joined by a simulated link with seeded loss, reordering and duplication
// (STYLE.md §3.10, smoltcp's netsim): whatever the link does, PPP sees each frame at most once and
// in increasing order, and every frame sent is accounted for as delivered or lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@switchyard/core/testing';
import { seededRandom } from '@switchyard/wire/testing';
import { GreCallSequencer } from './call-sequencer.js';

interface Faults {
  readonly loss: number;
  readonly duplicate: number;
  readonly reorderMs: number;
}

function simulate(seed: number, faults: Faults, frames: number, firstSeq = 1) {
  const clock = new ManualClock();
  const random = seededRandom(seed);
  const received: number[] = [];
  const receiver = new GreCallSequencer({
    clock,
    peerCallId: 1,
    deliver: (payload) => received.push(new DataView(payload.buffer, payload.byteOffset).getUint32(0)),
    transmit: () => {},
  });
  const link = (packet: Uint8Array): void => {
    if (random() < faults.loss) return;
    const copies = random() < faults.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const copy = packet.slice();
      clock.setTimer(1 + random() * faults.reorderMs, () => receiver.receive(copy));
    }
  };
  const sender = new GreCallSequencer({
    clock,
    peerCallId: 2,
    deliver: () => {},
    transmit: () => {},
    config: { firstSequenceNumber: firstSeq },
  });
  for (let i = 0; i < frames; i++) {
    const frame = new Uint8Array(4);
    new DataView(frame.buffer).setUint32(0, i);
    link(sender.encapsulate(frame)!);
    clock.advance(1);
  }
  clock.advance(1000);
  return { received, counters: receiver.counters };
}

function assertInOrderOnce(received: readonly number[]): void {
  for (let i = 1; i < received.length; i++)
    assert.ok(received[i]! > received[i - 1]!, `frame ${received[i]} after ${received[i - 1]}`);
}

test('a clean link delivers everything in order with nothing lost', () => {
  const { received, counters } = simulate(1, { loss: 0, duplicate: 0, reorderMs: 0 }, 500);
  assert.equal(received.length, 500);
  assert.equal(counters.rxLost + counters.rxLate + counters.rxDuplicate, 0);
});

test('reordering within the 50 ms window is fully repaired (RFC 2637 §4.3 "may be reordered")', () => {
  const { received, counters } = simulate(2, { loss: 0, duplicate: 0, reorderMs: 20 }, 2000);
  assert.equal(received.length, 2000);
  assertInOrderOnce(received);
  assert.ok(counters.rxReordered > 100, `reordered ${counters.rxReordered}`);
});

test('loss, duplication and reordering together: delivered in order, once, and every frame accounted for', () => {
  for (const seed of [3, 4, 5, 6]) {
    const { received, counters } = simulate(seed, { loss: 0.05, duplicate: 0.05, reorderMs: 80 }, 3000);
    assertInOrderOnce(received);
    assert.equal(counters.rxDelivered, received.length);
    assert.ok(
      counters.rxDuplicate > 0 && counters.rxLost > 0 && counters.rxLate > 0,
      JSON.stringify(counters),
    );
    // Between the first and last frame delivered, every frame was either delivered or counted lost.
    const span = received.at(-1)! - received[0]! + 1;
    assert.equal(counters.rxDelivered + counters.rxLost, span, `seed ${seed}`);
  }
});

test('the same holds when sequence numbers wrap mid-stream (anchors §6 #5)', () => {
  const { received, counters } = simulate(
    7,
    { loss: 0.03, duplicate: 0.03, reorderMs: 30 },
    3000,
    0xfffffc00,
  );
  assertInOrderOnce(received);
  assert.ok(counters.rxDelivered > 2700);
  assert.equal(counters.rxDelivered + counters.rxLost, received.at(-1)! - received[0]! + 1);
});
