import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallIdAllocator } from './call-id-allocator.js';

test('Call IDs start at 1 and rotate: a freed ID is not reused until the range wraps (anchors §6 #9)', () => {
  const ids = new CallIdAllocator();
  assert.equal(ids.allocate(), 1);
  assert.equal(ids.allocate(), 2);
  ids.release(1);
  assert.equal(ids.allocate(), 3);
});

test('0 is never allocated, also after wrapping past 65535 (Linux pptp.ko reserves it)', () => {
  const ids = new CallIdAllocator({ first: 65534 });
  assert.deepEqual([ids.allocate(), ids.allocate(), ids.allocate()], [65534, 65535, 1]);
});

test('the rotation continues past freed IDs; at capacity allocate returns undefined', () => {
  const ids = new CallIdAllocator({ first: 65535, capacity: 3 });
  assert.equal(ids.allocate(), 65535);
  assert.equal(ids.allocate(), 1);
  ids.release(65535);
  assert.equal(ids.allocate(), 2);
  assert.equal(ids.allocate(), 3);
  assert.equal(ids.allocate(), undefined, 'capacity reached');
  assert.equal(ids.inUse, 3);
});

test('all 65535 IDs can be in use at once, each exactly once', () => {
  const ids = new CallIdAllocator({ first: 40_000 });
  const seen = new Set<number>();
  for (let i = 0; i < 65535; i++) seen.add(ids.allocate()!);
  assert.equal(seen.size, 65535);
  assert.equal(seen.has(0), false);
  assert.equal(ids.allocate(), undefined);
  assert.equal(ids.release(12345), true);
  assert.equal(ids.release(12345), false, 'releasing twice is harmless');
  assert.equal(ids.allocate(), 12345);
});

test('an invalid first ID is a configuration error', () => {
  assert.throws(() => new CallIdAllocator({ first: 0 }));
  assert.throws(() => new CallIdAllocator({ first: 65536 }));
});
