import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CP_DEFAULTS, resolveCpSettings } from './settings.js';

test('equal overrides resolve to one shared, frozen settings object', () => {
  const a = resolveCpSettings({ restartIntervalMs: 2000, maxConfigure: 7 });
  const b = resolveCpSettings({ restartIntervalMs: 2000, maxConfigure: 7, maxFailure: undefined });
  assert.equal(a, b);
  assert.ok(Object.isFrozen(a));
  assert.deepEqual(a, { ...CP_DEFAULTS, restartIntervalMs: 2000, maxConfigure: 7 });
  assert.notEqual(resolveCpSettings({ restartIntervalMs: 2000, maxConfigure: 8 }), a);
});

test('impossible values still throw, every time', () => {
  for (let i = 0; i < 2; i++) {
    assert.throws(() => resolveCpSettings({ maxConfigure: 0 }), /maxConfigure must be an integer ≥ 1/);
  }
});
