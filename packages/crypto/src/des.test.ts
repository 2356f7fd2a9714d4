import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  desEncrypt7,
  desEncryptBlock,
  desEncryptBlockNative,
  desEncryptBlockPure,
  expandDesKey,
} from './des.js';
import { nativeSupport } from './native.js';
import { SeededBytes, desKeyExample, hex, toHex } from './testing/index.js';

// Known-answer tests: the worked example of FIPS 46 tutorials (Grabbe), and entries of the NBS
// validation tables (SP 500-20) for the variable-plaintext, variable-key and S-box tests.
const vectors: readonly [key: string, plain: string, cipher: string, source: string][] = [
  ['133457799BBCDFF1', '0123456789ABCDEF', '85E813540F0AB405', 'worked FIPS 46 example'],
  ['0101010101010101', '8000000000000000', '95F8A5E5DD31D900', 'SP 500-20 variable plaintext, round 1'],
  ['0101010101010101', '0000000000000001', '166B40B44ABA4BD6', 'SP 500-20 variable plaintext, round 64'],
  ['8001010101010101', '0000000000000000', '95A8D72813DAA94D', 'SP 500-20 variable key, round 1'],
  ['7CA110454A1A6E57', '01A1D6D039776742', '690F5B0D9A26939B', 'SP 500-20 S-box test 1'],
  ['0131D9619DC1376E', '5CD54CA83DEF57DA', '7A389D10354BD271', 'SP 500-20 S-box test 2'],
  ['0E329232EA6D0D73', '8787878787878787', '0000000000000000', 'key/plaintext giving zero cipher'],
];

for (const [key, plain, cipher, source] of vectors) {
  test(`DES(${key}, ${plain}) = ${cipher} (${source})`, () => {
    assert.equal(toHex(desEncryptBlockPure(hex(key), hex(plain))), cipher.toLowerCase());
    assert.equal(toHex(desEncryptBlock(hex(key), hex(plain))), cipher.toLowerCase());
  });
}

test('DES ignores the parity bit of each key byte (FIPS 46-3)', () => {
  const plain = hex('0123456789ABCDEF');
  const key = hex('133457799BBCDFF1');
  const flipped = key.map((b) => b ^ 1);
  assert.deepEqual(desEncryptBlockPure(flipped, plain), desEncryptBlockPure(key, plain));
});

test('7→8-byte key expansion matches the RFC 2759 §9.3 / RFC 2433 App. B.3 examples', () => {
  const [raw1, raw2] = desKeyExample.rawKeys;
  const [parity1, parity2] = desKeyExample.parityKeys;
  assert.deepEqual(desKeyExample.passwordHash.subarray(0, 7), raw1);
  assert.deepEqual(desKeyExample.passwordHash.subarray(7, 14), raw2);
  assert.deepEqual(expandDesKey(raw1), parity1);
  assert.deepEqual(expandDesKey(raw2), parity2);
});

test('expanded keys always have odd parity and keep the 56 key bits in order', () => {
  const random = new SeededBytes(46);
  for (let n = 0; n < 200; n++) {
    const key7 = random.bytes(7);
    const key8 = expandDesKey(key7);
    let bits = '';
    for (const byte of key8) {
      assert.equal(byte.toString(2).replace(/0/g, '').length % 2, 1, `odd parity in ${toHex(key8)}`);
      bits += (byte >>> 1).toString(2).padStart(7, '0');
    }
    const expected = Array.from(key7, (b) => b.toString(2).padStart(8, '0')).join('');
    assert.equal(bits, expected);
  }
});

test('DES input lengths are checked: a wrong length is a caller bug, not silent truncation', () => {
  assert.throws(() => desEncryptBlockPure(new Uint8Array(7), new Uint8Array(8)), RangeError);
  assert.throws(() => desEncryptBlockPure(new Uint8Array(8), new Uint8Array(9)), RangeError);
  assert.throws(() => expandDesKey(new Uint8Array(8)), RangeError);
});

test('desEncrypt7 is DES under the parity-expanded 7-byte key (RFC 2759 §8.6)', () => {
  const key7 = desKeyExample.rawKeys[0];
  const clear = hex('10 2D B5 DF 08 5D 30 41');
  assert.deepEqual(desEncrypt7(clear, key7), desEncryptBlockPure(expandDesKey(key7), clear));
});

test(
  'pure DES and OpenSSL DES agree on seeded random keys and blocks',
  {
    skip: nativeSupport.des === undefined && 'OpenSSL offers neither des-ecb nor des-ede-ecb',
  },
  () => {
    const native = desEncryptBlockNative as (key: Uint8Array, block: Uint8Array) => Uint8Array;
    const random = new SeededBytes(81);
    for (let n = 0; n < 500; n++) {
      const key = random.bytes(8);
      const block = random.bytes(8);
      assert.deepEqual(
        desEncryptBlockPure(key, block),
        native(key, block),
        `key ${toHex(key)} block ${toHex(block)}`,
      );
    }
  },
);
