import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf16le } from '../bytes.js';
import { desEncrypt7 } from '../des.js';
import { ascii, hex, rfc2433Example as ex, rfc3079V1Example, toHex } from '../testing/index.js';
import { lmChallengeResponse, ntChallengeResponse, verifyMschapV1Response } from './mschap-v1.js';
import { lmPasswordHash, ntPasswordHash } from './password-hash.js';

test('NtPasswordHash("MyPw") = FC 15 6A F7 … (RFC 2433 App. B.2)', () => {
  assert.deepEqual(utf16le(ex.password), ex.passwordUtf16);
  assert.deepEqual(ntPasswordHash(ex.password), ex.passwordHash);
});

test('NtChallengeResponse("MyPw") = 4E 9D 3C 8F … (RFC 2433 App. B.2)', () => {
  assert.deepEqual(ntChallengeResponse(ex.challenge, ex.password), ex.ntChallengeResponse);
  assert.deepEqual(
    ntChallengeResponse(ex.challenge, { ntPasswordHash: ex.passwordHash }),
    ex.ntChallengeResponse,
  );
});

test('LmPasswordHash("clientPass") = 76 A1 52 93 … (RFC 3079 §2.5.1 step 1)', () => {
  assert.deepEqual(lmPasswordHash(rfc3079V1Example.password), rfc3079V1Example.lmPasswordHash);
});

test('LmPasswordHash matches the well-known LM hashes of "" and "password"', () => {
  // The empty password's LM hash is DES("KGS!@#$%") under the all-zero key, twice.
  assert.equal(toHex(lmPasswordHash('')), 'aad3b435b51404eeaad3b435b51404ee');
  assert.equal(toHex(lmPasswordHash('password')), 'e52cac67419a9a224a3b108f3fa6cb6d');
});

test('LmPasswordHash uppercases, and cuts the password at 14 characters (RFC 2433 App. A.2)', () => {
  assert.deepEqual(lmPasswordHash('CLIENTPASS'), lmPasswordHash('clientPass'));
  assert.deepEqual(lmPasswordHash('abcdefghijklmnXYZ'), lmPasswordHash('ABCDEFGHIJKLMN'));
  assert.notDeepEqual(lmPasswordHash('abcdefghijklm'), lmPasswordHash('abcdefghijklmn'));
});

test('LmChallengeResponse is ChallengeResponse over the LM hash: DES of the challenge under its 7-byte slices', () => {
  const response = lmChallengeResponse(ex.challenge, 'clientPass');
  const z = new Uint8Array(21);
  z.set(rfc3079V1Example.lmPasswordHash);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(
      response.subarray(8 * i, 8 * i + 8),
      desEncrypt7(ex.challenge, z.subarray(7 * i, 7 * i + 7)),
    );
  }
  assert.equal(response.length, 24);
});

test('verifyMschapV1Response accepts the RFC 2433 response and rejects others', () => {
  assert.equal(verifyMschapV1Response(ex.challenge, ex.ntChallengeResponse, ex.password), true);
  assert.equal(verifyMschapV1Response(ex.challenge, ex.ntChallengeResponse, 'mypw'), false);
  assert.equal(
    verifyMschapV1Response(hex('10 2D B5 DF 08 5D 30 40'), ex.ntChallengeResponse, ex.password),
    false,
  );
  assert.throws(() => verifyMschapV1Response(ex.challenge, ascii('short'), ex.password), RangeError);
});
