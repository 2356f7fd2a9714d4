import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MppeKeySchedule } from '@switchyard/crypto';
import { rfc3079V2Example, toHex } from '@switchyard/crypto/testing';
import { PppProtocol } from '@switchyard/ppp';
import { newMppeCounters, type MppeCounters } from './counters.js';
import { MppeDecryptor, SANITY_MAX, flagCountsBetween } from './decryptor.js';
import { MppeEncryptor } from './encryptor.js';
import type { StatefulResync } from './policy.js';

interface Ends {
  readonly encryptor: MppeEncryptor;
  readonly decryptor: MppeDecryptor;
  readonly counters: MppeCounters;
  /** The next packet, numbered so its contents tell which one it was. */
  next(): Uint8Array;
}

function ends(stateless: boolean, resync: StatefulResync = 'linux'): Ends {
  const counters = newMppeCounters();
  const common = { startKey: rfc3079V2Example.sendStartKey, strength: 128, stateless, resync } as const;
  const encryptor = new MppeEncryptor({ ...common, counters: newMppeCounters() });
  let n = 0;
  return {
    encryptor,
    decryptor: new MppeDecryptor({ ...common, counters }),
    counters,
    next: () => {
      n++;
      return encryptor.encrypt(PppProtocol.IP, Uint8Array.of(0x45, n & 0xff, n >> 8, 0xaa, 0xbb));
    },
  };
}

/** The packet number carried by a decrypted frame, or the drop reason. */
function open(decryptor: MppeDecryptor, packet: Uint8Array): number | string {
  const result = decryptor.decrypt(packet);
  if (typeof result === 'string') return result;
  assert.equal(toHex(result.subarray(0, 3)), '002145', 'decrypts to IP');
  assert.equal(toHex(result.subarray(5)), 'aabb');
  return (result[3] as number) | ((result[4] as number) << 8);
}

test('stateless: a lost packet costs nothing but itself; N = cc − last key changes (RFC 3078 §8.1)', () => {
  const { decryptor, counters, next } = ends(true);
  const packets = Array.from({ length: 10 }, next);
  const got = [0, 1, 4, 5, 9].map((i) => open(decryptor, packets[i]!));
  assert.deepEqual(got, [1, 2, 5, 6, 10]);
  assert.equal(counters.lost, 5);
});

test('stateless: duplicates and late packets (> 2048 behind) are dropped, not followed (Linux)', () => {
  const { decryptor, counters, next } = ends(true);
  const packets = Array.from({ length: 6 }, next);
  assert.deepEqual(
    [0, 1, 1, 3, 2, 4].map((i) => open(decryptor, packets[i]!)),
    [1, 2, 'duplicate', 4, 'late', 5],
    'a packet overtaken by a later one is late: following it would take 4095 key changes',
  );
  assert.equal(counters.duplicate, 1);
  assert.equal(counters.late, 1);
  assert.equal(decryptor.sanityErrors, 0, 'a late packet adds 1 point, halved by the next good packet');
});

test('stateless: a jump of up to 2048 is followed, one more is a late packet', () => {
  const { decryptor, next } = ends(true);
  const packets = Array.from({ length: 2050 }, next);
  assert.equal(open(decryptor, packets[2047]!), 2048, 'first packet cc=2047: 2048 key changes from 0xFFF');
  const again = ends(true);
  const more = Array.from({ length: 2051 }, again.next);
  assert.equal(open(again.decryptor, more[2048]!), 'late', 'cc=2048 is 2049 ahead of 0xFFF');
});

test('bad headers: +100 points each (D clear; A clear when stateless), halved per good packet, fatal at 1600', () => {
  const { decryptor, counters, next } = ends(true);
  const good = next();
  const noD = Uint8Array.from(good);
  noD[0] = noD[0]! & ~0x10;
  const noA = Uint8Array.from(good);
  noA[0] = noA[0]! & ~0x80;
  assert.equal(open(decryptor, noD), 'bad-header');
  assert.equal(open(decryptor, noA), 'bad-header');
  assert.equal(decryptor.sanityErrors, 200);
  assert.equal(open(decryptor, good), 1);
  assert.equal(decryptor.sanityErrors, 100);
  for (let n = 0; n < 14; n++) decryptor.decrypt(noD);
  assert.equal(decryptor.sanityErrors, 1500);
  assert.equal(decryptor.fatal, false);
  decryptor.decrypt(noD);
  assert.equal(decryptor.sanityErrors, SANITY_MAX);
  assert.equal(decryptor.fatal, true);
  assert.equal(counters.badHeader, 17);
});

test('short payloads are malformed; a protocol outside 0x0021–0x00FA is refused after decryption', () => {
  const { decryptor, counters, encryptor } = ends(true);
  assert.equal(decryptor.decrypt(Uint8Array.of(0x90, 0x00, 0x12)), 'malformed');
  assert.equal(decryptor.decrypt(encryptor.encrypt(0xc021, Uint8Array.of(9, 1, 0, 4))), 'bad-inner-protocol');
  assert.equal(counters.malformed, 1);
  assert.equal(counters.badInnerProtocol, 1);
});

test('a PFC-compressed inner protocol (one octet) is accepted, as Linux does', () => {
  const { decryptor } = ends(true);
  const keys = new MppeKeySchedule(rfc3079V2Example.sendStartKey, 128);
  keys.rekey();
  const body = keys.update(Uint8Array.of(0x21, 0x45, 0x00));
  const result = decryptor.decrypt(Uint8Array.of(0x90, 0x00, ...body));
  assert.ok(typeof result !== 'string');
  assert.equal(toHex(result), '214500');
});

