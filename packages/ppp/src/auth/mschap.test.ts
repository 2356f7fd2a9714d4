// MS-CHAP sub-formats: the 49-byte Response Values (RFC 2433 §6, RFC 2759 §4) and the Success/Failure
// message grammar (RFC 2759 §5-6, RFC 2433 §8), checked against what pppd sent in the captures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex, toHex } from '@switchyard/wire';
import { capturedSession } from './captured-chap.js';
import { decodeChapPacket } from './chap-packet.js';
import {
  formatMschapFailure,
  formatMschapV2Success,
  mschapV2SuccessMessage,
  parseMschapFailure,
} from './mschap-message.js';
import {
  decodeMschapV1Response,
  decodeMschapV2Response,
  encodeMschapV1Response,
  encodeMschapV2Response,
} from './mschap-value.js';

test('the captured v2 Response Value splits into Peer-Challenge, NT-Response and Flags (RFC 2759 §4)', () => {
  const packet = decodeChapPacket(capturedSession.response);
  assert.ok(packet.ok && packet.value.kind === 'response');
  const value = decodeMschapV2Response(packet.value.value);
  assert.ok(value.ok);
  assert.equal(toHex(value.value.peerChallenge), 'f0f97d980a151f30fddca3320e575123');
  assert.equal(toHex(value.value.ntResponse), '601163c785d2fec080f397222e7c703d41d5e9593939b5f8');
  assert.equal(value.value.flags, 0);
  assert.deepEqual(encodeMschapV2Response(value.value), packet.value.value);
});

test('v1 Values: zero LM-Response and use-NT flag 1 on encode; any other length is refused', () => {
  const nt = hex('4E 9D 3C 8F 9C FD 38 5D 5B F4 D3 24 67 91 95 6C A4 C3 51 AB 40 9A 3D 61');
  const value = encodeMschapV1Response(nt);
  assert.equal(value.length, 49);
  const decoded = decodeMschapV1Response(value);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value.lmResponse, new Uint8Array(24));
  assert.deepEqual(decoded.value.ntResponse, nt);
  assert.equal(decoded.value.useNt, true);
  assert.equal(decodeMschapV1Response(new Uint8Array(48)).ok, false);
  assert.equal(decodeMschapV2Response(new Uint8Array(50)).ok, false);
});

test('Failure text: E, R, C (lowercase hex, as pppd prints it), V, M in RFC 2759 §6 order', () => {
  const challenge = hex('4e53b7d3c898aff36e286931c6c43943');
  assert.equal(
    formatMschapFailure({ error: 691, retry: true, challenge, version: 0, message: 'Access denied' }),
    'E=691 R=1 C=4e53b7d3c898aff36e286931c6c43943 V=0 M=Access denied', // pppd's exact text
  );
  assert.equal(formatMschapFailure({ error: 691, retry: false }), 'E=691 R=0');
});

test('Failure parsing takes fields in any order, ignores unknown text, and keeps M= whole', () => {
  const parsed = parseMschapFailure(
    'E=691 R=1 C=4E53B7D3C898AFF36E286931C6C43943 V=3 M=Access denied, try again',
  );
  assert.deepEqual(parsed, {
    error: 691,
    retry: true,
    challenge: hex('4e53b7d3c898aff36e286931c6c43943'),
    version: 3,
    message: 'Access denied, try again',
  });
  assert.deepEqual(parseMschapFailure('X=1 R=0 E=648'), { error: 648, retry: false });
  assert.deepEqual(parseMschapFailure('E=691 R=1 C=zz V=0'), { error: 691, retry: true, version: 0 });
  assert.equal(parseMschapFailure('Access denied'), undefined);
});

test('v2 Success text: "S=<40 hex> M=Access granted", or S= alone (pppd when Flags is set)', () => {
  const s = 'S=F71A8401784AB252DD05F2911739F8D0A57424CD';
  assert.equal(formatMschapV2Success(s, 'Access granted'), `${s} M=Access granted`);
  assert.equal(formatMschapV2Success(s), s);
  assert.equal(mschapV2SuccessMessage(`${s} M=Access granted`), 'Access granted');
  assert.equal(mschapV2SuccessMessage(s), undefined);
});
