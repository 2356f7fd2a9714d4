// GreChannel's hand-over to PPP: control frames are copied out of the (reused) receive buffer, the
// data path's MPPE frames are handed over as they are, since decryption consumes them at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { hex } from '@switchyard/wire';
import { GreChannel, isCompressedDatagram } from './channel.js';
import { encodeGrePacket } from './codec/gre-packet.js';

test('isCompressedDatagram: protocol 0x00FD with or without FF 03 and PFC, nothing else', () => {
  for (const frame of ['fd9001', '00fd9001', 'ff03fd9001', 'ff0300fd9001'])
    assert.ok(isCompressedDatagram(hex(frame)), frame);
  for (const frame of ['c02101', 'ff03c02101', '002145', '2145', 'fe', 'ff03', '']) {
    assert.ok(!isCompressedDatagram(hex(frame)), frame);
  }
});

test('a control frame is delivered as a copy, an MPPE frame as the received bytes themselves', () => {
  const channel = new GreChannel(
    { peerAddress: '192.0.2.1', localCallId: 1, peerCallId: 2, peerReceiveWindow: 64 },
    new ManualClock(),
    () => {},
    () => {},
  );
  const seen: Uint8Array[] = [];
  channel.frames$.subscribe((frame) => seen.push(frame));
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
