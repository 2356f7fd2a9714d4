import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ascii, mppeFrameExample, rfc3079V2Example, toHex } from '@switchyard/crypto/testing';
import {
  MppeKeySchedule,
  type MppeKeyScheduleFactory,
  type MppeKeyScheduleLike,
  type MppeStrength,
} from '@switchyard/crypto';
import { PppProtocol } from '@switchyard/ppp';
import { newMppeCounters } from './counters.js';
import { MppeDecryptor } from './decryptor.js';
import { MppeEncryptor } from './encryptor.js';
import type { MppeCipherOptions } from './encryptor.js';

const { sendStartKey, receiveStartKey } = rfc3079V2Example;
const message = ascii('test message');
const frame = (payload: Uint8Array) => toHex(Uint8Array.of(0x00, 0xfd, ...payload));
const options = (over: Partial<MppeCipherOptions> = {}): MppeCipherOptions => ({
  startKey: sendStartKey,
  strength: 128,
  stateless: true,
  counters: newMppeCounters(),
  ...over,
});

test('stateless server → client frames equal test-vectors.md §5.3 (first packet already rekeyed, erratum 4)', () => {
  const encryptor = new MppeEncryptor(options());
  const sent = [0, 1, 2].map(() => frame(encryptor.encrypt(PppProtocol.IP, message)));
  assert.deepEqual(sent, mppeFrameExample.statelessServerToClient.map(toHex));
});

test('stateless client → server frames: the client sends with the Magic2 key', () => {
  const encryptor = new MppeEncryptor(options({ startKey: receiveStartKey }));
  const sent = [0, 1].map(() => frame(encryptor.encrypt(PppProtocol.IP, message)));
  assert.deepEqual(sent, mppeFrameExample.statelessClientToServer.map(toHex));
});

test('stateful frames: initial key, no A on the first packet (as Linux), the RC4 stream runs on', () => {
  const encryptor = new MppeEncryptor(options({ stateless: false }));
  const sent = [0, 1].map(() => frame(encryptor.encrypt(PppProtocol.IP, message)));
  assert.deepEqual(sent, mppeFrameExample.statefulServerToClient.map(toHex));
});

test('the first stateful packet is rc4(initial session key) — RFC 3079 §3.5 samples, 40/56/128-bit', () => {
  for (const strength of [40, 56, 128] as const) {
    const encryptor = new MppeEncryptor(options({ stateless: false, strength }));
    // "te" as the protocol field and "st message" as data: the cipher sees "test message".
    const out = encryptor.encrypt(0x7465, ascii('st message'));
    assert.equal(
      toHex(out.subarray(2)),
      toHex(rfc3079V2Example.sendTestMessage[strength]),
      `${strength}-bit`,
    );
  }
});

test('the server decrypts the client frames of §5.3 back to 00 21 "test message"', () => {
  const counters = newMppeCounters();
  const decryptor = new MppeDecryptor(options({ startKey: receiveStartKey, counters }));
  for (const sent of mppeFrameExample.statelessClientToServer) {
    const result = decryptor.decrypt(sent.subarray(2));
    assert.ok(typeof result !== 'string', String(result));
    assert.equal(toHex(result), toHex(mppeFrameExample.plaintext));
  }
  assert.equal(counters.packetsDecrypted, 2);
  assert.equal(counters.bytesDecrypted, 28);
});

test('round trip at every strength and mode, across the 4096 wrap and past several flag packets', () => {
  for (const strength of [40, 56, 128] as const) {
    for (const stateless of [true, false]) {
      const encryptor = new MppeEncryptor(options({ strength, stateless }));
      const decryptor = new MppeDecryptor(options({ strength, stateless }));
      for (let n = 0; n < 4200; n++) {
        const data = Uint8Array.of(n & 0xff, n >> 8, 1, 2, 3);
        const sent = encryptor.encrypt(PppProtocol.IP, data);
        if (!stateless && (n & 0xff) === 0xff)
          assert.equal(sent[0]! & 0x80, 0x80, 'A on flag packets (Linux)');
        const result = decryptor.decrypt(sent);
        assert.ok(typeof result !== 'string', `${strength} ${stateless} #${n}: ${String(result)}`);
        assert.equal(toHex(result), toHex(Uint8Array.of(0x00, 0x21, ...data)));
      }
      assert.equal(encryptor.lastCoherencyCount, 4199 & 0xfff);
    }
  }
});

test('encrypt allocates its output only: the input is left untouched', () => {
  const encryptor = new MppeEncryptor(options());
  const data = Uint8Array.of(1, 2, 3, 4);
  const out = encryptor.encrypt(PppProtocol.IP, data);
  assert.deepEqual([...data], [1, 2, 3, 4]);
  assert.equal(out.length, data.length + 4);
});

test('decrypt returns its own buffer: the payload (maybe a reused receive buffer) is left untouched', () => {
  const encryptor = new MppeEncryptor(options());
  const decryptor = new MppeDecryptor(options());
  const sent = encryptor.encrypt(PppProtocol.IP, message);
  const copy = sent.slice();
  const result = decryptor.decrypt(sent);
  assert.ok(typeof result !== 'string');
  assert.deepEqual(sent, copy);
  assert.notEqual(result.buffer, sent.buffer);
});

/** The pure schedule, counting the calls the machines make into it (each would cross into the addon). */
class CountingSchedule extends MppeKeySchedule implements MppeKeyScheduleLike {
  calls = 0;
  override rekey(times?: number): void {
    this.calls++;
    super.rekey(times);
  }
  override update(input: Uint8Array, output?: Uint8Array): Uint8Array {
    this.calls++;
    return super.update(input, output);
  }
  override resetCipher(): void {
    this.calls++;
    super.resetCipher();
  }
  override rekeyAndUpdate(
    data: Uint8Array,
    offset?: number,
    length?: number,
    times?: number,
    output?: Uint8Array,
  ): void {
    this.calls++;
    // The pure fused call is built on rekey and update: count it once.
    const before = this.calls;
    super.rekeyAndUpdate(data, offset, length, times, output);
    this.calls = before;
  }
}

test('the injected factory builds each direction’s schedule; one call into it per stateless packet', () => {
  const built: { strength: MppeStrength; schedule: CountingSchedule }[] = [];
  const createKeySchedule: MppeKeyScheduleFactory = (startKey, strength) => {
    const schedule = new CountingSchedule(startKey, strength);
    built.push({ strength, schedule });
    return schedule;
  };
  const encryptor = new MppeEncryptor(options({ strength: 56, createKeySchedule }));
  const decryptor = new MppeDecryptor(options({ strength: 56, createKeySchedule }));
  assert.deepEqual(
    built.map((b) => b.strength),
    [56, 56],
  );
  const [sending, receiving] = built.map((b) => b.schedule) as [CountingSchedule, CountingSchedule];
  for (let n = 0; n < 5; n++) {
    const sent = encryptor.encrypt(PppProtocol.IP, message);
    if (n === 2) continue; // lost: the next packet needs two key changes, still in one call
    const result = decryptor.decrypt(sent);
    assert.ok(typeof result !== 'string', String(result));
    assert.deepEqual(result.subarray(2), message);
  }
  assert.equal(sending.calls, 5);
  assert.equal(receiving.calls, 4);
});
