// The native schedule against the pure TypeScript reference (@switchyard/crypto's MppeKeySchedule) and
// the published vectors (RFC 3079 §3.5, test-vectors.md §5), on both SHA-1 paths of the addon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MppeKeySchedule, type MppeKeyScheduleLike, type MppeStrength } from '@switchyard/crypto';
import {
  INVALID_RANGES_OF_10,
  SeededBytes,
  ascii,
  mppeFrameExample as frames,
  rfc3079V2Example as ex,
} from '@switchyard/crypto/testing';
import { NativeMppeKeySchedule } from './key-schedule.js';
import { cryptoNative } from './native.js';

const STRENGTHS: readonly MppeStrength[] = [40, 56, 128];

/** Runs `body` once on the SHA-1 the CPU offers and once on the portable C (the same where they agree). */
function bothSha1Paths(name: string, body: () => void): void {
  for (const portable of [false, true]) {
    test(`${name} (${portable ? 'portable' : 'default'} SHA-1)`, () => {
      const usesExtensions = cryptoNative().usePortableSha1(portable);
      if (portable) assert.equal(usesExtensions, false);
      try {
        body();
      } finally {
        cryptoNative().usePortableSha1(false);
      }
    });
  }
}

function pair(startKey: Uint8Array, strength: MppeStrength): [MppeKeyScheduleLike, MppeKeyScheduleLike] {
  return [new MppeKeySchedule(startKey, strength), new NativeMppeKeySchedule(startKey, strength)];
}

bothSha1Paths('initial session keys and "test message" match RFC 3079 §3.5 / test-vectors.md §5.1', () => {
  for (const strength of STRENGTHS) {
    const send = new NativeMppeKeySchedule(ex.sendStartKey, strength);
    assert.deepEqual(send.sessionKey, ex.sendSessionKey[strength]);
    assert.deepEqual(send.update(ascii('test message')), ex.sendTestMessage[strength]);
    const receive = new NativeMppeKeySchedule(ex.receiveStartKey, strength);
    assert.deepEqual(receive.sessionKey, ex.receiveSessionKey[strength]);
    assert.deepEqual(receive.update(ascii('test message')), ex.receiveTestMessage[strength]);
    assert.equal(send.keyLength, strength === 128 ? 16 : 8);
    assert.equal(send.strength, strength);
  }
});

bothSha1Paths('128-bit key changes and stateless/stateful frames match test-vectors.md §5.2-5.3', () => {
  const schedule = new NativeMppeKeySchedule(ex.sendStartKey, 128);
  for (const expected of ex.sendRekeys128) {
    schedule.rekey();
    assert.deepEqual(schedule.sessionKey, expected);
  }
  const sender = new NativeMppeKeySchedule(ex.sendStartKey, 128);
  frames.statelessServerToClient.forEach((expected, cc) => {
    const body = frames.plaintext.slice();
    sender.rekeyAndUpdate(body);
    assert.deepEqual(body, expected.subarray(4), `stateless cc ${cc}`);
  });
  const client = new NativeMppeKeySchedule(ex.receiveStartKey, 128);
  frames.statelessClientToServer.forEach((expected, cc) => {
    client.rekey();
    assert.deepEqual(client.sessionKey, ex.receiveRekeys128[cc]);
    assert.deepEqual(client.update(frames.plaintext), expected.subarray(4));
  });
  const stateful = new NativeMppeKeySchedule(ex.sendStartKey, 128);
  frames.statefulServerToClient.forEach((expected, cc) => {
    assert.deepEqual(stateful.update(frames.plaintext), expected.subarray(4), `stateful cc ${cc}`);
  });
});

bothSha1Paths('rekey(n) matches the pure schedule on seeded keys, 40/56/128-bit', () => {
  const random = new SeededBytes(3078);
  for (const strength of STRENGTHS) {
    for (let round = 0; round < 8; round++) {
      // Start keys longer than needed: only the prefix counts, as in the pure schedule.
      const [pure, native] = pair(random.bytes(random.int(strength === 128 ? 16 : 8, 24)), strength);
      assert.deepEqual(native.sessionKey, pure.sessionKey);
      for (const n of [0, 1, 2, 255, 256, 3, 4095, 1]) {
        pure.rekey(n);
        native.rekey(n);
        assert.deepEqual(native.sessionKey, pure.sessionKey, `${strength}-bit rekey(${n})`);
        const probe = random.bytes(19);
        assert.deepEqual(native.update(probe), pure.update(probe));
      }
    }
  }
});

