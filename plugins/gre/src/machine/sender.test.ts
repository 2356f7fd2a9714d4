import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@switchyard/core/testing';
import { newGreCounters } from './counters.js';
import { GreSender, type SendWindowMode } from './sender.js';

function sender(mode: SendWindowMode, peerWindow: number, firstSeq = 1) {
  const clock = new ManualClock();
  const counters = newGreCounters();
  return {
    clock,
    counters,
    tx: new GreSender({ clock, counters, mode, peerWindow, ackTimeoutMs: 1000, firstSeq }),
  };
}

test('payload packets are numbered from 1, as Linux does (anchors §6 #5)', () => {
  const { tx } = sender('ignore', 64);
  assert.deepEqual([tx.allocate(), tx.allocate(), tx.allocate()], [1, 2, 3]);
});

test('numbers wrap from 0xffffffff to 0', () => {
  const { tx } = sender('ignore', 0, 0xffffffff);
  assert.deepEqual([tx.allocate(), tx.allocate()], [0xffffffff, 0]);
});

test('ignore mode sends past the peer window, as pptpd and Linux do (anchors §6 #8)', () => {
  const { tx, counters } = sender('ignore', 3);
  for (let i = 0; i < 10; i++) assert.ok(tx.allocate() > 0);
  assert.equal(counters.txWindowFull, 0);
  assert.equal(tx.outstanding, 10);
});

test('enforce mode starts at half the peer window and drops (counted) when it is full (RFC 2637 §4.2.1)', () => {
  const { tx, counters } = sender('enforce', 8);
  assert.equal(tx.windowSize, 4);
  for (let i = 0; i < 4; i++) assert.ok(tx.allocate() > 0);
  assert.equal(tx.allocate(), -1);
  assert.equal(counters.txWindowFull, 1);
  tx.onAck(2);
  assert.equal(tx.allocate(), 5);
});

test('enforce mode opens the window by one per window acknowledged, up to the peer maximum (RFC 2637 §4.2.3)', () => {
  const { tx } = sender('enforce', 6);
  assert.equal(tx.windowSize, 3);
  const sizes: number[] = [];
  for (let round = 0; round < 6; round++) {
    let last = 0;
    for (let seq = tx.allocate(); seq > 0; seq = tx.allocate()) last = seq;
    tx.onAck(last);
    sizes.push(tx.windowSize);
  }
  assert.deepEqual(sizes, [4, 5, 6, 6, 6, 6]);
});

test('an ack time-out halves the window and stops waiting: no retransmission (RFC 2637 §4.2.2)', () => {
  const { tx, clock, counters } = sender('enforce', 8);
  for (let i = 0; i < 4; i++) tx.allocate();
  clock.advance(999);
  assert.equal(tx.allocate(), -1);
  clock.advance(1);
  assert.equal(tx.allocate(), 5, 'after the time-out the send goes through');
  assert.equal(tx.windowSize, 2);
  assert.equal(counters.txAckTimeouts, 1);
});

test('acks that go backwards or beyond what was sent are ignored', () => {
  const { tx } = sender('enforce', 4);
  tx.allocate();
  tx.allocate();
  tx.onAck(100);
  assert.equal(tx.outstanding, 2);
  tx.onAck(2);
  tx.onAck(1);
  assert.equal(tx.outstanding, 0);
});

test('a peer that announced window 0 is not limited', () => {
  const { tx } = sender('enforce', 0);
  for (let i = 0; i < 100; i++) assert.ok(tx.allocate() > 0);
});
