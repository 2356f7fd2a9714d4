import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePppFrame, PppProtocol } from '@switchyard/ppp';
import { mppeFrameExample } from '@switchyard/crypto/testing';
import { capturedMppeFrames } from '../testing/captured-mppe.js';
import {
  MppeFlag,
  coherencyDistance,
  formatMppeHeader,
  isMppeCovered,
  mppeCoherencyCount,
  mppeFlags,
  writeMppeHeader,
} from './mppe-header.js';

test('Linux sends 0x00FD PFC-compressed, A|D set, coherency counts 0, 1, 2… from both ends (capture)', () => {
  for (const from of ['client', 'server'] as const) {
    const frames = capturedMppeFrames.filter((f) => f.from === from);
    assert.equal(frames.length, 8);
    const counts = frames.map(({ bytes }) => {
      assert.equal(bytes[0], 0xfd, 'one-octet protocol field (PFC)');
      const frame = decodePppFrame(bytes);
      assert.ok(frame.ok);
      assert.equal(frame.value.protocol, PppProtocol.COMPRESSED);
      assert.equal(frame.value.protocolFieldLength, 1);
      assert.equal(mppeFlags(frame.value.payload), MppeFlag.FLUSHED | MppeFlag.ENCRYPTED);
      return mppeCoherencyCount(frame.value.payload);
    });
    assert.deepEqual(counts, [0, 1, 2, 3, 4, 5, 6, 7], from);
  }
  const first = decodePppFrame(capturedMppeFrames[0]!.bytes);
  assert.ok(first.ok);
  assert.equal(formatMppeHeader(first.value.payload), 'AD cc=0x000');
});

test('header bytes of the test-vectors.md §5.3 frames: 0x90 stateless, 0x10 stateful', () => {
  const payload = (frame: Uint8Array) => frame.subarray(2);
  assert.deepEqual(
    mppeFrameExample.statelessServerToClient.map((f) => [
      mppeFlags(payload(f)),
      mppeCoherencyCount(payload(f)),
    ]),
    [
      [0x90, 0],
      [0x90, 1],
      [0x90, 2],
    ],
  );
  assert.equal(mppeFlags(payload(mppeFrameExample.statefulServerToClient[0]!)), MppeFlag.ENCRYPTED);
});

test('writeMppeHeader puts flags in the top nibble and the 12-bit count below (RFC 3078 §3.1)', () => {
  const out = new Uint8Array(4);
  writeMppeHeader(out, MppeFlag.FLUSHED | MppeFlag.ENCRYPTED, 0xabc, 1);
  assert.deepEqual([...out], [0, 0x9a, 0xbc, 0]);
  assert.equal(mppeCoherencyCount(out.subarray(1)), 0xabc);
  writeMppeHeader(out, MppeFlag.ENCRYPTED, 0x1fff);
  assert.equal(mppeCoherencyCount(out), 0xfff, 'the count is taken mod 4096');
});

test('coherency distance is (to − from) mod 4096', () => {
  assert.equal(coherencyDistance(0xfff, 0), 1);
  assert.equal(coherencyDistance(5, 2), 4093);
  assert.equal(coherencyDistance(2, 5), 3);
  assert.equal(coherencyDistance(7, 7), 0);
});

test('only protocols 0x0021–0x00FA are encrypted; LCP, CCP, IPCP go in clear (RFC 3078 §3)', () => {
  assert.deepEqual([0x0021, 0x0057, 0x002d, 0x00fa].map(isMppeCovered), [true, true, true, true]);
  assert.deepEqual([0x0020, 0x00fb, 0x00fd, 0x8021, 0x80fd, 0xc021, 0xc223].map(isMppeCovered), [
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('accessors never throw on short input', () => {
  assert.equal(mppeCoherencyCount(new Uint8Array(0)), 0);
  assert.equal(mppeFlags(new Uint8Array(0)), 0);
});
