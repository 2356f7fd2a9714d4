import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md4, md4Native, md4Pure } from './md4.js';
import { nativeSupport } from './native.js';
import { SeededBytes, ascii, hex, toHex } from './testing/index.js';

// RFC 1320 §A.5 test suite.
const suite: readonly [string, string][] = [
  ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
  ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
  ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
  ['message digest', 'd9130a8164549fe818874806e1c7014b'],
  ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
  [
    '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
    'e33b4ddc9c38f2199c3e7b164fcc0536',
  ],
];

for (const [message, digest] of suite) {
  test(`MD4("${message.slice(0, 20)}${message.length > 20 ? '…' : ''}") matches RFC 1320 §A.5`, () => {
    assert.equal(toHex(md4Pure(ascii(message))), digest);
    assert.equal(toHex(md4(ascii(message))), digest);
  });
}

test('MD4 of the UTF-16LE "clientPass" is the RFC 2759 §9.2 PasswordHash', () => {
  const utf16 = hex('63 00 6C 00 69 00 65 00 6E 00 74 00 50 00 61 00 73 00 73 00');
  assert.equal(toHex(md4Pure(utf16)), '44ebba8d5312b8d611474411f56989ae');
});

test('MD4 pads correctly at every length around the 56- and 64-byte block boundaries', () => {
  // Lengths 55/56 switch from one to two padding blocks; an off-by-one there would show here.
  const digests = new Set<string>();
  const data = new SeededBytes(1320).bytes(200);
  for (let length = 0; length <= 200; length++) digests.add(toHex(md4Pure(data.subarray(0, length))));
  assert.equal(digests.size, 201, 'every prefix hashes differently');
});

test(
  'pure MD4 and OpenSSL MD4 agree on seeded random inputs (needs --openssl-legacy-provider)',
  {
    skip: !nativeSupport.md4 && 'OpenSSL MD4 not loaded; native-parity.test covers it in a child process',
  },
  () => {
    const native = md4Native as (data: Uint8Array) => Uint8Array;
    const random = new SeededBytes(4);
    for (let length = 0; length < 300; length++) {
      const data = random.bytes(length);
      assert.deepEqual(md4Pure(data), native(data), `length ${length}`);
    }
    const large = random.bytes(100_003);
    assert.deepEqual(md4Pure(large), native(large));
    assert.deepEqual(md4(large), md4Pure(large), 'the dispatching md4 takes the native path here');
  },
);
