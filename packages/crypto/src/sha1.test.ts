import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sha1, sha1 } from './sha1.js';
import { SeededBytes, ascii, toHex } from './testing/index.js';

test('SHA-1 matches the FIPS 180 examples', () => {
  assert.equal(toHex(sha1(ascii('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(toHex(sha1(new Uint8Array(0))), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.equal(
    toHex(sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))),
    '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
  );
});

test('SHAInit/SHAUpdate/SHAFinal in pieces equals one-shot SHA-1 of the concatenation', () => {
  const data = new SeededBytes(180).bytes(1000);
  const ctx = new Sha1();
  for (let at = 0; at < data.length; at += 37) ctx.update(data.subarray(at, at + 37));
  const digest = ctx.final();
  assert.deepEqual(digest, sha1(data));
  assert.deepEqual(sha1(data.subarray(0, 500), data.subarray(500)), digest);
  assert.equal(digest.constructor, Uint8Array, 'a plain Uint8Array, not a Buffer');
});
