import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf16le } from '../bytes.js';
import { ascii, hex, rfc2759Example as ex, toHex } from '../testing/index.js';
import { challengeResponse } from './challenge-response.js';
import {
  authenticatorResponseFromHashHash,
  challengeHash,
  checkAuthenticatorResponse,
  generateAuthenticatorResponse,
  generateNtResponse,
  verifyMschapV2Response,
} from './mschap-v2.js';
import { hashNtPasswordHash, ntPasswordHash } from './password-hash.js';

const exchange = {
  authenticatorChallenge: ex.authenticatorChallenge,
  peerChallenge: ex.peerChallenge,
  userName: ex.userName,
};

test('the password is hashed as UTF-16LE without terminator (RFC 2759 §9.2 Password)', () => {
  assert.deepEqual(utf16le(ex.password), ex.passwordUtf16);
});

test('NtPasswordHash("clientPass") = 44 EB BA 8D … (RFC 2759 §9.2)', () => {
  assert.deepEqual(ntPasswordHash(ex.password), ex.passwordHash);
});

test('HashNtPasswordHash = 41 C0 0C 58 … (RFC 2759 §9.2 PasswordHashHash)', () => {
  assert.deepEqual(hashNtPasswordHash(ex.passwordHash), ex.passwordHashHash);
});

test('ChallengeHash = D0 2E 43 86 BC E9 12 26 (RFC 2759 §9.2)', () => {
  assert.deepEqual(challengeHash(ex.peerChallenge, ex.authenticatorChallenge, ex.userName), ex.challenge);
  assert.deepEqual(
    challengeHash(ex.peerChallenge, ex.authenticatorChallenge, hex('55 73 65 72')),
    ex.challenge,
  );
});

test('ChallengeHash skips a "DOMAIN\\" prefix of the user name (RFC 2759 §8.2, as pppd does)', () => {
  assert.deepEqual(challengeHash(ex.peerChallenge, ex.authenticatorChallenge, 'CORP\\User'), ex.challenge);
  assert.deepEqual(
    challengeHash(ex.peerChallenge, ex.authenticatorChallenge, ascii('a\\b\\User')),
    ex.challenge,
  );
  assert.notDeepEqual(challengeHash(ex.peerChallenge, ex.authenticatorChallenge, 'CORP/User'), ex.challenge);
});

test('ChallengeResponse(Challenge, PasswordHash) = the RFC 2759 §9.2 NT-Response', () => {
  assert.deepEqual(challengeResponse(ex.challenge, ex.passwordHash), ex.ntResponse);
});

test('GenerateNTResponse = 82 30 9E CD … from the password or from its NT hash (RFC 2759 §9.2)', () => {
  assert.deepEqual(generateNtResponse({ ...exchange, secret: ex.password }), ex.ntResponse);
  assert.deepEqual(
    generateNtResponse({ ...exchange, secret: { ntPasswordHash: ex.passwordHash } }),
    ex.ntResponse,
  );
});

test('GenerateAuthenticatorResponse = "S=407A5589…CDA56" (RFC 2759 §9.2)', () => {
  const response = generateAuthenticatorResponse({
    ...exchange,
    secret: ex.password,
    ntResponse: ex.ntResponse,
  });
  assert.equal(response.text, ex.authenticatorResponse);
  assert.equal(response.text.length, 42);
  assert.equal(toHex(response.bytes).toUpperCase(), ex.authenticatorResponse.slice(2));
  const fromHashHash = authenticatorResponseFromHashHash({
    ...exchange,
    passwordHashHash: ex.passwordHashHash,
    ntResponse: ex.ntResponse,
  });
  assert.deepEqual(fromHashHash, response);
});

test('CheckAuthenticatorResponse accepts the right "S=" value, with or without " M=…", any hex case', () => {
  const input = { ...exchange, secret: ex.password, ntResponse: ex.ntResponse };
  assert.equal(checkAuthenticatorResponse({ ...input, received: ex.authenticatorResponse }), true);
  assert.equal(
    checkAuthenticatorResponse({ ...input, received: `${ex.authenticatorResponse} M=Welcome` }),
    true,
  );
  assert.equal(
    checkAuthenticatorResponse({
      ...input,
      received: ex.authenticatorResponse.toLowerCase().replace('s=', 'S='),
    }),
    true,
  );
});

test('CheckAuthenticatorResponse rejects a wrong, truncated or malformed response, or a wrong password', () => {
  const input = { ...exchange, secret: ex.password, ntResponse: ex.ntResponse };
  const wrongDigit = ex.authenticatorResponse.slice(0, 41) + '7';
  assert.equal(checkAuthenticatorResponse({ ...input, received: wrongDigit }), false);
  assert.equal(
    checkAuthenticatorResponse({ ...input, received: ex.authenticatorResponse.slice(0, 40) }),
    false,
  );
  assert.equal(checkAuthenticatorResponse({ ...input, received: 'E=691 R=1 C=00 V=3' }), false);
  assert.equal(checkAuthenticatorResponse({ ...input, received: ex.authenticatorResponse.slice(2) }), false);
  assert.equal(
    checkAuthenticatorResponse({ ...input, secret: 'clientpass', received: ex.authenticatorResponse }),
    false,
  );
});

test('verifyMschapV2Response accepts the RFC NT-Response and returns the S= response and PasswordHashHash', () => {
  const verdict = verifyMschapV2Response({ ...exchange, secret: ex.password, ntResponse: ex.ntResponse });
  assert.ok(verdict.ok);
  assert.equal(verdict.authenticatorResponse.text, ex.authenticatorResponse);
  assert.deepEqual(verdict.passwordHashHash, ex.passwordHashHash);
});

test('verifyMschapV2Response rejects a wrong password, a flipped bit, or another user name', () => {
  const input = { ...exchange, secret: ex.password, ntResponse: ex.ntResponse };
  assert.deepEqual(verifyMschapV2Response({ ...input, secret: 'clientPasS' }), { ok: false });
  const flipped = ex.ntResponse.slice();
  flipped[23] = (flipped[23] as number) ^ 1;
  assert.deepEqual(verifyMschapV2Response({ ...input, ntResponse: flipped }), { ok: false });
  assert.deepEqual(verifyMschapV2Response({ ...input, userName: 'user' }), { ok: false });
});

test('MS-CHAPv2 functions refuse challenges and responses of the wrong length', () => {
  assert.throws(
    () => challengeHash(ex.peerChallenge.subarray(0, 15), ex.authenticatorChallenge, 'User'),
    RangeError,
  );
  assert.throws(
    () => generateNtResponse({ ...exchange, authenticatorChallenge: new Uint8Array(8), secret: 'x' }),
    RangeError,
  );
  assert.throws(
    () => verifyMschapV2Response({ ...exchange, secret: 'x', ntResponse: new Uint8Array(49) }),
    RangeError,
  );
  assert.throws(
    () => generateNtResponse({ ...exchange, secret: { ntPasswordHash: new Uint8Array(15) } }),
    RangeError,
  );
});
