// The data path's ownership rule (data-path.ts): frames are lent for the call, from two per-session
// scratch buffers. These tests pin what the rule promises and what the code relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '@switchyard/core';
import { ManualClock } from '@switchyard/core/testing';
import { createPureMppeKeySchedule, type MppeKeyScheduleFactory } from '@switchyard/crypto';
import { PPP_MAX_FRAME_HEADER, PppProtocol } from '@switchyard/ppp';
import { newMppeCounters } from './counters.js';
import { MppeDataPath } from './data-path.js';

const STATELESS_128 = { strength: 128, stateless: true, bits: 0x01000040 } as const;
const KEY_A = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const KEY_B = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 - i);

/** Two data paths keyed to talk to each other; `delivered` copies what B delivers during the call. */
function pair() {
  const options = (deliver: (frame: Uint8Array) => void) => ({
    clock: new ManualClock(),
    logger: createLogger({ level: 'error', sink: () => {} }),
    counters: newMppeCounters(),
    resync: 'linux' as const,
    deliver,
    sendCcp: () => {},
    nextIdentifier: () => 1,
    fatal: () => assert.fail('no fatal error expected'),
  });
  const delivered: Uint8Array[] = [];
  const lent: Uint8Array[] = [];
  const a = new MppeDataPath(options(() => {}));
  const b = new MppeDataPath(
    options((frame) => {
      lent.push(frame);
      delivered.push(frame.slice());
    }),
  );
  a.start({ send: KEY_A, receive: KEY_B }, STATELESS_128, STATELESS_128);
  b.start({ send: KEY_B, receive: KEY_A }, STATELESS_128, STATELESS_128);
  /** What goes on the wire after 0x00FD: the transport copies the lent payload during the call. */
  const send = (data: Uint8Array): Uint8Array => {
    const out = a.protect(PppProtocol.IP, data);
    assert.ok(out !== undefined && out.protocol === PppProtocol.COMPRESSED);
    return out.payload.slice();
  };
  return { a, b, send, delivered, lent };
}

const ip = (n: number, size: number) => Uint8Array.from({ length: size }, (_, i) => (i === 0 ? 0x45 : n + i));

test('protect lends one scratch buffer: frames copied during the call stay intact when the next reuses it', () => {
  const { a, b, send, delivered } = pair();
  const first = a.protect(PppProtocol.IP, ip(1, 100));
  const firstBytes = first?.payload.slice();
  const second = a.protect(PppProtocol.IP, ip(2, 100));
  assert.ok(first && second && firstBytes);
  assert.equal(first.payload.buffer, second.payload.buffer, 'no buffer allocated per packet');
  assert.equal(first.headroom, PPP_MAX_FRAME_HEADER, 'room for the PPP header in front of the lent payload');
  assert.notDeepEqual(first.payload, firstBytes, 'the first payload was overwritten: it was only lent');
  // What a transport copied while it held the frame is what the peer decrypts.
  b.receive(firstBytes);
  b.receive(second.payload.slice());
  const third = send(ip(3, 100));
  b.receive(third);
  assert.deepEqual(
    delivered,
    [ip(1, 100), ip(2, 100), ip(3, 100)].map((p) => Uint8Array.of(0x00, 0x21, ...p)),
  );
});

test('receive decrypts into a scratch buffer: the ciphertext is left as it was, the delivery is a loan', () => {
  const { b, send, delivered, lent } = pair();
  const wire = [send(ip(1, 1400)), send(ip(2, 1400))];
  const before = wire.map((w) => w.slice());
  for (const w of wire) b.receive(w);
  assert.deepEqual(wire, before, 'the received frame is not modified (a reorder or capture tap may hold it)');
  assert.equal(lent[0]?.buffer, lent[1]?.buffer, 'no buffer allocated per packet');
  assert.deepEqual(delivered[0]?.subarray(2), ip(1, 1400), 'copied during the call: intact');
  assert.deepEqual(lent[0], delivered[1], 'the first loan now holds the second packet');
});

test('a frame larger than the scratch buffers gets its own buffer, never truncated', () => {
  const { b, send, delivered } = pair();
  const big = ip(9, 4000);
  b.receive(send(big));
  b.receive(send(ip(1, 60)));
  assert.deepEqual(delivered[0]?.subarray(2), big);
  assert.deepEqual(delivered[1]?.subarray(2), ip(1, 60));
});

test('each direction builds its cipher and key schedule at its first packet: a started idle session holds none', () => {
  const built: string[] = [];
  const counting: MppeKeyScheduleFactory = (startKey, strength) => {
    built.push(startKey[0] === KEY_A[0] ? 'A' : 'B');
    return createPureMppeKeySchedule(startKey, strength);
  };
  const options = {
    clock: new ManualClock(),
    logger: createLogger({ level: 'error', sink: () => {} }),
    counters: newMppeCounters(),
    resync: 'linux' as const,
    createKeySchedule: counting,
    deliver: () => {},
    sendCcp: () => {},
    nextIdentifier: () => 1,
    fatal: () => assert.fail('no fatal error expected'),
  };
  const a = new MppeDataPath(options);
  a.start({ send: KEY_A, receive: KEY_B }, STATELESS_128, STATELESS_128);
  assert.equal(a.running, true);
  assert.deepEqual(built, [], 'nothing built at start');
  a.protect(PppProtocol.IP, ip(1, 40));
  a.protect(PppProtocol.IP, ip(2, 40));
  assert.deepEqual(built, ['A'], 'the sending schedule, once');
  const b = new MppeDataPath({ ...options, createKeySchedule: undefined });
  b.start({ send: KEY_B, receive: KEY_A }, STATELESS_128, STATELESS_128);
  a.receive(b.protect(PppProtocol.IP, ip(3, 40))!.payload.slice());
  assert.deepEqual(built, ['A', 'B'], 'the receiving one at the first packet in');
  a.stop();
  assert.equal(a.running, false);
  assert.equal(a.protect(PppProtocol.IP, ip(4, 40)), undefined, 'stopped: dropped, nothing rebuilt');
  a.start({ send: KEY_A, receive: KEY_B }, STATELESS_128, STATELESS_128);
  a.protect(PppProtocol.IP, ip(5, 40));
  assert.deepEqual(built, ['A', 'B', 'A'], 'a restart begins again from the start keys');
});
