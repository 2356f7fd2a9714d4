import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rc4 } from '../rc4.js';
import { ascii, rfc2759Example as chap, rfc3079V2Example as ex } from '../testing/index.js';
import { initialSessionKey, type MppeStrength } from './key-change.js';
import { deriveMppeKeysV2, getAsymmetricStartKey, getMasterKey } from './keys-v2.js';

const strengths: readonly MppeStrength[] = [40, 56, 128];
const TEST_MESSAGE = ascii('test message');

test('GetMasterKey = FD EC E3 71 … (RFC 3079 §3.5 step 3)', () => {
  assert.deepEqual(getMasterKey(chap.passwordHashHash, chap.ntResponse), ex.masterKey);
});

test('GetAsymmetricStartKey: server send (Magic3) = 8B 7C DC 14 …, 8-byte key is its prefix (RFC 3079 §3.5)', () => {
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 16, true, true), ex.sendStartKey);
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 8, true, true), ex.sendStartKey.subarray(0, 8));
});

test('GetAsymmetricStartKey: server receive (Magic2) = D5 F0 E9 52 … (test-vectors.md §5.1)', () => {
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 16, false, true), ex.receiveStartKey);
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 8, false, true), ex.receiveStartKey.subarray(0, 8));
});

test("the client's keys mirror the server's: client send = server receive (RFC 3079 §3.4 Magic2/Magic3)", () => {
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 16, true, false), ex.receiveStartKey);
  assert.deepEqual(getAsymmetricStartKey(ex.masterKey, 16, false, false), ex.sendStartKey);
});

test('deriveMppeKeysV2 gives the server and the client mirrored 16-byte start keys', () => {
  const input = { ntResponse: chap.ntResponse, passwordHashHash: chap.passwordHashHash };
  const server = deriveMppeKeysV2({ ...input, role: 'server' });
  const client = deriveMppeKeysV2({ ...input, role: 'client' });
  assert.deepEqual(server, { sendKey: ex.sendStartKey, receiveKey: ex.receiveStartKey });
  assert.deepEqual(client, { sendKey: ex.receiveStartKey, receiveKey: ex.sendStartKey });
  const short = deriveMppeKeysV2({ ...input, role: 'server', keyLengthBytes: 8 });
  assert.deepEqual(short.sendKey, ex.sendStartKey.subarray(0, 8));
});

for (const strength of strengths) {
  test(`${strength}-bit initial send session key and rc4(key, "test message") match RFC 3079 §3.5`, () => {
    const key = initialSessionKey(ex.sendStartKey, strength);
    assert.deepEqual(key, ex.sendSessionKey[strength]);
    // 56-bit: erratum 2, the RFC's last byte 58 recomputes as B8.
    assert.deepEqual(rc4(key, TEST_MESSAGE), ex.sendTestMessage[strength]);
  });

  test(`${strength}-bit initial receive session key and its "test message" match test-vectors.md §5.1`, () => {
    const key = initialSessionKey(ex.receiveStartKey, strength);
    assert.deepEqual(key, ex.receiveSessionKey[strength]);
    assert.deepEqual(rc4(key, TEST_MESSAGE), ex.receiveTestMessage[strength]);
  });
}

test('deriveMppeKeysV2 refuses inputs of the wrong length', () => {
  assert.throws(
    () =>
      deriveMppeKeysV2({
        ntResponse: new Uint8Array(16),
        passwordHashHash: chap.passwordHashHash,
        role: 'server',
      }),
    RangeError,
  );
  assert.throws(() => getAsymmetricStartKey(new Uint8Array(8), 8, true, true), RangeError);
});