test('stateful update continues the keystream across calls of odd lengths, in place or not', () => {
  const random = new SeededBytes(1962);
  for (const strength of STRENGTHS) {
    const [pure, native] = pair(random.bytes(16), strength);
    for (let call = 0; call < 60; call++) {
      const data = random.bytes(random.int(0, 1501));
      const expected = pure.update(data);
      if (call % 2 === 0) {
        const copy = data.slice();
        assert.equal(native.update(copy, copy), copy);
        assert.deepEqual(copy, expected, `call ${call} in place`);
      } else {
        const output = new Uint8Array(data.length + 3).fill(0xaa);
        assert.equal(native.update(data, output), output);
        assert.deepEqual(output.subarray(0, data.length), expected, `call ${call} into output`);
        assert.deepEqual(output.subarray(data.length), Uint8Array.of(0xaa, 0xaa, 0xaa));
      }
      if (call % 17 === 16) {
        pure.resetCipher();
        native.resetCipher();
      }
      if (call % 23 === 22) {
        pure.rekey();
        native.rekey();
      }
    }
  }
});

test('rekeyAndUpdate into an output matches the pure one byte for byte and leaves the data as it was', () => {
  // The receiver's form (plugins/mppe decryptor): RC4 from the ciphertext into the plaintext buffer.
  const random = new SeededBytes(3078);
  for (const strength of STRENGTHS) {
    const [pure, native] = pair(random.bytes(16), strength);
    for (let packet = 0; packet < 200; packet++) {
      const data = random.bytes(random.int(0, 1500));
      const offset = random.int(0, data.length);
      const length = random.int(0, data.length - offset);
      // Mostly stateless (1 change, the look-ahead table), sometimes a jump, sometimes none.
      const times = packet % 7 === 0 ? random.int(0, 3) : 1;
      const expected = data.slice();
      pure.rekeyAndUpdate(expected, offset, length, times);
      const output = new Uint8Array(length + 2).fill(0xee);
      const before = data.slice();
      native.rekeyAndUpdate(data, offset, length, times, output);
      assert.deepEqual(data, before, `packet ${packet}: data unchanged`);
      assert.deepEqual(
        output.subarray(0, length),
        expected.subarray(offset, offset + length),
        `packet ${packet}`,
      );
      assert.deepEqual(output.subarray(length), Uint8Array.of(0xee, 0xee), `packet ${packet}: nothing past`);
    }
    assert.deepEqual(native.sessionKey, pure.sessionKey);
  }
});

test('rekeyAndUpdate refuses a short or non-Uint8Array output before changing anything', () => {
  const [, native] = pair(new SeededBytes(1).bytes(16), 128);
  const key = native.sessionKey;
  assert.throws(() => native.rekeyAndUpdate(new Uint8Array(10), 0, 10, 1, new Uint8Array(9)), RangeError);
  assert.throws(
    () => native.rekeyAndUpdate(new Uint8Array(10), 0, 10, 1, new Uint16Array(10) as unknown as Uint8Array),
    TypeError,
  );
  assert.deepEqual(native.sessionKey, key);
});

test('rekeyAndUpdate matches the pure one over sub-ranges, with 1 and more key changes', () => {
  const random = new SeededBytes(2637);
  const [pure, native] = pair(random.bytes(16), 128);
  for (let packet = 0; packet < 200; packet++) {
    const data = random.bytes(random.int(0, 1500));
    const offset = random.int(0, data.length);
    const length = packet % 3 === 0 ? undefined : random.int(0, data.length - offset);
    const times = packet % 5 === 0 ? random.int(0, 3) : undefined;
    const a = data.slice();
    const b = data.slice();
    pure.rekeyAndUpdate(a, offset, length, times);
    native.rekeyAndUpdate(b, offset, length, times);
    assert.deepEqual(b, a, `packet ${packet}`);
  }
  assert.deepEqual(native.sessionKey, pure.sessionKey);
});

test('fused calls mixed with rekey, resetCipher and update stay in step with the pure schedule', () => {
  // The native fused call prepares the next key change on a second table; every other call must
  // either use that preparation or leave it valid. Seeded sequences of every operation check it.
  const random = new SeededBytes(1661);
  for (const strength of STRENGTHS) {
    const [pure, native] = pair(random.bytes(16), strength);
    for (let step = 0; step < 600; step++) {
      const op = random.int(0, 9);
      const data = random.bytes(random.int(0, 1500));
      const a = data.slice();
      const b = data.slice();
      if (op <= 4) {
        const times = op === 4 ? random.int(0, 3) : 1;
        pure.rekeyAndUpdate(a, 0, a.length, times);
        native.rekeyAndUpdate(b, 0, b.length, times);
      } else if (op <= 6) {
        pure.update(a, a);
        native.update(b, b);
      } else if (op === 7) {
        const times = random.int(0, 4);
        pure.rekey(times);
        native.rekey(times);
      } else if (op === 8) {
        pure.resetCipher();
        native.resetCipher();
      } else {
        // The session key itself, between operations (the look-ahead must not leak into it).
        assert.deepEqual(native.sessionKey, pure.sessionKey);
      }
      assert.deepEqual(b, a, `${strength}-bit step ${step} op ${op}`);
    }
    assert.deepEqual(native.sessionKey, pure.sessionKey);
  }
});

