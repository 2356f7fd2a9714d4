import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeReason } from '@switchyard/core';
import { PppProtocol, decodeCpPacket, decodePppFrame } from '@switchyard/ppp';
import { mppePair, type FaultPlan, type MppePair } from '../testing/index.js';

/** An IPv4-looking packet that carries its number and a checkable body. */
function packet(n: number, size = 60): Uint8Array {
  const out = new Uint8Array(size);
  out[0] = 0x45;
  out[4] = n >> 8;
  out[5] = n & 0xff;
  for (let i = 20; i < size; i++) out[i] = (n * 7 + i) & 0xff;
  return out;
}

/** The numbers of the packets `end` received; each body is checked, so garbage never passes. */
function receivedNumbers(received: readonly { readonly payload: Uint8Array }[]): number[] {
  return received.map(({ payload }) => {
    const n = ((payload[4] as number) << 8) | (payload[5] as number);
    assert.deepEqual(payload, packet(n, payload.length), `packet ${n} arrived intact`);
    return n;
  });
}

const increasing = (numbers: readonly number[]): boolean =>
  numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);

/** Sends `count` packets each way, interleaved, pumping after each. */
function exchange(pair: MppePair, count: number): void {
  for (let n = 1; n <= count; n++) {
    pair.sendIp('server', packet(n));
    pair.sendIp('client', packet(n));
    pair.clock.advance(10);
  }
  pair.wire.flush();
}

/** CCP packets of `code` a context sent, with their Identifiers. */
function ccpSent(pair: MppePair, from: 'server' | 'client', code: number): number[] {
  const out: number[] = [];
  for (const bytes of pair[from].wire) {
    const frame = decodePppFrame(bytes);
    if (!frame.ok || frame.value.protocol !== PppProtocol.CCP) continue;
    const ccp = decodeCpPacket(frame.value.payload, PppProtocol.CCP);
    if (ccp.ok && ccp.value.code === code) out.push(ccp.value.identifier);
  }
  return out;
}

const faults = (seed: number): FaultPlan => ({ seed, loss: 0.08, duplicate: 0.05, reorder: 0.08 });

test('stateless with loss, duplication and reordering: every packet that arrives in order decrypts, no resync', () => {
  const pair = mppePair({ faults: { a: faults(1), b: faults(2) } });
  exchange(pair, 3000);
  for (const [end, ccp, direction] of [
    [pair.client, pair.clientCcp, pair.wire.directions.a],
    [pair.server, pair.serverCcp, pair.wire.directions.b],
  ] as const) {
    const got = receivedNumbers(end.received);
    assert.ok(increasing(got), 'late and duplicate packets are never delivered');
    const { lost, duplicated, reordered } = direction.stats;
    assert.ok(lost > 150 && duplicated > 100 && reordered > 150, JSON.stringify(direction.stats));
    assert.equal(got.length, 3000 - lost - ccp.counters.late, JSON.stringify(ccp.counters));
    assert.equal(ccp.counters.duplicate, duplicated);
    assert.ok(ccp.counters.late > 0 && ccp.counters.late <= reordered);
    assert.equal(ccp.counters.resetRequestsSent, 0, 'stateless needs no Reset-Request (RFC 3078 §8.1)');
    assert.equal(end.closedWith, undefined);
  }
});

/** The MPPE header's A bit, in a frame as the fake puts it on the wire (FF 03 00 FD, then the header). */
const flushed = (frame: Uint8Array): boolean => ((frame[4] as number) & 0x80) !== 0;

