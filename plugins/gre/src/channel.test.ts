// GreChannel's hand-over to PPP: control frames are copied out of the (reused) receive buffer, the
// data path's MPPE frames are handed over as they are, since decryption consumes them at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { hex } from '@switchyard/wire';
import { GreChannel, type GreChannelHost, isCompressedDatagram } from './channel.js';
import { encodeGrePacket, grePayload, greSeq } from './codec/gre-packet.js';

const PARAMS = { peerAddress: '192.0.2.1', localCallId: 1, peerCallId: 2, peerReceiveWindow: 64 };

/** An endpoint stand-in: records what the channel sends and whether it said it closed. */
function recordingHost() {
  const sent: Uint8Array[] = [];
  const closed: GreChannel[] = [];
  const host: GreChannelHost = {
    channelTransmit: (packet) => sent.push(packet),
    channelFrame: (frame, channel) => sent.push(channel.sequencer.encapsulate(frame)!),
    channelClosed: (channel) => closed.push(channel),
  };
  return { host, sent, closed };
}

test('isCompressedDatagram: protocol 0x00FD with or without FF 03 and PFC, nothing else', () => {
  for (const frame of ['fd9001', '00fd9001', 'ff03fd9001', 'ff0300fd9001'])
    assert.ok(isCompressedDatagram(hex(frame)), frame);
  for (const frame of ['c02101', 'ff03c02101', '002145', '2145', 'fe', 'ff03', '']) {
    assert.ok(!isCompressedDatagram(hex(frame)), frame);
  }
});

test('a control frame is delivered as a copy, an MPPE frame as the received bytes themselves', () => {
  const channel = new GreChannel(PARAMS, new ManualClock(), recordingHost().host);
  const seen: Uint8Array[] = [];
  channel.deliverTo({ frame: (frame) => seen.push(frame), end: () => {} });
  const lcp = encodeGrePacket({ callId: 1, sequenceNumber: 1 }, hex('ff03c021010100040000'));
  const mppe = encodeGrePacket({ callId: 1, sequenceNumber: 2 }, hex('fd9000aabbcc'));
  channel.receive(lcp);
  channel.receive(mppe);
  assert.equal(seen.length, 2);
  assert.notEqual(seen[0]?.buffer, lcp.buffer, 'copied: PPP may keep it after the receive buffer is reused');
  assert.equal(seen[1]?.buffer, mppe.buffer, 'not copied');
  assert.deepEqual(seen[1], hex('fd9000aabbcc'));
  channel.close();
});

test('frames received out of order from one reused buffer are delivered in order and intact', () => {
  const channel = new GreChannel(PARAMS, new ManualClock(), recordingHost().host);
  const seen: string[] = [];
  // A consumer that reads each frame during the call only, as PPP and MPPE do (copying would hide a bug).
  channel.deliverTo({ frame: (frame) => seen.push(Buffer.from(frame).toString('hex')), end: () => {} });
  const packets = [1, 2, 3].map((n) =>
    encodeGrePacket({ callId: 1, sequenceNumber: n }, hex(`fd900${n}aabbcc`)),
  );
  // The endpoint hands each packet over as a view into one receive slab that the next batch overwrites.
  const slab = new Uint8Array(64);
  const receiveFromSlab = (packet: Uint8Array) => {
    slab.fill(0xee);
    slab.set(packet);
    channel.receive(slab.subarray(0, packet.length));
  };
  receiveFromSlab(packets[0] as Uint8Array);
  receiveFromSlab(packets[2] as Uint8Array); // 3 overtakes 2: buffered, so it must not stay a view
  receiveFromSlab(packets[1] as Uint8Array);
  assert.deepEqual(seen, ['fd9001aabbcc', 'fd9002aabbcc', 'fd9003aabbcc']);
  channel.close();
});

test('frames go out through the host numbered by the sequencer; acks too; close tells host and receiver once', () => {
  const clock = new ManualClock();
  const { host, sent, closed } = recordingHost();
  const channel = new GreChannel(PARAMS, clock, host, { ackDelayMs: 50 });
  let ended = 0;
  channel.deliverTo({ frame: () => {}, end: () => ended++ });
  channel.send(hex('ff03c021090100081234'));
  channel.send(hex('ff03c021090200081234'));
  assert.deepEqual(
    sent.map((p) => greSeq(p)),
    [1, 2],
  );
  assert.deepEqual(grePayload(sent[1]!), hex('ff03c021090200081234'));
  channel.receive(encodeGrePacket({ callId: 1, sequenceNumber: 7 }, hex('ff03c021010100040000')));
  clock.advance(50); // nothing to piggyback on: an acknowledgment-only packet through the host
  assert.equal(sent.length, 3);
  assert.equal(greSeq(sent[2]!), -1);
  channel.close();
  channel.close();
  channel.send(hex('ff03c021090300081234'));
  assert.equal(sent.length, 3, 'nothing is sent after close');
  assert.deepEqual(closed, [channel]);
  assert.equal(ended, 1);
  let late = 0;
  channel.deliverTo({ frame: () => assert.fail('no frame after close'), end: () => late++ });
  assert.equal(late, 1, 'a receiver attached after close hears the end at once');
});
