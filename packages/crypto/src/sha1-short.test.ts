import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SHA1_SHORT_MAX, sha1Short } from './sha1-short.js';
import { SeededBytes, ascii, toHex } from './testing/index.js';

test('sha1Short matches the FIPS 180 example', () => {
  assert.equal(toHex(sha1Short(ascii('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(toHex(sha1Short(new Uint8Array(0))), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
});

test('sha1Short equals node:crypto SHA-1 at every length it takes (one and two blocks, both paddings)', () => {
  const random = new SeededBytes(1119);
  for (let length = 0; length <= SHA1_SHORT_MAX; length++) {
    const data = random.bytes(length);
    const expected = createHash('sha1').update(data).digest();
    assert.deepEqual(Buffer.from(sha1Short(data)), expected, `length ${length}`);
  }
});

test('sha1Short writes into the caller’s array, which may overlap the input', () => {
  const data = new SeededBytes(7).bytes(112);
  const expected = createHash('sha1').update(data).digest();
  const out = new Uint8Array(24);
  assert.equal(sha1Short(data, out), out);
  assert.deepEqual(Buffer.from(out.subarray(0, 20)), expected);
  sha1Short(data, data);
  assert.deepEqual(Buffer.from(data.subarray(0, 20)), expected);
});

test('sha1Short refuses what does not fit two blocks', () => {
  assert.throws(() => sha1Short(new Uint8Array(SHA1_SHORT_MAX + 1)), RangeError);
});
