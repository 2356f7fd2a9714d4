import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@switchyard/core/testing';
import { newGreCounters } from './counters.js';
import { GreReceiver } from './receiver.js';

function receiver(capacity = 8, timeoutMs = 50) {
  const clock = new ManualClock();
  const counters = newGreCounters();
  const delivered: number[] = [];
  const rx = new GreReceiver({
    clock,
    counters,
    capacity,
    timeoutMs,
    sink: { deliver: (_p, seq) => delivered.push(seq) },
  });
  const feed = (...seqs: number[]) => seqs.map((s) => rx.receive(s >>> 0, new Uint8Array([s & 0xff])));
  return { clock, counters, delivered, rx, feed };
}

test('in-order packets are delivered at once, starting from whatever the first number is (anchors §6 #5)', () => {
  for (const first of [0, 1, 1000]) {
    const { delivered, feed } = receiver();
    assert.deepEqual(feed(first, first + 1, first + 2), ['delivered', 'delivered', 'delivered']);
    assert.deepEqual(delivered, [first, first + 1, first + 2]);
  }
});

test('a duplicate of a delivered packet is dropped and counted (RFC 2637 §4.3)', () => {
  const { delivered, counters, feed } = receiver();
  assert.deepEqual(feed(1, 2, 2, 1), ['delivered', 'delivered', 'duplicate', 'duplicate']);
  assert.deepEqual(delivered, [1, 2]);
  assert.equal(counters.rxDuplicate, 2);
});

test('a duplicate of a buffered packet is dropped too', () => {
  const { counters, feed } = receiver();
  assert.deepEqual(feed(1, 3, 3), ['delivered', 'buffered', 'duplicate']);
  assert.equal(counters.rxDuplicate, 1);
});

test('reordered packets are put back in order, never delivered late to PPP (RFC 2637 §4.3, anchors §6 #6)', () => {
  const { delivered, counters, feed, rx } = receiver();
  assert.deepEqual(feed(1, 3, 4, 2), ['delivered', 'buffered', 'buffered', 'delivered']);
  assert.deepEqual(delivered, [1, 2, 3, 4]);
  assert.equal(counters.rxReordered, 2);
  assert.equal(rx.bufferedCount, 0);
});

test('a gap not filled within the timeout is counted lost and skipped; the straggler is then late', () => {
  const { clock, delivered, counters, feed } = receiver(8, 50);
  feed(1, 3, 4);
  clock.advance(49);
  assert.deepEqual(delivered, [1]);
  clock.advance(1);
  assert.deepEqual(delivered, [1, 3, 4]);
  assert.equal(counters.rxLost, 1);
  assert.deepEqual(feed(2), ['late']);
  assert.equal(counters.rxLate, 1);
});

test('each gap gets its own timeout, measured from the arrival of the packet behind it', () => {
  const { clock, delivered, counters, feed } = receiver(8, 50);
  feed(1, 3);
  clock.advance(30);
  feed(5);
  clock.advance(20);
  assert.deepEqual(delivered, [1, 3], '3 waited 50 ms; 5 has waited 20');
  clock.advance(29);
  assert.deepEqual(delivered, [1, 3]);
  clock.advance(1);
  assert.deepEqual(delivered, [1, 3, 5]);
  assert.equal(counters.rxLost, 2);
});

test('a packet too far ahead for the buffer flushes the oldest gaps instead of waiting (RFC 2637 §4.2.4)', () => {
  const { clock, delivered, counters, feed } = receiver(4, 50);
  feed(1, 3, 4);
  assert.deepEqual(feed(8), ['buffered']);
  assert.deepEqual(delivered, [1, 3, 4], 'seq 8 needs 5..8 in the window: 2 is given up, 3 and 4 delivered');
  assert.equal(counters.rxLost, 1);
  assert.deepEqual(feed(100), ['buffered'], '97..99 still get their chance');
  assert.deepEqual(delivered, [1, 3, 4, 8]);
  clock.advance(50);
  assert.deepEqual(delivered, [1, 3, 4, 8, 100]);
  assert.equal(counters.rxLost, 1 + 3 + 88 + 3);
});

test('capacity 0 behaves like Linux pptp.ko: out-of-order packets are dropped, never reordered', () => {
  const { delivered, counters, feed } = receiver(0);
  assert.deepEqual(feed(1, 3, 2, 4), ['delivered', 'delivered', 'late', 'delivered']);
  assert.deepEqual(delivered, [1, 3, 4]);
  assert.equal(counters.rxLost, 1);
});

test('sequence numbers wrap from 0xffffffff to 0 without a hiccup (wrap-safe comparison)', () => {
  const { delivered, counters, feed } = receiver();
  feed(0xfffffffe, 0xffffffff, 0, 1);
  assert.deepEqual(delivered, [0xfffffffe, 0xffffffff, 0, 1]);
  assert.equal(counters.rxLost + counters.rxLate + counters.rxDuplicate, 0);
});

test('reordering and duplication across the wrap are still handled', () => {
  const { delivered, counters, feed, rx } = receiver();
  feed(0xfffffffd, 0xffffffff, 1, 0xfffffffe, 0, 0xffffffff);
  assert.deepEqual(delivered, [0xfffffffd, 0xfffffffe, 0xffffffff, 0, 1]);
  assert.equal(counters.rxDuplicate, 1);
  assert.equal(rx.highest, 1);
});

test('highest tracks the highest number received, even while it waits in the buffer (the ack, RFC 2637 §4.3)', () => {
  const { feed, rx } = receiver();
  assert.equal(rx.highest, undefined);
  feed(1, 5, 3);
  assert.equal(rx.highest, 5);
});

test('packets older than the duplicate history are late, not delivered', () => {
  const { feed } = receiver();
  feed(100);
  assert.deepEqual(feed(10), ['late']);
});

test('a capacity that is not a power of two is rounded up, so slots stay distinct across the wrap', () => {
  const { delivered, feed } = receiver(5);
  feed(0xfffffffc, 0xfffffffe, 0xffffffff, 0, 1, 2, 0xfffffffd);
  assert.deepEqual(delivered, [0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff, 0, 1, 2]);
});

test('close() drops buffered packets and the timer', () => {
  const { clock, delivered, feed, rx } = receiver();
  feed(1, 3);
  rx.close();
  clock.advance(1000);
  assert.deepEqual(delivered, [1]);
});

test('the reorder buffer is allocated by the first packet that must wait, and still reorders', () => {
  const { rx, delivered, feed } = receiver();
  feed(1, 2, 3);
  assert.equal(rx.holdsReorderBuffer, false, 'in-order traffic needs no slots');
  assert.deepEqual(feed(5, 4), ['buffered', 'delivered']);
  assert.equal(rx.holdsReorderBuffer, true);
  assert.deepEqual(delivered, [1, 2, 3, 4, 5]);
  rx.close();
  assert.equal(rx.holdsReorderBuffer, false, 'close() frees it');
});