for (const resync of ['linux', 'rfc3078'] as const) {
  test(`stateful (${resync}): a gap enters the discard state until the sender resets and sets A (§8.2)`, () => {
    const { decryptor, encryptor, counters, next } = ends(false, resync);
    assert.equal(open(decryptor, next()), 1);
    next(); // lost
    assert.equal(open(decryptor, next()), 'lost');
    assert.equal(open(decryptor, next()), 'discarding');
    assert.equal(decryptor.isDiscarding, true);
    encryptor.reset(); // the Reset-Request arrived
    encryptor.reset(); // twice: still one resynchronisation
    const flushed = next();
    assert.equal(flushed[0]! & 0x80, 0x80, 'A set on the next packet');
    assert.equal(open(decryptor, flushed), 5);
    assert.equal(open(decryptor, next()), 6);
    assert.equal(next()[0]! & 0x80, 0, 'A only once');
    assert.deepEqual([counters.lost, counters.discarded], [1, 1]);
  });

  test(`stateful (${resync}): losing a flag packet and 300 more resynchronises on the next A`, () => {
    const { decryptor, encryptor, next } = ends(false, resync);
    for (let n = 1; n <= 250; n++) assert.equal(open(decryptor, next()), n);
    for (let n = 251; n <= 560; n++) next(); // 0x0FF and 0x1FF among them
    assert.equal(open(decryptor, next()), 'lost');
    encryptor.reset();
    assert.equal(open(decryptor, next()), 562);
    for (let n = 563; n <= 1100; n++) assert.equal(open(decryptor, next()), n);
  });

  test(`stateful (${resync}): a reset that coincides with a flag packet`, () => {
    const { decryptor, encryptor, next } = ends(false, resync);
    for (let n = 1; n <= 250; n++) assert.equal(open(decryptor, next()), n);
    next(); // 251 and 252 lost
    next();
    assert.equal(open(decryptor, next()), 'lost');
    assert.equal(open(decryptor, next()), 'discarding');
    assert.equal(open(decryptor, next()), 'discarding');
    encryptor.reset();
    assert.equal(open(decryptor, next()), 256, 'cc 0x0FF: flag and flush at once');
    assert.equal(open(decryptor, next()), 257);
  });
}

test('stateful (linux): a flag packet without A is a bad header (Linux sanity check)', () => {
  const { decryptor, next } = ends(false);
  for (let n = 1; n <= 255; n++) assert.equal(open(decryptor, next()), n);
  const flag = next();
  flag[0] = flag[0]! & ~0x80;
  assert.equal(open(decryptor, flag), 'bad-header');
});

test('flag counts between two coherency counts (the key changes a stateful receiver catches up on)', () => {
  assert.equal(flagCountsBetween(0x0f1, 0x111 - 0x0f1), 1);
  assert.equal(flagCountsBetween(0x0f1, 0x0ff - 0x0f1), 0);
  assert.equal(flagCountsBetween(0x0ff, 1), 1);
  assert.equal(flagCountsBetween(0x000, 4095), 15);
  assert.equal(flagCountsBetween(0xf00, 0x200), 2, 'across the wrap: 0xFFF and 0x0FF');
});

test('decrypt reads the ciphertext where it lies and writes the plaintext into `into`: no copy of the payload', () => {
  // The schedule is asked for RC4 from the payload itself into the caller's buffer: before, the
  // decryptor copied the payload and decrypted the copy in place (a copy and a subarray per packet).
  const calls: { data: Uint8Array; offset: number | undefined; output: Uint8Array | undefined }[] = [];
  class SpySchedule extends MppeKeySchedule {
    override rekeyAndUpdate(
      data: Uint8Array,
      offset?: number,
      length?: number,
      times?: number,
      output?: Uint8Array,
    ): void {
      calls.push({ data, offset, output });
      super.rekeyAndUpdate(data, offset, length, times, output);
    }
  }
  const common = { startKey: rfc3079V2Example.sendStartKey, strength: 128, stateless: true } as const;
  const encryptor = new MppeEncryptor({ ...common, counters: newMppeCounters() });
  const decryptor = new MppeDecryptor({
    ...common,
    counters: newMppeCounters(),
    createKeySchedule: (startKey, strength) => new SpySchedule(startKey, strength),
  });
  const into = new Uint8Array(64);
  for (let n = 1; n <= 3; n++) {
    const packet = encryptor.encrypt(PppProtocol.IP, Uint8Array.of(0x45, n, 0xaa, 0xbb)).slice();
    const sent = packet.slice();
    const result = decryptor.decrypt(packet, into);
    assert.ok(typeof result !== 'string');
    assert.equal(toHex(result), `002145${n.toString(16).padStart(2, '0')}aabb`);
    assert.equal(result.buffer, into.buffer, 'the plaintext is in the lent buffer');
    assert.deepEqual(packet, sent, 'the ciphertext is left as it was');
    const call = calls.at(-1);
    assert.equal(call?.data, packet, 'RC4 reads the payload itself, not a copy');
    assert.equal(call?.offset, 2, 'from behind the MPPE header');
    assert.equal(call?.output?.buffer, into.buffer);
  }
});