test('a Buffer and a view at an offset work like a plain Uint8Array', () => {
  const [pure, native] = pair(ex.sendStartKey, 128);
  const backing = Buffer.alloc(1400 + 7, 0x5c);
  const view = backing.subarray(7);
  pure.rekeyAndUpdate(view.slice());
  native.rekeyAndUpdate(view);
  pure.rekey();
  const expected = pure.update(new Uint8Array(1400).fill(0x5c));
  native.rekeyAndUpdate(backing, 7);
  assert.deepEqual(new Uint8Array(view), expected);
  assert.deepEqual(backing.subarray(0, 7), Buffer.alloc(7, 0x5c));
});

test('sessionKey is a copy', () => {
  const schedule = new NativeMppeKeySchedule(ex.sendStartKey, 128);
  schedule.sessionKey.fill(0);
  assert.deepEqual(schedule.sessionKey, ex.sendSessionKey[128]);
});

test('bad arguments are refused with a clear error, before anything changes', () => {
  assert.throws(() => new NativeMppeKeySchedule(new Uint8Array(15), 128), {
    name: 'RangeError',
    message: 'MPPE start key must be at least 16 bytes, got 15',
  });
  assert.throws(() => new NativeMppeKeySchedule(new Uint8Array(7), 40), RangeError);
  assert.throws(() => new NativeMppeKeySchedule(new Uint8Array(16), 64 as MppeStrength), {
    name: 'RangeError',
    message: 'MPPE strength must be 40, 56 or 128, got 64',
  });
  assert.throws(() => new NativeMppeKeySchedule(new Uint8Array(16), 12.5 as MppeStrength), RangeError);
  assert.throws(() => new NativeMppeKeySchedule([1, 2] as unknown as Uint8Array, 128), {
    name: 'TypeError',
    message: 'MPPE start key must be a Uint8Array',
  });
  assert.throws(
    () => new NativeMppeKeySchedule(new Uint16Array(16) as unknown as Uint8Array, 128),
    TypeError,
  );

  const schedule = new NativeMppeKeySchedule(ex.sendStartKey, 128);
  const data = new Uint8Array(10);
  assert.throws(() => schedule.update(new Uint8Array(10), new Uint8Array(9)), {
    name: 'RangeError',
    message: 'RC4 output (9 bytes) is shorter than the input (10)',
  });
  assert.throws(() => schedule.update('text' as unknown as Uint8Array), TypeError);
  for (const times of [-1, 1.5, Number.NaN, 2 ** 32]) {
    assert.throws(() => schedule.rekey(times), RangeError, `rekey(${times})`);
  }
  assert.throws(() => schedule.rekey('2' as unknown as number), TypeError);
  for (const [offset, length] of [...INVALID_RANGES_OF_10, [Number.POSITIVE_INFINITY, 0] as const]) {
    assert.throws(() => schedule.rekeyAndUpdate(data, offset, length), RangeError, `${offset}/${length}`);
  }
  assert.throws(() => schedule.rekeyAndUpdate(data, 0, 10, -1), RangeError);
  // Nothing above changed the schedule or the data.
  assert.deepEqual(schedule.sessionKey, ex.sendSessionKey[128]);
  assert.deepEqual(data, new Uint8Array(10));
  assert.deepEqual(schedule.update(ascii('test message')), ex.sendTestMessage[128]);
});

test('the raw addon refuses a state it did not initialise, or of the wrong size or alignment', () => {
  const native = cryptoNative();
  const data = new Uint8Array(4);
  assert.throws(() => native.update(new Uint8Array(native.stateBytes), data, data), /used before init/);
  assert.throws(() => native.rekey(new Uint8Array(native.stateBytes - 1), 1), RangeError);
  assert.throws(() => native.resetCipher(new Uint8Array(8)), RangeError);
  const misaligned = new Uint8Array(native.stateBytes + 1).subarray(1);
  assert.throws(() => native.init(misaligned, ex.sendStartKey, 128), /aligned/);
  // A corrupted state (e.g. garbage RC4 words) still never reads outside the table: indices are masked.
  const state = new Uint8Array(native.stateBytes);
  native.init(state, ex.sendStartKey, 128);
  const keyLengthAt = native.keyLengthOffset;
  state.fill(0xff); // i, j, key length, strength, live, next_ready, the keys and both tables
  state[keyLengthAt] = 16;
  state[keyLengthAt + 1] = 128;
  native.rekeyAndUpdate(state, data, 0, 4, 3);
  assert.equal(state[keyLengthAt], 16);
  state[keyLengthAt] = 12; // an impossible key length
  assert.throws(() => native.rekey(state, 1), /used before init/);
  // A compact state has no second table: one that says it uses it (live, next_ready) is refused.
  const compact = new Uint8Array(native.compactStateBytes);
  native.init(compact, ex.sendStartKey, 128);
  for (const at of [keyLengthAt + 2, keyLengthAt + 3]) {
    compact[at] = 1;
    assert.throws(() => native.rekeyAndUpdate(compact, data, 0, 4, 1), /used before init/);
    compact[at] = 0;
  }
  native.rekeyAndUpdate(compact, data, 0, 4, 1);
  assert.throws(() => native.rekey(new Uint8Array(native.compactStateBytes + 4), 1), RangeError);
  // A header-only state is for init alone: every other call needs a table.
  const header = new Uint8Array(native.headerStateBytes);
  native.init(header, ex.sendStartKey, 128);
  assert.throws(() => native.update(header, data, data), RangeError);
  assert.throws(() => native.rekeyAndUpdate(header, data, 0, 4, 1), RangeError);
});

