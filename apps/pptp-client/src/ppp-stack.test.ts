import { test } from 'node:test';
import type { PacketSink } from '@switchyard/core';
import assert from 'node:assert/strict';
import { defaultMppeConfig, nativeKeySchedules } from '@switchyard/plugin-mppe';
import { buildPppStack } from './ppp-stack.js';

test('the client encrypts with the native MPPE key schedules, as the appliance does', () => {
  const stack = buildPppStack({ auth: ['mschap-v2'], mppe: defaultMppeConfig, usepeerdns: false, lcp: {} }, {
    open: () => Promise.reject(new Error('no IP side in this test')),
  } satisfies PacketSink);
  assert.equal(stack.mppeFactory.createKeySchedule, nativeKeySchedules());
});
