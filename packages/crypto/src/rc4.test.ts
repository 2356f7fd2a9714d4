import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nativeSupport } from './native.js';
import { NativeRc4, createRc4 } from './rc4-native.js';
import { Rc4, rc4 } from './rc4.js';
import { SeededBytes, ascii, hex, toHex } from './testing/index.js';

function keystream(key: Uint8Array, length: number): Uint8Array {
  return rc4(key, new Uint8Array(length));
}

test('RC4 keystream for key 0x0102030405 matches RFC 6229 at offsets 0, 16, 240, 256 and 4096', () => {
  const stream = keystream(hex('0102030405'), 4112);
  const expected: readonly [number, string][] = [
    [0, 'b2 39 63 05 f0 3d c0 27 cc c3 52 4a 0a 11 18 a8'],
    [16, '69 82 94 4f 18 fc 82 d5 89 c4 03 a4 7a 0d 09 19'],
    [240, '28 cb 11 32 c9 6c e2 86 42 1d ca ad b8 b6 9e ae'],
    [256, '1c fc f6 2b 03 ed db 64 1d 77 df cf 7f 8d 8c 93'],
    [4096, 'ff 25 b5 89 95 99 67 07 e5 1f bd f0 8b 34 d8 75'],
  ];
  for (const [offset, bytes] of expected) {
    assert.deepEqual(stream.subarray(offset, offset + 16), hex(bytes), `offset ${offset}`);
  }
});

test('RC4 keystream for the 128-bit key 0x0102…10 matches RFC 6229 at offsets 0 and 16', () => {
  const stream = keystream(hex('0102030405060708090a0b0c0d0e0f10'), 32);
  assert.deepEqual(stream, hex('9ac7cc9a609d1ef7b2932899cde41b97 5248c4959014126a6e8a84f11d1a9e1c'));
});

test('RC4 encrypts the classic "Key"/"Wiki"/"Secret" examples', () => {
  assert.equal(toHex(rc4(ascii('Key'), ascii('Plaintext'))), 'bbf316e8d940af0ad3');
  assert.equal(toHex(rc4(ascii('Wiki'), ascii('pedia'))), '1021bf0420');
  assert.equal(toHex(rc4(ascii('Secret'), ascii('Attack at dawn'))), '45a01f645fc35b383552544b9bf5');
});

test('the keystream continues across update calls, however the input is split (MPPE stateful mode)', () => {
  const random = new SeededBytes(3078);
  const key = random.bytes(16);
  const data = random.bytes(3000);
  const whole = rc4(key, data);
  const cipher = new Rc4(key);
  const pieces = new Uint8Array(data.length);
  for (let at = 0; at < data.length;) {
    const length = random.int(0, 300);
    cipher.update(data.subarray(at, at + length), pieces.subarray(at, at + length));
    at += length;
  }
  assert.deepEqual(pieces, whole);
});

test('setKey restarts the keystream from the new key', () => {
  const cipher = new Rc4(ascii('first'));
  cipher.update(new Uint8Array(1000));
  cipher.setKey(hex('0102030405'));
  assert.deepEqual(cipher.update(new Uint8Array(16)), hex('b2396305f03dc027ccc3524a0a1118a8'));
});

test('update encrypts in place when output is the input, and decrypting restores the plaintext', () => {
  const key = hex('0102030405');
  const buffer = ascii('a packet payload');
  const returned = new Rc4(key).update(buffer, buffer);
  assert.equal(returned, buffer);
  assert.deepEqual(buffer, rc4(key, ascii('a packet payload')));
  assert.deepEqual(new Rc4(key).update(buffer), ascii('a packet payload'));
});

test('RC4 refuses an empty or over-long key and a too-short output buffer', () => {
  assert.throws(() => new Rc4(new Uint8Array(0)), RangeError);
  assert.throws(() => new Rc4(new Uint8Array(257)), RangeError);
  assert.throws(() => new Rc4(ascii('k')).update(new Uint8Array(4), new Uint8Array(3)), RangeError);
});

test('createRc4 builds the pure RC4 by default', () => {
  assert.ok(createRc4(ascii('k')) instanceof Rc4);
  assert.ok(createRc4(ascii('k'), 'pure') instanceof Rc4);
});

test(
  'native RC4 is refused cleanly when OpenSSL lacks it',
  { skip: nativeSupport.rc4 && 'native RC4 loaded' },
  () => {
    assert.throws(() => new NativeRc4(ascii('k')), /openssl-legacy-provider/);
    assert.throws(() => createRc4(ascii('k'), 'native'), /openssl-legacy-provider/);
  },
);

test(
  'pure RC4 and OpenSSL RC4 agree on seeded random keys and split inputs (needs --openssl-legacy-provider)',
  {
    skip: !nativeSupport.rc4 && 'OpenSSL RC4 not loaded; native-parity.test covers it in a child process',
  },
  () => {
    const random = new SeededBytes(6229);
    for (let n = 0; n < 50; n++) {
      const key = random.bytes(random.int(1, 256));
      const pure = new Rc4(key);
      const native = createRc4(key, 'native');
      assert.ok(native instanceof NativeRc4);
      for (let chunk = 0; chunk < 5; chunk++) {
        const data = random.bytes(random.int(0, 2000));
        const output = new Uint8Array(data.length);
        assert.deepEqual(native.update(data, output), pure.update(data), `key ${toHex(key)} chunk ${chunk}`);
      }
      const rekey = random.bytes(16);
      assert.deepEqual(
        native.setKey(rekey).update(new Uint8Array(64)),
        pure.setKey(rekey).update(new Uint8Array(64)),
      );
    }
  },
);
