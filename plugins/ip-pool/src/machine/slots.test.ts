import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairSlots } from './slots.js';

test('one localip is shared by every slot (pptpd: "Setting all N local IPs")', () => {
  const plan = pairSlots(['10.0.0.200', '10.0.0.201'], ['10.0.0.254']);
  assert.deepEqual(plan.slots, [
    { local: '10.0.0.254', remote: '10.0.0.200' },
    { local: '10.0.0.254', remote: '10.0.0.201' },
  ]);
  assert.deepEqual([plan.unusedLocal, plan.unusedRemote], [[], []]);
});

test('local and remote lists pair by position; the shorter list sets the slot count', () => {
  const plan = pairSlots(['192.168.1.1', '192.168.1.2', '192.168.1.3'], ['192.168.0.1', '192.168.0.2']);
  assert.deepEqual(plan.slots, [
    { local: '192.168.0.1', remote: '192.168.1.1' },
    { local: '192.168.0.2', remote: '192.168.1.2' },
  ]);
  assert.deepEqual(plan.unusedRemote, ['192.168.1.3']);
  assert.deepEqual(pairSlots(['192.168.1.1'], ['192.168.0.1', '192.168.0.2']).unusedLocal, ['192.168.0.2']);
});
