// PAP codec (RFC 1334 §2.2): Authenticate-Request with counted Peer-ID and Password, Ack/Nak with a
// counted Message; round trips, length checks, pppd's tolerance of a missing Msg-Length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { utf8 } from './exchange-support.js';
import { type PapPacket, decodePapPacket, encodePapPacket, papReplyPacket } from './pap-packet.js';

// pppd upap_sauthreq's packet for user "vpn1", password "123456", id 1.
const REQUEST = hex('01 01 00 10 04 76 70 6e 31 06 31 32 33 34 35 36');
// pppd upap_sresp's Ack "Login ok".
const ACK = hex('02 01 00 0d 08 4c 6f 67 69 6e 20 6f 6b');

function decode(bytes: Uint8Array): PapPacket {
  const decoded = decodePapPacket(bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
  return decoded.value;
}

test('Authenticate-Request decodes to Peer-ID and Password and re-encodes exactly (RFC 1334 §2.2.1)', () => {
  const packet = decode(REQUEST);
  assert.ok(packet.kind === 'request');
  assert.equal(packet.identifier, 1);
  assert.deepEqual(packet.peerId, utf8('vpn1'));
  assert.deepEqual(packet.password, utf8('123456'));
  assert.deepEqual(encodePapPacket(packet), REQUEST);
});

test('Authenticate-Ack and -Nak carry a counted message (RFC 1334 §2.2.2)', () => {
  const ack = decode(ACK);
  assert.deepEqual(ack, papReplyPacket('ack', 1, utf8('Login ok')));
  assert.deepEqual(encodePapPacket(ack), ACK);
  const nak = papReplyPacket('nak', 9, utf8('Login incorrect'));
  assert.deepEqual(decode(encodePapPacket(nak)), nak);
});

test('an Ack without Msg-Length is accepted as an empty message, as pppd does', () => {
  const ack = decode(hex('02 05 00 04'));
  assert.ok(ack.kind === 'ack');
  assert.equal(ack.message.length, 0);
});

test('empty Peer-ID and Password are valid; lengths that overrun are refused', () => {
  const empty = decode(hex('01 02 00 06 00 00'));
  assert.ok(empty.kind === 'request');
  assert.equal(empty.peerId.length + empty.password.length, 0);
  const reason = (text: string) => {
    const decoded = decodePapPacket(hex(text));
    return decoded.ok ? 'ok' : decoded.error.reason;
  };
  assert.equal(reason('01 02 00 06 05 00'), 'bad-peer-id-length');
  assert.equal(reason('01 02 00 07 01 41 03'), 'bad-passwd-length');
  assert.equal(reason('01 02 00 05 00'), 'bad-passwd-length');
  assert.equal(reason('02 02 00 06 09 41'), 'bad-msg-length');
  assert.equal(reason('01 02 00 02'), 'bad-length');
});

test('every truncation of a request fails to decode; padding beyond Length is ignored', () => {
  for (let cut = 0; cut < REQUEST.length; cut++)
    assert.equal(decodePapPacket(REQUEST.subarray(0, cut)).ok, false);
  const padded = new Uint8Array(REQUEST.length + 4);
  padded.set(REQUEST);
  assert.deepEqual(encodePapPacket(decode(padded)), REQUEST);
});

test('unknown codes decode as numbers; a 256-byte field is a caller bug', () => {
  assert.deepEqual(decode(hex('09 01 00 05 ff')), {
    kind: 'unknown',
    code: 9,
    identifier: 1,
    data: hex('ff'),
  });
  const long = {
    kind: 'request',
    code: 1,
    identifier: 1,
    peerId: new Uint8Array(256),
    password: new Uint8Array(0),
  } as const;
  assert.throws(() => encodePapPacket(long), RangeError);
});