for (const resync of ['linux', 'rfc3078'] as const) {
  test(`stateful (${resync}) with seeded faults: Reset-Request, the sender flushes, traffic resumes`, () => {
    const config = { requireMppe128: true, mppeRequestStateful: true, mppeStatefulResync: resync };
    // Linux rekeys on every FLUSHED packet, so losing one costs a key change the receiver cannot count
    // (next test): spare those here, the RFC flavour needs no such help.
    const spare = resync === 'linux' ? flushed : undefined;
    const plan = (seed: number): FaultPlan => ({ ...faults(seed), ...(spare ? { spare } : {}) });
    const pair = mppePair({ server: config, client: config, faults: { a: plan(3), b: plan(4) } });
    assert.ok(pair.server.logs.has('MPPE 128-bit stateful compression enabled'));
    exchange(pair, 3000);
    for (const [end, ccp, peerCcp] of [
      [pair.client, pair.clientCcp, pair.serverCcp],
      [pair.server, pair.serverCcp, pair.clientCcp],
    ] as const) {
      const got = receivedNumbers(end.received);
      assert.ok(increasing(got));
      assert.ok(got.length > 1500, `${got.length} of 3000 delivered`);
      assert.ok(got.includes(3000) || got.includes(2999), 'traffic resumed up to the end');
      assert.ok(ccp.counters.resetRequestsSent > 10, JSON.stringify(ccp.counters));
      assert.equal(peerCcp.counters.resetRequestsReceived, ccp.counters.resetRequestsSent);
      assert.equal(ccp.counters.badInnerProtocol, 0, 'never out of step');
      assert.equal(end.closedWith, undefined);
    }
    // RFC 1962 §3.1: each Reset-Ack carries the Identifier of the Reset-Request it answers.
    assert.deepEqual(ccpSent(pair, 'client', 15), ccpSent(pair, 'server', 14));
  });
}

test('stateful: losing the FLUSHED packet itself desynchronises the Linux flavour for good, not the RFC one', () => {
  const outcome = (resync: 'linux' | 'rfc3078') => {
    const config = { requireMppe128: true, mppeRequestStateful: true, mppeStatefulResync: resync };
    const pair = mppePair({ server: config, client: config });
    pair.sendIp('server', packet(1));
    pair.wire.directions.a.drop = (bytes) => bytes[3] === 0xfd && (bytes[5] === 1 || bytes[5] === 3); // cc 1, 3
    for (let n = 2; n <= 40; n++) pair.sendIp('server', packet(n));
    return pair.client.received.filter(({ payload }) => {
      const n = ((payload[4] as number) << 8) | (payload[5] as number);
      return payload.length === 60 && payload.every((b, i) => b === packet(n)[i]);
    }).length;
  };
  // cc 1 is lost: gap at cc 2, Reset-Request; cc 3 is the FLUSHED packet, lost too.
  assert.equal(
    outcome('rfc3078'),
    1 + 35,
    'packet 1, then 6–40: packet 5 is discarded and asks for a new reset',
  );
  assert.equal(outcome('linux'), 1, 'one key change behind the sender from then on (Linux ppp_mppe as well)');
});

test('stateful: after a loss the receiver discards until the FLUSHED packet, then delivers again', () => {
  const config = { requireMppe128: true, mppeRequestStateful: true };
  const pair = mppePair({ server: config, client: config });
  pair.sendIp('server', packet(1));
  let dropNext = true;
  pair.wire.directions.a.drop = (bytes) =>
    bytes[2] === 0x00 && bytes[3] === 0xfd && dropNext && !(dropNext = false);
  pair.sendIp('server', packet(2)); // lost
  pair.sendIp('server', packet(3)); // gap: Reset-Request goes out, Reset-Ack comes back
  assert.deepEqual(ccpSent(pair, 'client', 14), [2]);
  assert.deepEqual(ccpSent(pair, 'server', 15), [2]);
  pair.sendIp('server', packet(4));
  assert.equal(pair.server.wire.at(-1)![4]! & 0x80, 0x80, 'A set on the first packet after the reset');
  pair.sendIp('server', packet(5));
  assert.deepEqual(receivedNumbers(pair.client.received), [1, 4, 5]);
  assert.equal(pair.clientCcp.dataPath.outstandingResetRequest, undefined, 'the Reset-Ack was matched');
});

