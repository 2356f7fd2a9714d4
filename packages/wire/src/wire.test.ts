import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteReader, ByteWriter, decodeAsciiz, encodeAscii, hex, hexExcerpt, toHex } from './index.js';

test('ByteWriter writes big-endian fields that ByteReader reads back', () => {
  const w = new ByteWriter(2);
  w.u8(0xfe).u16(0x1234).u32(0x1a2b3c4d).bytes(hex('aabb')).fixed(encodeAscii('linux'), 8).zeros(2);
  w.patchU16(1, 0xbeef);
  const bytes = w.finish();
  assert.equal(toHex(bytes), 'febeef1a2b3c4daabb6c696e7578000000' + '0000');
  const r = new ByteReader(bytes);
  assert.equal(r.u8(), 0xfe);
  assert.equal(r.u16(), 0xbeef);
  assert.equal(r.u32(), 0x1a2b3c4d);
  assert.deepEqual(r.bytesView(2), hex('aa bb'));
  assert.equal(decodeAsciiz(r.bytesView(8)), 'linux');
  r.skip(2);
  assert.equal(r.remaining, 0);
});

test('ByteReader refuses to read past the end instead of returning garbage', () => {
  const r = new ByteReader(hex('01 02 03'));
  assert.equal(r.has(3), true);
  assert.equal(r.has(4), false);
  assert.throws(() => r.u32(), RangeError);
  assert.equal(r.offset, 0, 'a failed read does not move the cursor');
});

test('ByteReader honours a subarray view offset', () => {
  const backing = hex('ff ff 00 2a');
  const r = new ByteReader(backing.subarray(2));
  assert.equal(r.u16(), 42);
});

test('hex rejects odd or non-hex text; hexExcerpt truncates long input', () => {
  assert.throws(() => hex('abc'));
  assert.throws(() => hex('zz'));
  assert.deepEqual(hex('0a:0B\n0c'), new Uint8Array([10, 11, 12]));
  assert.equal(hexExcerpt(new Uint8Array(40), 2), '00 00 … (40 bytes)');
});
