import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from './manual-clock.js';
import { createMemoryLinkPair } from './memory-link.js';
import { LogCapture } from './log-capture.js';
import { SessionRegistry } from '../sessions/session-registry.js';
import { closeReason } from '../sessions/close-reason.js';

test('ManualClock fires due timers in order, including timers armed by callbacks, and never early', () => {
  const clock = new ManualClock();
  const fired: string[] = [];
  clock.setTimer(3000, () => {
    fired.push(`restart@${clock.now()}`);
    clock.setTimer(3000, () => fired.push(`restart2@${clock.now()}`));
  });
  const cancelled = clock.setTimer(1000, () => fired.push('cancelled'));
  clock.setTimer(3000, () => fired.push(`same-time@${clock.now()}`));
  cancelled.cancel();
  clock.advance(2999);
  assert.deepEqual(fired, []);
  clock.advance(1);
  assert.deepEqual(fired, ['restart@3000', 'same-time@3000']);
  clock.advance(3000);
  assert.deepEqual(fired, ['restart@3000', 'same-time@3000', 'restart2@6000']);
  assert.equal(clock.pendingCount, 0);
});

test('memory links deliver asynchronously, apply the fault filter, and drop after close', async () => {
  const sessions = new SessionRegistry(new ManualClock(), new LogCapture().logger());
  let n = 0;
  const [a, b] = createMemoryLinkPair(sessions.create('mem', 'a'), sessions.create('mem', 'b'), {
    filter: (frame) => (n++ % 2 === 1 ? [] : [frame]), // lose every second frame
  });
  const got: number[] = [];
  let ended = 0;
  b.deliverTo({ frame: (f) => got.push(f[0]!), end: () => ended++ });
  for (let i = 0; i < 4; i++) a.send(new Uint8Array([i]));
  assert.deepEqual(got, [], 'nothing is delivered inside send()');
  await Promise.resolve();
  assert.deepEqual(got, [0, 2]);
  a.close(closeReason('admin'));
  assert.equal(b.closedWith?.code, 'admin', 'closing one end closes the other');
  assert.equal(ended, 1, 'the receiver hears the end once');
  let lateEnd = 0;
  b.deliverTo({ frame: () => assert.fail('no frame after close'), end: () => lateEnd++ });
  assert.equal(lateEnd, 1, 'a receiver attached after the close hears the end at once');
  b.send(new Uint8Array([9]));
  assert.equal(b.dropped, 1);
});