bothSha1Paths('a compact state (no look-ahead table) gives the bytes of a full one, on the raw addon', () => {
  const native = cryptoNative();
  const random = new SeededBytes(1400);
  for (const strength of STRENGTHS) {
    const startKey = random.bytes(16);
    const full = new Uint8Array(native.stateBytes);
    const compact = new Uint8Array(native.compactStateBytes);
    native.init(full, startKey, strength);
    native.init(compact, startKey, strength);
    for (const [length, times] of [
      [1400, 1],
      [10, 0],
      [300, 2],
      [64, 1],
      [1, 1],
      [700, 0],
      [2000, 1],
    ] as const) {
      const a = random.bytes(length);
      const b = a.slice();
      native.rekeyAndUpdate(full, a, undefined, undefined, times);
      native.rekeyAndUpdate(compact, b, undefined, undefined, times);
      assert.deepEqual(b, a, `${strength}-bit, ${length} bytes, ${times} changes`);
    }
  }
});

test('a schedule holds no table before its first data, and the look-ahead one only from its first stateless packet', () => {
  const native0 = cryptoNative();
  const random = new SeededBytes(3079);
  const startKey = random.bytes(16);
  const [pure, native] = pair(startKey, 128) as [MppeKeySchedule, NativeMppeKeySchedule];
  assert.equal(native.heldBytes, native0.headerStateBytes, 'idle: keys only');
  assert.deepEqual(native.sessionKey, pure.sessionKey);
  // Stateful use (update, rekey, rekeyAndUpdate with no key change) keeps the state compact.
  assert.deepEqual(native.update(startKey), pure.update(startKey));
  assert.equal(native.heldBytes, native0.compactStateBytes, 'data: one table, keyed when first needed');
  native.rekey(3);
  pure.rekey(3);
  for (let n = 0; n < 3; n++) {
    const data = random.bytes(200);
    const copy = data.slice();
    pure.rekeyAndUpdate(copy, 0, copy.length, 0);
    native.rekeyAndUpdate(data, 0, data.length, 0);
    assert.deepEqual(data, copy, `stateful packet ${n}`);
  }
  assert.equal(native.lookAhead, false);
  for (let n = 0; n < 5; n++) {
    const data = random.bytes(1400);
    const copy = data.slice();
    pure.rekeyAndUpdate(copy);
    native.rekeyAndUpdate(data);
    assert.deepEqual(data, copy, `stateless packet ${n}`);
    assert.equal(native.lookAhead, true);
  }
  assert.deepEqual(native.sessionKey, pure.sessionKey);
});

bothSha1Paths('every first call on a fresh schedule keys its table as the pure one does', () => {
  const random = new SeededBytes(1661);
  const calls: ((s: MppeKeyScheduleLike) => Uint8Array)[] = [
    (s) => s.update(Uint8Array.of(1, 2, 3, 4, 5)),
    (s) => (s.rekey(1), s.update(new Uint8Array(20))),
    (s) => (s.resetCipher(), s.update(new Uint8Array(20))),
    (s) => {
      const data = new Uint8Array(300);
      s.rekeyAndUpdate(data);
      return data;
    },
    (s) => {
      const data = new Uint8Array(300);
      s.rekeyAndUpdate(data, 0, 300, 0);
      return data;
    },
  ];
  for (const strength of STRENGTHS) {
    for (const call of calls) {
      const [pure, native] = pair(random.bytes(16), strength);
      assert.deepEqual(call(native), call(pure), `${strength}-bit ${call.toString().slice(0, 40)}`);
      assert.deepEqual(native.update(new Uint8Array(50)), pure.update(new Uint8Array(50)));
    }
  }
});
