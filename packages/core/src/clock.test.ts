import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SystemClock } from './clock.js';

test('a SystemClock timer fires once, or never once cancelled; cancel is a shared method, not a closure', async () => {
  const clock = new SystemClock();
  const fired: string[] = [];
  const kept = clock.setTimer(1, () => fired.push('kept'));
  const cancelled = clock.setTimer(1, () => fired.push('cancelled'));
  cancelled.cancel();
  cancelled.cancel(); // idempotent
  assert.equal(Object.hasOwn(kept, 'cancel'), false);
  await new Promise((resolve) => setTimeout(resolve, 20));
  kept.cancel(); // safe after it fired
  assert.deepEqual(fired, ['kept']);
});