test('stateful: a lost Reset-Ack is repeated with the same Identifier once a second while losses go on (pppd)', () => {
  const config = { requireMppe128: true, mppeRequestStateful: true };
  const pair = mppePair({ server: config, client: config });
  pair.sendIp('server', packet(1));
  pair.wire.directions.b.drop = (bytes) => bytes[2] === 0x80 && bytes[3] === 0xfd; // Reset-Requests lost
  pair.wire.directions.a.drop = (bytes) => bytes[2] === 0x00 && bytes[3] === 0xfd && bytes[5] === 0x01; // cc 1
  for (let n = 2; n <= 5; n++) pair.sendIp('server', packet(n));
  assert.deepEqual(ccpSent(pair, 'client', 14), [2], 'one Reset-Request outstanding');
  pair.clock.advance(1000);
  assert.deepEqual(ccpSent(pair, 'client', 14), [2, 2], 'repeated: packets were discarded meanwhile');
  pair.wire.directions.b.drop = () => false;
  pair.clock.advance(1000);
  assert.deepEqual(ccpSent(pair, 'client', 14), [2, 2], 'no new failures: no repetition');
  pair.sendIp('server', packet(6));
  assert.deepEqual(
    ccpSent(pair, 'client', 14),
    [2, 2, 3],
    'a new failure after the timeout: a new Identifier',
  );
  pair.sendIp('server', packet(7));
  assert.deepEqual(receivedNumbers(pair.client.received), [1, 7]);
});

test('16 packets with impossible headers close the session: protocol-error (Linux SANITY_MAX 1600)', () => {
  const pair = mppePair();
  pair.sendIp('client', packet(1));
  const good = pair.client.wire.at(-1)!;
  const bad = Uint8Array.from(good);
  bad[4] = bad[4]! & ~0x10; // D clear
  for (let n = 0; n < 15; n++) pair.server.receiveFrame(bad);
  assert.equal(pair.server.closedWith, undefined);
  assert.equal(pair.serverCcp.dataPath.sanityErrors, 1500);
  pair.server.receiveFrame(bad);
  assert.deepEqual(pair.server.closes, [closeReason('protocol-error', 'Too many MPPE errors')]);
  assert.ok(pair.server.logs.has('Too many MPPE errors, closing LCP', 'error'));
  assert.equal(pair.serverCcp.counters.badHeader, 16);
  pair.server.receiveFrame(good);
  assert.equal(pair.server.received.length, 1, 'nothing is decrypted after the fatal error');
});

test('MPPE required: IP before CCP opens is dropped, never sent in clear; 0x00FD is counted and dropped', () => {
  const pair = mppePair({ start: false });
  pair.serverCcp.start();
  pair.server.send(PppProtocol.IP, packet(1));
  assert.equal(pair.server.droppedByTransform, 1);
  assert.equal(pair.serverCcp.counters.sendDroppedNotUp, 1);
  assert.ok(
    pair.server.wire.every((bytes) => bytes[3] !== 0x21),
    'no IP frame on the wire',
  );
  pair.server.receiveFrame(Uint8Array.of(0xff, 0x03, 0x00, 0xfd, 0x90, 0x00, 1, 2, 3));
  assert.equal(pair.serverCcp.counters.receivedNotUp, 1);
  pair.server.send(PppProtocol.IPCP, Uint8Array.of(1, 1, 0, 4));
  assert.equal(pair.server.wire.at(-1)![3], 0x21, 'control protocols are not covered');
});

test('LCP renegotiation: stop() pauses, start() negotiates again from the initial keys', () => {
  const pair = mppePair();
  pair.sendIp('server', packet(1));
  pair.serverCcp.stop();
  pair.clientCcp.stop();
  assert.deepEqual(pair.serverEvents, ['up', 'down']);
  pair.serverCcp.start();
  pair.clientCcp.start();
  pair.wire.pump();
  assert.deepEqual(pair.serverEvents, ['up', 'down', 'up']);
  pair.sendIp('server', packet(2));
  assert.equal(pair.server.wire.at(-1)![5], 0x00, 'coherency count back to 0');
  assert.deepEqual(receivedNumbers(pair.client.received), [1, 2]);
});
