// Interop oracle: GRE packets we produce (codec and sequencer) are written to a pcap as IPv4 protocol 47
// and decoded by tshark: its GRE fields must match and nothing may be malformed (anchors §5.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@switchyard/core/testing';
import { hex } from '@switchyard/wire';
import { GreCallSequencer } from '../machine/call-sequencer.js';
import { ipv4Packet, pcapFile } from '@switchyard/wire/testing';
import { tsharkAvailable, tsharkFields } from '@switchyard/wire/testing';
import { IP_PROTOCOL_GRE } from './constants.js';
import { encodeGreAck, encodeGrePacket } from './gre-packet.js';

const skip = tsharkAvailable() ? false : 'tshark not installed (apt-get install tshark); CI installs it';
const LCP_CONF_REQ = hex('ff 03 c0 21 01 01 00 0e 01 04 05 78 05 06 12 34 56 78');
const LCP_ECHO = hex('c0 21 09 07 00 08 12 34 56 78'); // ACFC form (anchors §6 #12)
const FIELDS = [
  'gre.flags.sequence_number',
  'gre.flags.ack',
  'gre.flags.version',
  'gre.key.payload_length',
  'gre.key.call_id',
  'gre.sequence_number',
  'gre.ack_number',
  'ppp.protocol',
  '_ws.malformed',
  '_ws.expert.severity',
];

function dissect(packets: readonly Uint8Array[]): string[][] {
  const records = packets.map((gre, i) => ({
    timeMs: i,
    data: ipv4Packet('192.0.2.1', '192.0.2.2', IP_PROTOCOL_GRE, gre),
  }));
  return tsharkFields(pcapFile(records), FIELDS) ?? [];
}

test(
  'tshark decodes our data, data+ack and ack-only packets with the fields we wrote (RFC 2637 §4.1)',
  { skip },
  () => {
    const rows = dissect([
      encodeGrePacket({ callId: 0x1234, sequenceNumber: 0 }, LCP_CONF_REQ),
      encodeGrePacket({ callId: 56429, sequenceNumber: 0xffffffff, acknowledgmentNumber: 7 }, LCP_ECHO),
      encodeGreAck(128, 5),
    ]);
    assert.deepEqual(rows, [
      ['1', '0', '1', '18', '4660', '0', '', '0xc021', '', ''],
      ['1', '1', '1', '10', '56429', '4294967295', '7', '0xc021', '', ''],
      ['0', '1', '1', '0', '128', '', '5', '', '', ''],
    ]);
  },
);

test(
  "tshark finds nothing wrong in a sequencer's output: piggybacked acks and idle ack-only packets",
  { skip },
  () => {
    const clock = new ManualClock();
    const out: Uint8Array[] = [];
    const s = new GreCallSequencer({
      clock,
      peerCallId: 56429,
      deliver: () => {},
      transmit: (p) => out.push(p),
    });
    out.push(s.encapsulate(LCP_CONF_REQ)!);
    s.receive(encodeGrePacket({ callId: 1, sequenceNumber: 1 }, LCP_CONF_REQ));
    out.push(s.encapsulate(LCP_ECHO)!);
    s.receive(encodeGrePacket({ callId: 1, sequenceNumber: 2 }, LCP_ECHO));
    clock.advance(50);
    const rows = dissect(out);
    assert.deepEqual(
      rows.map((r) => [r[5], r[6], r[8], r[9]]),
      [
        ['1', '', '', ''],
        ['2', '1', '', ''],
        ['', '2', '', ''],
      ],
    );
  },
);

test(
  'the tshark check does catch a broken packet (negative control: truncated LCP inside GRE)',
  { skip },
  () => {
    const rows = dissect([encodeGrePacket({ callId: 1, sequenceNumber: 1 }, LCP_CONF_REQ.subarray(0, 12))]);
    assert.notEqual(rows[0]?.[8], '');
  },
);
