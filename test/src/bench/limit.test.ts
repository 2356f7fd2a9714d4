import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitOf, type LimitInputs } from './limit.js';

const cpus = { appliance: '1', load: '0' };
const step = (overrides: Partial<LimitInputs>): LimitInputs => ({
  targetPps: 1000,
  offeredPps: 1000,
  lossPercent: 10,
  applianceCpuPercent: 50,
  clientCpuPercent: 50,
  cpuBusyPercent: { cpu0: 50, cpu1: 50 },
  ...overrides,
});

test('the saturated side is named; both when both were', () => {
  assert.deepEqual(limitOf(step({ applianceCpuPercent: 100, cpuBusyPercent: { cpu1: 100 } }), cpus, 2), [
    'appliance CPU',
  ]);
  assert.deepEqual(limitOf(step({ cpuBusyPercent: { cpu0: 99, cpu1: 60 } }), cpus, 2), ['load side CPU']);
  assert.deepEqual(
    limitOf(step({ applianceCpuPercent: 95, cpuBusyPercent: { cpu0: 100, cpu1: 100 } }), cpus, 2),
    ['appliance CPU', 'load side CPU'],
  );
});

test('a busy appliance core with an idle-ish appliance means other processes took it', () => {
  assert.deepEqual(
    limitOf(step({ applianceCpuPercent: 60, cpuBusyPercent: { cpu0: 40, cpu1: 100 } }), cpus, 2),
    ['appliance CPU shared with other processes'],
  );
});

test('no loss past the threshold: the limit was not reached; loss with no saturated CPU: unclear', () => {
  assert.deepEqual(limitOf(step({ lossPercent: 1.5 }), cpus, 2), ['not reached']);
  assert.deepEqual(limitOf(step({}), cpus, 2), ['unclear']);
});

test('a sender that could not keep its pace ended the ramp, even without loss', () => {
  assert.deepEqual(
    limitOf(step({ lossPercent: 0, offeredPps: 750, cpuBusyPercent: { cpu0: 100, cpu1: 80 } }), cpus, 2),
    ['load side CPU'],
  );
  assert.deepEqual(limitOf(step({ lossPercent: 0, offeredPps: 950 }), cpus, 2), ['not reached']);
});
