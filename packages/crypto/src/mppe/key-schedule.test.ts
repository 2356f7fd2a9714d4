import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rc4 } from '../rc4.js';
import {
  INVALID_RANGES_OF_10,
  SeededBytes,
  mppeFrameExample as frames,
  rfc3079V2Example as ex,
} from '../testing/index.js';
import { changeSessionKey, getNewKeyFromSha, initialSessionKey, reduceKeyStrength } from './key-change.js';
import { MppeKeySchedule } from './key-schedule.js';

/** An MPPE frame as test-vectors.md §5.3 shows it: protocol 00 FD, header bits | coherency count, data. */
function mppeFrame(headerBits: number, coherencyCount: number, encrypted: Uint8Array): Uint8Array {
  const frame = new Uint8Array(4 + encrypted.length);
  frame.set([0x00, 0xfd, headerBits | (coherencyCount >>> 8), coherencyCount & 0xff]);
  frame.set(encrypted, 4);
  return frame;
}

const FLUSHED_ENCRYPTED = 0x90; // A | D (RFC 3078 §3.1)
const ENCRYPTED = 0x10; // D

test('a new schedule starts at the initial session key (no RC4 step, RFC 3079 §3.5)', () => {
  assert.deepEqual(new MppeKeySchedule(ex.sendStartKey, 128).sessionKey, ex.sendSessionKey[128]);
  assert.deepEqual(new MppeKeySchedule(ex.sendStartKey, 56).sessionKey, ex.sendSessionKey[56]);
  assert.deepEqual(new MppeKeySchedule(ex.sendStartKey, 40).sessionKey, ex.sendSessionKey[40]);
  assert.deepEqual(new MppeKeySchedule(ex.receiveStartKey, 128).sessionKey, ex.receiveSessionKey[128]);
});

test('adding the RC4 step to the initial key gives the wrong B5 BD 42 47 … (test-vectors.md erratum 3)', () => {
  const interim = getNewKeyFromSha(ex.sendStartKey, ex.sendStartKey, 16);
  assert.deepEqual(rc4(interim, interim).subarray(0, 4), ex.wrongInitialKeyPrefix);
  assert.notDeepEqual(initialSessionKey(ex.sendStartKey, 128).subarray(0, 4), ex.wrongInitialKeyPrefix);
});

test('128-bit send key changes 1-3 match test-vectors.md §5.2 (RFC 3078 §7.3)', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  for (const expected of ex.sendRekeys128) {
    schedule.rekey();
    assert.deepEqual(schedule.sessionKey, expected);
  }
});

test('changeSessionKey (stateless) follows the same chain as the schedule', () => {
  let key = initialSessionKey(ex.sendStartKey, 128);
  for (const expected of ex.sendRekeys128) {
    key = changeSessionKey(ex.sendStartKey, key, 128);
    assert.deepEqual(key, expected);
  }
});

test('rekey(n) equals n single key changes (RFC 3078 §8.1 catch-up after lost packets)', () => {
  for (const strength of [40, 56, 128] as const) {
    const stepwise = new MppeKeySchedule(ex.receiveStartKey, strength);
    for (let n = 0; n < 7; n++) stepwise.rekey();
    const jumped = new MppeKeySchedule(ex.receiveStartKey, strength);
    jumped.rekey(7);
    assert.deepEqual(jumped.sessionKey, stepwise.sessionKey);
    assert.deepEqual(jumped.update(new Uint8Array(8)), stepwise.update(new Uint8Array(8)));
  }
  const unchanged = new MppeKeySchedule(ex.sendStartKey, 128);
  unchanged.rekey(0);
  assert.deepEqual(unchanged.sessionKey, ex.sendSessionKey[128]);
  assert.throws(() => unchanged.rekey(-1), RangeError);
});

test('40-bit and 56-bit keys keep their D1 26 9E / D1 prefix after every key change (RFC 3078 §7.3)', () => {
  const random = new SeededBytes(3078);
  const forty = new MppeKeySchedule(random.bytes(16), 40);
  const fiftySix = new MppeKeySchedule(random.bytes(16), 56);
  for (let n = 0; n < 20; n++) {
    forty.rekey();
    fiftySix.rekey();
    assert.deepEqual(forty.sessionKey.subarray(0, 3), Uint8Array.of(0xd1, 0x26, 0x9e));
    assert.equal(fiftySix.sessionKey[0], 0xd1);
    assert.equal(forty.sessionKey.length, 8);
  }
});

test('reduceKeyStrength leaves 128-bit keys alone', () => {
  const key = ex.sendSessionKey[128].slice();
  assert.deepEqual(reduceKeyStrength(key, 128), ex.sendSessionKey[128]);
});

test('stateless server→client frames for cc 0, 1, 2 match test-vectors.md §5.3 (first packet already rekeyed)', () => {
  const sender = new MppeKeySchedule(ex.sendStartKey, 128);
  frames.statelessServerToClient.forEach((expected, cc) => {
    sender.rekey(); // RFC 3078 §7.1: before every packet, including the first (erratum 4)
    assert.deepEqual(mppeFrame(FLUSHED_ENCRYPTED, cc, sender.update(frames.plaintext)), expected, `cc ${cc}`);
  });
});

