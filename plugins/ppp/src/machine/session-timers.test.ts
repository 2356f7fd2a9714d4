// pppd's `idle` and `maxconnect` on a ManualClock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason, type CloseReason } from '@switchyard/core';
import { ManualClock } from '@switchyard/core/testing';
import { SessionTimers } from './session-timers.js';

function timers(idleMs: number, maxConnectMs: number) {
  const clock = new ManualClock();
  let lastDataAt = 0;
  const expired: [CloseReason, string][] = [];
  const t = new SessionTimers(
    clock,
    { idleMs, maxConnectMs },
    () => lastDataAt,
    (r, m) => expired.push([r, m]),
  );
  return { clock, t, expired, data: () => (lastDataAt = clock.now()) };
}

test('idle: data restarts the wait; a full idle period ends the session (pppd check_idle)', () => {
  const { clock, t, expired, data } = timers(60_000, 0);
  t.start();
  clock.advance(50_000);
  data();
  clock.advance(50_000);
  assert.deepEqual(expired, []);
  clock.advance(10_000);
  assert.deepEqual(expired, [
    [closeReason('idle-timeout', 'no data for 60 s'), 'Terminating connection due to lack of activity.'],
  ]);
});

test('maxconnect: the session ends that long after the first NCP came up, traffic or not (pppd)', () => {
  const { clock, t, expired, data } = timers(0, 3_600_000);
  t.start();
  for (let i = 0; i < 59; i++) {
    clock.advance(60_000);
    data();
  }
  assert.deepEqual(expired, []);
  clock.advance(60_000);
  assert.deepEqual(expired, [
    [closeReason('session-timeout', 'Connect time expired'), 'Connect time expired'],
  ]);
});

test('stop() cancels both; 0 means never', () => {
  const { clock, t, expired } = timers(1000, 2000);
  t.start();
  t.stop();
  clock.advance(10_000);
  assert.deepEqual(expired, []);
  const never = timers(0, 0);
  never.t.start();
  assert.equal(never.clock.pendingCount, 0);
});
