import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hex, toHex } from '@switchyard/wire';
import * as captures from '../testing/captures.js';
import { randomBytes, seededRandom } from '@switchyard/wire/testing';
import {
  checkGrePacket,
  decodeGrePacket,
  encodeGreAck,
  encodeGreInto,
  encodeGrePacket,
  greAck,
  greCallId,
  greHasAck,
  greHasSeq,
  grePayload,
  grePayloadLength,
  grePayloadOffset,
  greSeq,
  writeGreHeader,
  type GrePacket,
} from './gre-packet.js';
import { formatGrePacket } from './format.js';

function decoded(bytes: Uint8Array): GrePacket {
  const d = decodeGrePacket(bytes);
  assert.ok(d.ok, d.ok ? '' : d.error.message);
  return d.value;
}
const fields = (p: GrePacket) => [p.callId, p.sequenceNumber, p.acknowledgmentNumber, p.payload.length];

test('captured GRE packets decode to the call id, seq and ack tshark shows (session summary frames 13–43)', () => {
  assert.deepEqual(fields(decoded(captures.linuxLcpConfReq)), [0, 1, undefined, 24]);
  assert.deepEqual(fields(decoded(captures.pptpdLcpConfReq)), [56429, 0, undefined, 29]);
  assert.deepEqual(fields(decoded(captures.pptpdLcpConfAck)), [56429, 1, 2, 24]);
  assert.deepEqual(fields(decoded(captures.linuxLcpEchoRequest)), [0, 3, 1, 10]);
  assert.deepEqual(fields(decoded(captures.pptpdChapSuccess)), [56429, 4, 4, 65]);
  assert.deepEqual(fields(decoded(captures.linuxMppeData)), [0, 12, undefined, 53]);
  assert.deepEqual(fields(decoded(captures.linuxAckOnly)), [0, undefined, 4, 0]);
  assert.deepEqual(fields(decoded(captures.pptpdAckOnly)), [56429, undefined, 14, 0]);
  assert.deepEqual([...decoded(captures.pptpdLcpConfAck).payload.subarray(0, 4)], [0xff, 0x03, 0xc0, 0x21]);
});

test('re-encoding every captured packet reproduces it byte for byte (RFC 2637 §4.1)', () => {
  for (const [name, bytes] of Object.entries(captures)) {
    const p = decoded(bytes);
    const again = encodeGrePacket(
      { callId: p.callId, sequenceNumber: p.sequenceNumber, acknowledgmentNumber: p.acknowledgmentNumber },
      p.payload,
    );
    assert.equal(toHex(again), toHex(bytes), name);
  }
});

test('hot-path accessors agree with the decoder on every captured packet', () => {
  for (const [name, bytes] of Object.entries(captures)) {
    const p = decoded(bytes);
    assert.equal(greCallId(bytes), p.callId, name);
    assert.equal(greSeq(bytes), p.sequenceNumber ?? -1, name);
    assert.equal(greAck(bytes), p.acknowledgmentNumber ?? -1, name);
    assert.equal(grePayloadLength(bytes), p.payload.length, name);
    assert.equal(greHasSeq(bytes), p.sequenceNumber !== undefined);
    assert.equal(greHasAck(bytes), p.acknowledgmentNumber !== undefined);
    assert.deepEqual(grePayload(bytes), p.payload);
  }
});

test('an ack-only packet carries the ack where the sequence number would be: 20 81, 12 bytes (anchors §6 #4)', () => {
  assert.equal(toHex(encodeGreAck(0, 4)), toHex(captures.linuxAckOnly));
  assert.equal(toHex(encodeGreAck(56429, 14)), toHex(captures.pptpdAckOnly));
  assert.equal(grePayloadOffset(captures.linuxAckOnly), 12);
});

test('flag bytes are 30 01 for data, 30 81 for data+ack (A is the top bit of byte 1, anchors §6 #3)', () => {
  assert.equal(toHex(encodeGrePacket({ callId: 1, sequenceNumber: 1 }, hex('c021')).subarray(0, 2)), '3001');
  assert.equal(
    toHex(
      encodeGrePacket({ callId: 1, sequenceNumber: 1, acknowledgmentNumber: 0 }, hex('c021')).subarray(0, 2),
    ),
    '3081',
  );
});

