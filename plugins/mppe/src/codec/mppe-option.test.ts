import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeededBytes } from '@switchyard/crypto/testing';
import { decodeCpPacket, PppProtocol, decodePppFrame } from '@switchyard/ppp';
import { clientCcpConfReq, serverCcpConfReq } from '@switchyard/ppp/testing';
import { hex } from '@switchyard/wire';
import {
  MppeBit,
  decodeMppeBits,
  encodeMppeBits,
  formatMppeBits,
  isStateless,
  mppeBits,
  mppeMethodName,
  strengthsIn,
} from './mppe-option.js';

test('bit values are RFC 3078 §2: H 0x01000000, M 0x80, S 0x40, L 0x20, D 0x10, C 0x01', () => {
  assert.deepEqual(
    [MppeBit.H, MppeBit.M, MppeBit.S, MppeBit.L, MppeBit.D, MppeBit.C],
    [0x01000000, 0x80, 0x40, 0x20, 0x10, 0x01],
  );
});

test('decodes the captured pppd option 12 06 01 00 00 40 as +H +S (128-bit stateless)', () => {
  for (const captured of [clientCcpConfReq, serverCcpConfReq]) {
    const frame = decodePppFrame(captured.bytes);
    assert.ok(frame.ok && frame.value.protocol === PppProtocol.CCP);
    const packet = decodeCpPacket(frame.value.payload, PppProtocol.CCP);
    assert.ok(packet.ok && packet.value.kind === 'configure');
    const option = packet.value.options[0];
    assert.equal(option?.type, 18);
    const bits = decodeMppeBits(option.data);
    assert.equal(bits, 0x01000040);
    assert.deepEqual(strengthsIn(bits ?? 0), [128]);
    assert.equal(isStateless(bits ?? 0), true);
    assert.equal(formatMppeBits(bits ?? 0), '<mppe +H -M +S -L -D -C>');
    assert.deepEqual(encodeMppeBits(bits ?? 0), hex('01 00 00 40'));
  }
});

test('round-trips every 32-bit pattern it is given; wrong lengths decode to undefined (→ Reject)', () => {
  const random = new SeededBytes(18);
  for (let n = 0; n < 2000; n++) {
    const bits = random.next32() >>> 0;
    assert.equal(decodeMppeBits(encodeMppeBits(bits)), bits);
  }
  for (const length of [0, 1, 2, 3, 5, 6]) assert.equal(decodeMppeBits(new Uint8Array(length)), undefined);
});

test('formats like pppd ccp_printpkt, with +U and the raw octets for reserved bits', () => {
  assert.equal(formatMppeBits(0x01000000), '<mppe +H -M -S -L -D -C>'); // Windows' first request
  assert.equal(formatMppeBits(0x01000060), '<mppe +H -M +S +L -D -C>');
  assert.equal(formatMppeBits(0x000000f1), '<mppe -H +M +S +L +D +C>');
  assert.equal(formatMppeBits(0x01000248), '<mppe +H -M +S -L -D -C +U (01 00 02 48)>');
});

test('strengths are listed strongest first and mppeBits builds one option', () => {
  assert.deepEqual(strengthsIn(0xe0), [128, 56, 40]);
  assert.deepEqual(strengthsIn(0x01000000), []);
  assert.equal(mppeBits(128, true), 0x01000040);
  assert.equal(mppeBits(40, false), 0x20);
  assert.equal(mppeBits(56, true), 0x01000080);
});

test("pppd's method names: 'MPPE 128-bit stateless', 'MPPE 40-bit stateful'", () => {
  assert.equal(mppeMethodName(0x01000040), 'MPPE 128-bit stateless');
  assert.equal(mppeMethodName(0x20), 'MPPE 40-bit stateful');
});
