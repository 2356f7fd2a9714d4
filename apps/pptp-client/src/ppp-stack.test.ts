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

test('sessions with equal settings share the LCP factory and the authenticators; other settings do not', () => {
  const sink = { open: () => Promise.reject(new Error('no IP side in this test')) } satisfies PacketSink;
  const settings = () => ({
    auth: ['mschap-v2'] as const,
    mppe: defaultMppeConfig,
    usepeerdns: false,
    lcp: {},
  });
  const a = buildPppStack({ ...settings(), auth: ['mschap-v2'] }, sink);
  const b = buildPppStack({ ...settings(), auth: ['mschap-v2'] }, sink);
  assert.equal(a.linkControl, b.linkControl);
  assert.equal(a.authenticators, b.authenticators);
  assert.notEqual(a.mppeFactory, b.mppeFactory, 'MPPE stays per session');
  const c = buildPppStack({ ...settings(), auth: ['mschap-v2', 'pap'] }, sink);
  assert.notEqual(c.authenticators, a.authenticators);
  assert.deepEqual(
    c.authenticators.map((x) => x.name),
    ['mschap-v2', 'pap'],
  );
});
