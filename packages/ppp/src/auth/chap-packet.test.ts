// CHAP codec: byte-exact decoding of the packets pppd and the Linux client exchanged, round trips,
// and the length rules of RFC 1994 §4 (every truncation fails, padding is ignored).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex, toHex } from '@switchyard/wire';
import { CAPTURED_CHAP, capturedSession, capturedWrongPassword } from './captured-chap.js';
import {
  type ChapPacket,
  chapStatusPacket,
  chapValuePacket,
  decodeChapPacket,
  encodeChapPacket,
} from './chap-packet.js';
import { utf8 } from './exchange-support.js';

function decode(bytes: Uint8Array): ChapPacket {
  const decoded = decodeChapPacket(bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
  return decoded.value;
}

test('the captured Challenge decodes to id 0xa3, a 16-byte value and name "Nanu-VPN" (RFC 1994 §4.1)', () => {
  const packet = decode(capturedSession.challenge);
  assert.equal(packet.kind, 'challenge');
  assert.equal(packet.code, 1);
  assert.equal(packet.identifier, 0xa3);
  assert.ok(packet.kind === 'challenge');
  assert.equal(toHex(packet.value), '253e91f9e90993f78b65b78ead46a98b');
  assert.deepEqual(packet.name, utf8('Nanu-VPN'));
});

test('the captured MS-CHAPv2 Response decodes to a 49-byte value and name "vpn1" (RFC 2759 §4)', () => {
  const packet = decode(capturedSession.response);
  assert.ok(packet.kind === 'response');
  assert.equal(packet.identifier, 0xa3);
  assert.equal(packet.value.length, 49);
  assert.equal(toHex(packet.value.subarray(0, 16)), 'f0f97d980a151f30fddca3320e575123');
  assert.deepEqual(packet.name, utf8('vpn1'));
});

test('the captured Success and Failure decode to their messages (RFC 1994 §4.2)', () => {
  const success = decode(capturedSession.status);
  assert.ok(success.kind === 'success');
  assert.equal(
    Buffer.from(success.message).toString(),
    'S=F71A8401784AB252DD05F2911739F8D0A57424CD M=Access granted',
  );
  const failure = decode(capturedWrongPassword.status);
  assert.ok(failure.kind === 'failure');
  assert.equal(failure.code, 4);
  assert.equal(
    Buffer.from(failure.message).toString(),
    'E=691 R=1 C=4e53b7d3c898aff36e286931c6c43943 V=0 M=Access denied',
  );
});

test('every captured CHAP packet re-encodes to the captured bytes', () => {
  for (const exchange of CAPTURED_CHAP) {
    for (const bytes of [exchange.challenge, exchange.response, exchange.status]) {
      assert.deepEqual(encodeChapPacket(decode(bytes)), bytes, exchange.source);
    }
  }
});

test('encoding builds the same bytes pppd sent for the Challenge and the Success', () => {
  const challenge = chapValuePacket(
    'challenge',
    0xa3,
    hex('253e91f9e90993f78b65b78ead46a98b'),
    utf8('Nanu-VPN'),
  );
  assert.deepEqual(encodeChapPacket(challenge), capturedSession.challenge);
  const success = chapStatusPacket(
    'success',
    0xa3,
    utf8('S=F71A8401784AB252DD05F2911739F8D0A57424CD M=Access granted'),
  );
  assert.deepEqual(encodeChapPacket(success), capturedSession.status);
});

test('every truncation of a captured packet fails to decode, never throws (RFC 1994 §4 Length)', () => {
  for (const exchange of CAPTURED_CHAP) {
    for (const bytes of [exchange.challenge, exchange.response, exchange.status]) {
      for (let cut = 0; cut < bytes.length; cut++) {
        const decoded = decodeChapPacket(bytes.subarray(0, cut));
        assert.equal(decoded.ok, false, `${exchange.source} cut at ${cut}`);
      }
    }
  }
});

test('octets beyond Length are padding and ignored', () => {
  const padded = new Uint8Array(capturedSession.challenge.length + 3);
  padded.set(capturedSession.challenge);
  padded.fill(0xee, capturedSession.challenge.length);
  const packet = decode(padded);
  assert.ok(packet.kind === 'challenge');
  assert.deepEqual(packet.name, utf8('Nanu-VPN'));
});

test('Length below 4, Value-Size 0 and a Value-Size that overruns are refused with a reason', () => {
  const reason = (text: string) => {
    const decoded = decodeChapPacket(hex(text));
    assert.equal(decoded.ok, false);
    return decoded.ok ? '' : decoded.error.reason;
  };
  assert.equal(reason('01 01 00 03'), 'bad-length');
  assert.equal(reason('01 01 00 05 00'), 'bad-value-size');
  assert.equal(reason('02 01 00 06 05 aa'), 'bad-value-size');
  assert.equal(reason('01 01 00 04'), 'truncated');
  assert.equal(reason('03 01 00 09 41'), 'truncated');
});

test('an empty Name and an empty Message are valid; unknown codes decode as numbers', () => {
  const challenge = decode(hex('01 07 00 06 01 aa'));
  assert.ok(challenge.kind === 'challenge');
  assert.equal(challenge.name.length, 0);
  const success = decode(hex('03 07 00 04'));
  assert.ok(success.kind === 'success');
  assert.equal(success.message.length, 0);
  const changePassword = decode(hex('07 08 00 06 01 02'));
  assert.deepEqual(changePassword, { kind: 'unknown', code: 7, identifier: 8, data: hex('01 02') });
  assert.deepEqual(encodeChapPacket(changePassword), hex('07 08 00 06 01 02'));
});

test('encoding a Value of 0 or 256 bytes is a caller bug and throws', () => {
  assert.throws(
    () => encodeChapPacket(chapValuePacket('response', 1, new Uint8Array(0), utf8('x'))),
    RangeError,
  );
  assert.throws(
    () => encodeChapPacket(chapValuePacket('response', 1, new Uint8Array(256), utf8('x'))),
    RangeError,
  );
});