test('writeGreHeader and encodeGreInto write into a caller buffer at an offset without allocating', () => {
  const buffer = new Uint8Array(64).fill(0xee);
  const header = writeGreHeader(buffer, 10, 0xdc6d, 24, 0xfffffffe, 7);
  assert.equal(header, 16);
  assert.equal(toHex(buffer.subarray(10, 26)), '3081880b0018dc6dfffffffe00000007');
  assert.equal(buffer[9], 0xee);
  const n = encodeGreInto(buffer, 0, { callId: 5, sequenceNumber: 9 }, hex('c0 21 09'));
  assert.equal(n, 15);
  assert.equal(toHex(buffer.subarray(0, 15)), '3001880b00030005' + '00000009' + 'c02109');
});

test('a payload without a sequence number cannot be encoded (RFC 2637 §4.1 S bit)', () => {
  assert.throws(() => encodeGrePacket({ callId: 1, acknowledgmentNumber: 1 }, hex('00')));
});

const GOOD = captures.pptpdLcpConfAck;
function mutate(at: number, value: number): Uint8Array {
  const bytes = GOOD.slice();
  bytes[at] = value;
  return bytes;
}

test('every violation of RFC 2637 §4.1 is malformed with its reason (pptpgre.c decaps_gre, anchors §6 #3)', () => {
  const cases: [Uint8Array, string][] = [
    [mutate(0, 0xb0), 'checksum-present'],
    [mutate(0, 0x70), 'routing-present'],
    [mutate(0, 0x10), 'key-absent'],
    [mutate(0, 0x38), 'strict-source-route'],
    [mutate(0, 0x31), 'recursion-control'],
    [mutate(1, 0x89), 'reserved-flags'],
    [mutate(1, 0x80), 'bad-version'],
    [mutate(1, 0x82), 'bad-version'],
    [mutate(3, 0x0c), 'bad-protocol'],
    [mutate(5, 0x19), 'payload-truncated'],
    [hex('20 01 88 0b 00 00 00 01'), 'no-sequence-no-ack'],
    [hex('20 81 88 0b 00 04 00 01 00 00 00 01 c0 21 09 00'), 'payload-without-sequence'],
    [GOOD.subarray(0, 7), 'truncated'],
    [GOOD.subarray(0, 14), 'truncated'],
  ];
  for (const [bytes, reason] of cases) {
    assert.equal(checkGrePacket(bytes), reason, toHex(bytes.subarray(0, 8)));
    const d = decodeGrePacket(bytes);
    assert.ok(!d.ok);
    assert.equal(d.error.reason, reason);
  }
});

test('every truncation of every captured packet is malformed, never a throw (anchors §6 #2)', () => {
  for (const [name, bytes] of Object.entries(captures)) {
    for (let n = 0; n < bytes.length; n++)
      assert.notEqual(checkGrePacket(bytes.subarray(0, n)), undefined, `${name}/${n}`);
  }
});

test('bytes after the payload (link padding) are tolerated and not part of the payload', () => {
  const padded = new Uint8Array(GOOD.length + 6);
  padded.set(GOOD);
  assert.equal(checkGrePacket(padded), undefined);
  assert.deepEqual(decoded(padded).payload, decoded(GOOD).payload);
});

test('random bytes never make check, decode or the accessors throw (seeded fuzz, 50 000 inputs)', () => {
  const random = seededRandom(47);
  const valid = Object.values(captures);
  let accepted = 0;
  for (let i = 0; i < 50_000; i++) {
    let bytes: Uint8Array;
    if (i % 2 === 0) {
      bytes = randomBytes(random, Math.floor(random() * 40));
      bytes[0] = (bytes[0] ?? 0) & 0x3f; // keep C/R clear half the time so checks go deeper
    } else {
      bytes = valid[i % valid.length]!.slice();
      bytes[Math.floor(random() * Math.min(16, bytes.length))] = Math.floor(random() * 256);
    }
    const d = decodeGrePacket(bytes);
    if (!d.ok) continue;
    accepted++;
    assert.ok(grePayloadOffset(bytes) + d.value.payload.length <= bytes.length);
    formatGrePacket(bytes);
  }
  assert.ok(accepted > 0);
});

test('traces read like the pptpd debug log', () => {
  assert.equal(formatGrePacket(captures.pptpdLcpConfAck), '[GRE call=56429 seq=1 ack=2 len=24]');
  assert.equal(formatGrePacket(captures.linuxAckOnly), '[GRE call=0 ack=4]');
  assert.equal(formatGrePacket(hex('00')), '[GRE malformed truncated (1 bytes)]');
});
