import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3079V2Example } from '@switchyard/crypto/testing';
import { MPPE_OFF, sessionPolicy, type MppeSettings } from './policy.js';

const settings: MppeSettings = {
  ccp: true,
  required: true,
  strengths: [128, 40],
  allowStateful: false,
  requestStateful: false,
  statefulResync: 'linux',
};
const v2 = { kind: 'mschapv2', masterKey: rfc3079V2Example.masterKey } as const;
const v1 = { kind: 'mschapv1', masterKey: new Uint8Array(16), challenge: new Uint8Array(8) } as const;

test('MPPE off needs no keys', () => {
  assert.deepEqual(sessionPolicy({ ...settings, required: false, strengths: [] }, undefined, false), {
    ok: true,
    policy: MPPE_OFF,
  });
});

test('MS-CHAPv2 keys: the configured strengths as they are', () => {
  assert.deepEqual(sessionPolicy(settings, v2, true), {
    ok: true,
    policy: { required: true, strengths: [128, 40], allowStateful: false },
  });
});

test('no keys: pppd’s two messages (no MS-CHAP at all; MS-CHAP but a back end without keys)', () => {
  assert.deepEqual(sessionPolicy(settings, undefined, false), {
    ok: false,
    reason: 'MPPE required, but MS-CHAP[v2] auth not performed.',
  });
  assert.deepEqual(sessionPolicy(settings, undefined, true), {
    ok: false,
    reason: 'MPPE required, but keys are not available',
  });
});

test('MS-CHAPv1 drops 40-bit with pppd’s notice, and fails when nothing is left', () => {
  assert.deepEqual(sessionPolicy(settings, v1, true), {
    ok: true,
    policy: { required: true, strengths: [128], allowStateful: false },
    notice: 'Disabling 40-bit MPPE; MS-CHAP LM not supported',
  });
  assert.deepEqual(sessionPolicy({ ...settings, strengths: [40] }, v1, true), {
    ok: false,
    reason: 'MPPE required, but both 40-bit and 128-bit disabled.',
  });
});
