import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pacer } from './pacer.js';
import { percentile, perSecond, summarize } from './stats.js';

test('a paced session sends its first packet at once and then one per 1/rate seconds', () => {
  const pacer = new Pacer(100, 1000, 10);
  const send = (now: number) => {
    const due = pacer.due(now);
    pacer.record(due);
    return due;
  };
  assert.equal(send(1000), 1);
  assert.equal(send(1005), 0);
  assert.equal(pacer.waitMs(1005), 5);
  assert.equal(send(1010), 1);
  assert.equal(send(1035), 2);
  let total = 4;
  for (let t = 1036; t <= 2000; t++) total += send(t);
  assert.equal(total, 101, '100 pps over one second, plus the one at t = 0');
});

test('nothing is due before the start, so sessions can be staggered', () => {
  const pacer = new Pacer(10, 50, 10);
  assert.equal(pacer.due(0), 0);
  assert.equal(pacer.waitMs(0), 50);
  assert.equal(pacer.due(50), 1);
});

test('after a stall at most one burst is released and the schedule restarts', () => {
  const pacer = new Pacer(1000, 0, 5);
  pacer.record(pacer.due(0));
  assert.equal(pacer.due(100), 5, '100 packets owed, 5 released');
  pacer.record(5);
  assert.equal(pacer.due(100), 0);
  assert.equal(pacer.due(101), 1);
});

test('at max every turn releases a full burst; bad settings are refused', () => {
  const pacer = new Pacer('max', 0, 8);
  assert.equal(pacer.due(0), 8);
  assert.equal(pacer.waitMs(0), 0);
  assert.throws(() => new Pacer(0, 0, 1), RangeError);
  assert.throws(() => new Pacer(10, 0, 0), RangeError);
});

test('summaries use nearest-rank percentiles; rates are per second', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual(summarize(values), {
    count: 100,
    min: 1,
    mean: 50.5,
    p50: 50,
    p90: 90,
    p99: 99,
    max: 100,
  });
  assert.equal(percentile([5], 99), 5);
  assert.deepEqual(summarize([]), { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  assert.equal(perSecond(50, 250), 200);
  assert.equal(perSecond(1, 0), 0);
});