test('stateless client→server frames and per-packet keys match test-vectors.md §5.3', () => {
  const clientSender = new MppeKeySchedule(ex.receiveStartKey, 128);
  frames.statelessClientToServer.forEach((expected, cc) => {
    clientSender.rekey();
    assert.deepEqual(clientSender.sessionKey, ex.receiveRekeys128[cc]);
    assert.deepEqual(mppeFrame(FLUSHED_ENCRYPTED, cc, clientSender.update(frames.plaintext)), expected);
  });
});

test('a stateless receiver that missed packet cc 1 decrypts cc 2 after rekey(2) (RFC 3078 §8.1)', () => {
  const receiver = new MppeKeySchedule(ex.sendStartKey, 128);
  receiver.rekey();
  assert.deepEqual(
    receiver.update(frames.statelessServerToClient[0]?.subarray(4) ?? new Uint8Array()),
    frames.plaintext,
  );
  receiver.rekey(2);
  assert.deepEqual(
    receiver.update(frames.statelessServerToClient[2]?.subarray(4) ?? new Uint8Array()),
    frames.plaintext,
  );
});

test('stateful server→client frames continue one RC4 stream from the initial key (test-vectors.md §5.3)', () => {
  const sender = new MppeKeySchedule(ex.sendStartKey, 128);
  frames.statefulServerToClient.forEach((expected, cc) => {
    assert.deepEqual(mppeFrame(ENCRYPTED, cc, sender.update(frames.plaintext)), expected, `cc ${cc}`);
  });
});

test('resetCipher restarts the keystream under the unchanged session key (RFC 3078 §8.2)', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  const first = schedule.update(frames.plaintext);
  schedule.update(new Uint8Array(500));
  schedule.resetCipher();
  assert.deepEqual(schedule.sessionKey, ex.sendSessionKey[128]);
  assert.deepEqual(schedule.update(frames.plaintext), first);
});

test('encrypting in place into the frame buffer gives the same bytes', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  schedule.rekey();
  const frame = mppeFrame(FLUSHED_ENCRYPTED, 0, frames.plaintext);
  const payload = frame.subarray(4);
  assert.equal(schedule.update(payload, payload), payload);
  assert.deepEqual(frame, frames.statelessServerToClient[0]);
});

test('sessionKey is a copy: changing it does not change the schedule', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  schedule.sessionKey.fill(0);
  assert.deepEqual(schedule.sessionKey, ex.sendSessionKey[128]);
  assert.throws(() => new MppeKeySchedule(new Uint8Array(8), 128), RangeError);
});

test('rekeyAndUpdate equals rekey(times) then update in place over the range it names', () => {
  const random = new SeededBytes(3079);
  const data = random.bytes(64);
  for (const [offset, length, times] of [
    [0, undefined, undefined],
    [4, 20, 1],
    [4, undefined, 3],
    [64, 0, 2],
  ] as const) {
    const fused = new MppeKeySchedule(ex.sendStartKey, 128);
    const stepwise = new MppeKeySchedule(ex.sendStartKey, 128);
    const a = data.slice();
    const b = data.slice();
    fused.rekeyAndUpdate(a, offset, length, times);
    stepwise.rekey(times ?? 1);
    const view = b.subarray(offset, length === undefined ? undefined : offset + length);
    stepwise.update(view, view);
    assert.deepEqual(a, b, `offset ${offset} length ${length} times ${times}`);
    assert.deepEqual(fused.sessionKey, stepwise.sessionKey);
  }
});

test('rekeyAndUpdate rejects a range outside the array before changing anything', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  const data = new Uint8Array(10);
  for (const [offset, length] of INVALID_RANGES_OF_10) {
    assert.throws(() => schedule.rekeyAndUpdate(data, offset, length), RangeError);
  }
  assert.throws(() => schedule.rekeyAndUpdate(data, 0, 10, -1), RangeError);
  assert.deepEqual(schedule.sessionKey, ex.sendSessionKey[128]);
  assert.deepEqual(data, new Uint8Array(10));
});

test('rekeyAndUpdate with an output writes the range there and leaves the data as it was', () => {
  const inPlace = new MppeKeySchedule(ex.sendStartKey, 128);
  const intoOutput = new MppeKeySchedule(ex.sendStartKey, 128);
  for (const [offset, length, times] of [
    [2, 40, 1],
    [0, 17, 3],
    [5, 0, 1],
    [1, 60, 0],
  ] as const) {
    const data = Uint8Array.from({ length: 64 }, (_, n) => (n * 7 + offset) & 0xff);
    const expected = data.slice();
    inPlace.rekeyAndUpdate(expected, offset, length, times);
    const output = new Uint8Array(length + 3).fill(0xee);
    const before = data.slice();
    intoOutput.rekeyAndUpdate(data, offset, length, times, output);
    assert.deepEqual(data, before, 'data unchanged');
    assert.deepEqual(output.subarray(0, length), expected.subarray(offset, offset + length));
    assert.deepEqual(output.subarray(length), Uint8Array.of(0xee, 0xee, 0xee), 'nothing past the range');
  }
  assert.deepEqual(intoOutput.sessionKey, inPlace.sessionKey);
});

test('rekeyAndUpdate refuses an output shorter than the range before changing anything', () => {
  const schedule = new MppeKeySchedule(ex.sendStartKey, 128);
  const key = schedule.sessionKey;
  assert.throws(() => schedule.rekeyAndUpdate(new Uint8Array(10), 0, 10, 1, new Uint8Array(9)), RangeError);
  assert.deepEqual(schedule.sessionKey, key);
});
