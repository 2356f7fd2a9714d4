import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@switchyard/core/testing';
import { hex, toHex } from '@switchyard/wire';
import {
  encodeGreAck,
  encodeGrePacket,
  greAck,
  greCallId,
  greHasAck,
  grePayload,
  greSeq,
} from '../codec/gre-packet.js';
import { GreCallSequencer, type GreSequencerConfig } from './call-sequencer.js';

const LCP = hex('ff 03 c0 21 09 01 00 08 12 34 56 78');

function sequencer(config: Partial<GreSequencerConfig> = {}, peerReceiveWindow = 64) {
  const clock = new ManualClock();
  const delivered: number[] = [];
  const transmitted: Uint8Array[] = [];
  const s = new GreCallSequencer({
    clock,
    peerCallId: 0xdc6d,
    peerReceiveWindow,
    deliver: (_payload, seq) => delivered.push(seq),
    transmit: (packet) => transmitted.push(packet),
    config,
  });
  const data = (seq: number, ack?: number) =>
    s.receive(encodeGrePacket({ callId: 128, sequenceNumber: seq, acknowledgmentNumber: ack }, LCP));
  return { clock, delivered, transmitted, s, data };
}

test("outbound frames carry the peer's Call ID and sequence numbers from 1, no ack before any receipt", () => {
  const { s } = sequencer();
  const first = s.encapsulate(LCP)!;
  assert.equal(toHex(first.subarray(0, 12)), '3001880b000cdc6d00000001');
  assert.deepEqual(grePayload(first), LCP);
  assert.equal(greSeq(s.encapsulate(LCP)!), 2);
});

test('the ack of the highest received packet is piggybacked once, then left out until it changes', () => {
  const { s, data } = sequencer();
  data(1);
  data(2);
  const withAck = s.encapsulate(LCP)!;
  assert.equal(toHex(withAck.subarray(0, 2)), '3081');
  assert.equal(greAck(withAck), 2);
  assert.equal(greHasAck(s.encapsulate(LCP)!), false);
  data(3);
  assert.equal(greAck(s.encapsulate(LCP)!), 3);
  assert.equal(s.counters.txPiggybackedAcks, 2);
});

test('with nothing to piggyback on, an ack-only packet goes out 50 ms after the receipt (pptpd idle ack)', () => {
  const { clock, transmitted, data } = sequencer();
  data(1);
  clock.advance(49);
  assert.equal(transmitted.length, 0);
  clock.advance(1);
  assert.deepEqual(transmitted, [encodeGreAck(0xdc6d, 1)]);
  clock.advance(1000);
  assert.equal(transmitted.length, 1, 'no new receipt, no new ack');
});

test('a piggybacked ack makes the pending ack-only packet unnecessary', () => {
  const { clock, transmitted, data, s } = sequencer();
  data(1);
  clock.advance(20);
  s.encapsulate(LCP);
  clock.advance(100);
  assert.equal(transmitted.length, 0);
});

test('an ack-only packet goes out at once after ackEvery unacknowledged packets, so a windowing peer never stalls', () => {
  const { transmitted, data, s } = sequencer({ ackEvery: 4 });
  for (let seq = 1; seq <= 4; seq++) data(seq);
  assert.equal(transmitted.length, 1);
  assert.equal(greAck(transmitted[0]!), 4);
  assert.equal(s.counters.txAckOnly, 1);
});

test('ackDelayMs Infinity never sends ack-only packets (Linux pptp.ko behaviour)', () => {
  const { clock, transmitted, data } = sequencer({ ackDelayMs: Infinity, ackEvery: 0 });
  for (let seq = 1; seq <= 100; seq++) data(seq);
  clock.advance(10_000);
  assert.equal(transmitted.length, 0);
});

test('ack-only packets are counted, feed the send window, and are never acknowledged (anchors §6 #7)', () => {
  const { clock, transmitted, s } = sequencer({ sendWindow: 'enforce' }, 2);
  s.encapsulate(LCP);
  assert.equal(s.encapsulate(LCP), undefined, 'window 2 starts at 1 (RFC 2637 §4.2.1)');
  s.receive(encodeGreAck(128, 1));
  assert.equal(s.counters.rxAckOnly, 1);
  assert.notEqual(s.encapsulate(LCP), undefined);
  clock.advance(1000);
  assert.equal(transmitted.length, 0);
  assert.equal(s.counters.txWindowFull, 1);
});

test('piggybacked acks from the peer open the send window too', () => {
  const { s, data } = sequencer({ sendWindow: 'enforce' }, 2);
  s.encapsulate(LCP);
  data(1, 1);
  assert.notEqual(s.encapsulate(LCP), undefined);
});

test('duplicates and late packets are not delivered and do not trigger acks', () => {
  const { clock, transmitted, delivered, data, s } = sequencer();
  data(1);
  clock.advance(50);
  data(1);
  clock.advance(50);
  assert.deepEqual(delivered, [1]);
  assert.equal(transmitted.length, 1);
  assert.equal(s.counters.rxDuplicate, 1);
});

test('PPP answering inside deliver() piggybacks the ack at once (re-entrant use)', () => {
  const clock = new ManualClock();
  const sentPackets: Uint8Array[] = [];
  const s: GreCallSequencer = new GreCallSequencer({
    clock,
    peerCallId: 7,
    deliver: () => sentPackets.push(s.encapsulate(LCP)!),
    transmit: (p) => sentPackets.push(p),
  });
  s.receive(encodeGrePacket({ callId: 1, sequenceNumber: 1 }, LCP));
  clock.advance(100);
  assert.equal(sentPackets.length, 1);
  assert.equal(greAck(sentPackets[0]!), 1);
});

test('encapsulateInPlace writes the header into the headroom before the frame, zero copy', () => {
  const { s } = sequencer();
  const buffer = new Uint8Array(16 + LCP.length);
  buffer.set(LCP, 16);
  const start = s.encapsulateInPlace(buffer, 16, LCP.length);
  assert.equal(start, 4, '12-byte header without ack');
  assert.equal(greCallId(buffer.subarray(start)), 0xdc6d);
  assert.deepEqual(grePayload(buffer.subarray(start)), LCP);
  assert.throws(() => s.encapsulateInPlace(new Uint8Array(20), 4, 4), /headroom/);
});

test('after close() nothing is sent, delivered or timed', () => {
  const { clock, transmitted, delivered, data, s } = sequencer();
  data(1);
  s.close();
  data(2);
  clock.advance(1000);
  assert.deepEqual([delivered, transmitted.length, s.encapsulate(LCP)], [[1], 0, undefined]);
  assert.equal(clock.pendingCount, 0);
});
