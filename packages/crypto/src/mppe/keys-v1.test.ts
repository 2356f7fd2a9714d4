import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashNtPasswordHash, lmPasswordHash, ntPasswordHash } from '../mschap/password-hash.js';
import { rfc3079V1Example as ex } from '../testing/index.js';
import { getNewKeyFromSha, initialSessionKey } from './key-change.js';
import { MppeKeySchedule } from './key-schedule.js';
import { deriveMppeKeysV1, getStartKey, lmStartKey } from './keys-v1.js';

test('40-bit MS-CHAPv1 keys from the LM hash: GetKey then D1 26 9E (RFC 3079 §2.5.1)', () => {
  const start = lmStartKey(lmPasswordHash(ex.password));
  assert.deepEqual(getNewKeyFromSha(start, start, 8), ex.lmGetKey);
  assert.deepEqual(initialSessionKey(start, 40), ex.lmSessionKey40);
  assert.deepEqual(new MppeKeySchedule(start, 40).sessionKey, ex.lmSessionKey40);
});

test('56-bit MS-CHAPv1 keys from the LM hash: GetKey then D1 (RFC 3079 §2.5.2)', () => {
  const start = lmStartKey(ex.lmPasswordHash);
  assert.deepEqual(getNewKeyFromSha(start, start, 8), ex.lmGetKey);
  assert.deepEqual(initialSessionKey(start, 56), ex.lmSessionKey56);
});

test('128-bit MS-CHAPv1: Get_Start_Key = A8 94 78 50 CF C0 AC C1 … (RFC 3079 §2.5.3, erratum 1 applied)', () => {
  const passwordHash = ntPasswordHash(ex.password);
  assert.deepEqual(passwordHash, ex.passwordHash);
  assert.deepEqual(hashNtPasswordHash(passwordHash), ex.passwordHashHash);
  const start = getStartKey(ex.challenge, ex.passwordHashHash);
  // The RFC's step 3 prints "ac ca d1"; step 4, a plain copy, prints "ac c1 d1", which recomputes.
  assert.deepEqual(start, ex.initialSessionKey);
  assert.equal(start[7], 0xc1);
});

test('128-bit MS-CHAPv1: GetKey(InitialSessionKey, CurrentSessionKey, 16) = 59 D1 59 BC … (RFC 3079 §2.5.3)', () => {
  assert.deepEqual(getNewKeyFromSha(ex.initialSessionKey, ex.initialSessionKey, 16), ex.currentSessionKey);
  assert.deepEqual(new MppeKeySchedule(ex.initialSessionKey, 128).sessionKey, ex.currentSessionKey);
});

test('deriveMppeKeysV1 uses the same start key in both directions, as pppd does (RFC 3079 §2)', () => {
  const keys = deriveMppeKeysV1({ challenge: ex.challenge, passwordHashHash: ex.passwordHashHash });
  assert.deepEqual(keys.sendKey, ex.initialSessionKey);
  assert.deepEqual(keys.receiveKey, ex.initialSessionKey);
  assert.notEqual(keys.sendKey, keys.receiveKey, 'separate copies, so one direction cannot alter the other');
});
