// Seeded fuzzing of the auth codecs (STYLE §3.5): random and mutated bytes never make a decoder or a
// formatter throw; CHAP re-encodes to the bytes up to its Length, PAP to the same packet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPTURED_CHAP } from './captured-chap.js';
import { decodeChapPacket, encodeChapPacket } from './chap-packet.js';
import { formatChapBytes, formatPapBytes } from './format.js';
import { parseMschapFailure } from './mschap-message.js';
import { decodeMschapV1Response, decodeMschapV2Response } from './mschap-value.js';
import { decodePapPacket, encodePapPacket } from './pap-packet.js';
// mulberry32, seeded, so a failure replays (STYLE §3.10).
import { seededRandom as random } from '@switchyard/wire/testing';

const lengthOf = (bytes: Uint8Array): number => ((bytes[2] as number) << 8) | (bytes[3] as number);

function check(bytes: Uint8Array): void {
  const chap = decodeChapPacket(bytes);
  if (chap.ok) {
    assert.deepEqual(encodeChapPacket(chap.value), bytes.subarray(0, lengthOf(bytes)));
    if (chap.value.kind === 'response') {
      decodeMschapV1Response(chap.value.value);
      decodeMschapV2Response(chap.value.value);
    }
    if (chap.value.kind === 'failure') parseMschapFailure(Buffer.from(chap.value.message).toString('latin1'));
  }
  const pap = decodePapPacket(bytes);
  // PAP re-encodes to the same packet, not always the same bytes: octets after the counted fields
  // are ignored (pppd does too), and an Ack/Nak without Msg-Length gains one.
  if (pap.ok) {
    const again = decodePapPacket(encodePapPacket(pap.value));
    assert.ok(again.ok);
    assert.deepEqual(again.value, pap.value);
  }
  formatChapBytes(bytes);
  formatPapBytes(bytes);
}

test('random bytes never make the auth decoders throw, and what decodes re-encodes (seed 1994)', () => {
  const next = random(1994);
  for (let i = 0; i < 20000; i++) {
    const bytes = new Uint8Array(Math.floor(next() * 64));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
    // Bias towards plausible headers: a known code and a Length that often fits.
    if (bytes.length >= 4 && next() < 0.8) {
      bytes[0] = 1 + Math.floor(next() * 5);
      bytes[2] = 0;
      bytes[3] = Math.floor(next() * (bytes.length + 2));
    }
    check(bytes);
  }
});

test('mutated captured CHAP packets never make the decoders throw (seed 2759)', () => {
  const next = random(2759);
  const packets = CAPTURED_CHAP.flatMap((e) => [e.challenge, e.response, e.status]);
  for (let i = 0; i < 5000; i++) {
    const bytes = (packets[i % packets.length] as Uint8Array).slice();
    for (let flips = 1 + Math.floor(next() * 3); flips > 0; flips--) {
      bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    }
    check(bytes.subarray(0, Math.floor(next() * (bytes.length + 1))));
  }
});
