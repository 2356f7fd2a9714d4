// Control-packet codec (RFC 1661 §5): round trips, byte-exact decoding of captured LCP/IPCP/CCP packets,
// every truncation and each malformation reported as { ok: false } with its offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex, toHex } from '@switchyard/wire';
import {
  CAPTURED_FRAMES,
  clientIpcpConfReq1,
  clientLcpEchoReq,
  clientLcpTermReq,
  serverLcpConfReq,
} from '../testing/index.js';
import { type CpPacket, decodeCpPacket, encodeCpPacket } from './cp-packet.js';
import { decodePppFrame } from './ppp-frame.js';
import { PppProtocol } from './protocols.js';

const CONTROL_PROTOCOLS: readonly number[] = [
  PppProtocol.LCP,
  PppProtocol.IPCP,
  PppProtocol.CCP,
  PppProtocol.IPV6CP,
];

/** The control packet inside a captured PPP frame. */
function payloadOf(bytes: Uint8Array): { protocol: number; payload: Uint8Array } {
  const frame = decodePppFrame(bytes);
  assert.ok(frame.ok);
  return frame.value;
}

function decodeOk(bytes: Uint8Array, protocol?: number): CpPacket {
  const decoded = decodeCpPacket(bytes, protocol);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
  return decoded.value;
}

test('LCP Configure-Request <mru 1400> <magic 0x1a2b3c4d> round-trips (STYLE §3.5)', () => {
  const bytes = hex('01 01 00 0e 01 04 05 78 05 06 1a 2b 3c 4d');
  const packet = decodeOk(bytes);
  assert.equal(packet.kind, 'configure');
  assert.deepEqual(encodeCpPacket(packet), bytes);
});

test('every captured LCP/IPCP/CCP/IPV6CP packet decodes and re-encodes byte for byte', () => {
  const controls = CAPTURED_FRAMES.filter((f) => CONTROL_PROTOCOLS.includes(payloadOf(f.bytes).protocol));
  assert.ok(controls.length >= 20);
  for (const fixture of controls) {
    const { protocol, payload } = payloadOf(fixture.bytes);
    assert.equal(
      toHex(encodeCpPacket(decodeOk(payload, protocol))),
      toHex(payload),
      `frame ${fixture.frame}`,
    );
  }
});

test('pppd LCP Configure-Request decodes field by field (session capture frame 14)', () => {
  const packet = decodeOk(payloadOf(serverLcpConfReq.bytes).payload);
  assert.ok(packet.kind === 'configure');
  assert.equal(packet.code, 1);
  assert.equal(packet.identifier, 1);
  assert.deepEqual(
    packet.options.map((o) => [o.type, toHex(o.data)]),
    [
      [2, '00000000'],
      [3, 'c22381'],
      [5, '4eeee626'],
      [7, ''],
      [8, ''],
    ],
  );
});

test('Echo-Request carries its Magic-Number (RFC 1661 §5.8; session frame 17)', () => {
  const packet = decodeOk(payloadOf(clientLcpEchoReq.bytes).payload);
  assert.ok(packet.kind === 'magic');
  assert.equal(packet.code, 9);
  assert.equal(packet.magicNumber, 0xff95ae08);
  assert.equal(packet.data.length, 0);
});

test('Terminate-Request keeps its data uninterpreted (RFC 1661 §5.5; session frame 94)', () => {
  const packet = decodeOk(payloadOf(clientLcpTermReq.bytes).payload);
  assert.ok(packet.kind === 'terminate');
  assert.equal(Buffer.from(packet.data).toString('latin1'), 'MPPE disabled');
});

test('IPCP options are listed in wire order, VJ first (session frame 27)', () => {
  const { protocol, payload } = payloadOf(clientIpcpConfReq1.bytes);
  const packet = decodeOk(payload, protocol);
  assert.ok(packet.kind === 'configure');
  assert.deepEqual(
    packet.options.map((o) => o.type),
    [2, 3, 129, 131],
  );
});

test('every truncation of a valid packet decodes to { ok: false }, never a throw', () => {
  for (const fixture of CAPTURED_FRAMES) {
    const { protocol, payload } = payloadOf(fixture.bytes);
    if (!CONTROL_PROTOCOLS.includes(protocol)) continue;
    for (let cut = 0; cut < payload.length; cut++) {
      const decoded = decodeCpPacket(payload.subarray(0, cut), protocol);
      assert.equal(decoded.ok, false, `frame ${fixture.frame} cut at ${cut}`);
    }
  }
});

test('octets beyond Length are padding and ignored (RFC 1661 §5 Length)', () => {
  const packet = decodeOk(hex('06 07 00 04 de ad be ef'));
  assert.deepEqual(packet, { kind: 'terminate', code: 6, identifier: 7, data: new Uint8Array(0) });
  assert.deepEqual(encodeCpPacket(packet), hex('06 07 00 04'));
});

test('a Length field below 4 or beyond the bytes present is malformed (RFC 1661 §5)', () => {
  const low = decodeCpPacket(hex('05 01 00 03 00'));
  assert.ok(!low.ok);
  assert.equal(low.error.reason, 'bad-length');
  assert.equal(low.error.offset, 2);
  const high = decodeCpPacket(hex('05 01 00 09 00'));
  assert.ok(!high.ok);
  assert.equal(high.error.reason, 'truncated');
  const short = decodeCpPacket(hex('05 01 00'));
  assert.ok(!short.ok);
  assert.equal(short.error.reason, 'truncated');
});

test('an option Length below 2 or running past the packet is malformed (RFC 1661 §6)', () => {
  for (const [bytes, reason, offset] of [
    ['01 01 00 06 01 01', 'bad-option-length', 5],
    ['01 01 00 06 01 00', 'bad-option-length', 5],
    ['01 01 00 09 01 04 05 78 05', 'truncated-option', 8],
    ['01 01 00 08 01 05 05 78', 'truncated-option', 5],
  ] as const) {
    const decoded = decodeCpPacket(hex(bytes));
    assert.ok(!decoded.ok, bytes);
    assert.equal(decoded.error.reason, reason, bytes);
    assert.equal(decoded.error.offset, offset, bytes);
  }
});

test('Echo, Discard and Identification need a 4-byte Magic-Number; Protocol-Reject a protocol (RFC 1661 §5.7–5.9)', () => {
  for (const bytes of ['09 01 00 07 00 00 00', '0b 01 00 04', '0c 01 00 06 00 00', '08 01 00 05 c0']) {
    const decoded = decodeCpPacket(hex(bytes));
    assert.ok(!decoded.ok, bytes);
    assert.equal(decoded.error.reason, 'truncated');
  }
});

test('Protocol-Reject and Code-Reject round-trip with their rejected contents (RFC 1661 §5.6–5.7)', () => {
  const protocolReject = decodeOk(hex('08 03 00 0a 80 57 01 01 00 04'));
  assert.deepEqual(protocolReject, {
    kind: 'protocolReject',
    code: 8,
    identifier: 3,
    rejectedProtocol: PppProtocol.IPV6CP,
    rejectedInformation: hex('01 01 00 04'),
  });
  assert.deepEqual(encodeCpPacket(protocolReject), hex('08 03 00 0a 80 57 01 01 00 04'));
  const codeReject = decodeOk(hex('07 04 00 08 0e 01 00 04'), PppProtocol.IPCP);
  assert.deepEqual(codeReject, {
    kind: 'codeReject',
    code: 7,
    identifier: 4,
    rejectedPacket: hex('0e 01 00 04'),
  });
});

test('codes outside the protocol decode as "other" so they can be Code-Rejected (RFC 1661 §5.6)', () => {
  assert.equal(decodeOk(hex('09 01 00 04'), PppProtocol.IPCP).kind, 'other');
  assert.equal(decodeOk(hex('0e 01 00 04'), PppProtocol.LCP).kind, 'other');
  assert.equal(decodeOk(hex('ff 01 00 04')).kind, 'other');
  assert.equal(decodeOk(hex('0c 01 00 0c 00 00 00 00 4d 53 52 41'), PppProtocol.LCP).kind, 'magic');
  const reset = decodeOk(hex('0e 05 00 06 ab cd'), PppProtocol.CCP);
  assert.deepEqual(reset, { kind: 'other', code: 14, identifier: 5, data: hex('ab cd') });
});

test('encoding an option value over 253 bytes is a caller bug and throws', () => {
  const packet: CpPacket = {
    kind: 'configure',
    code: 1,
    identifier: 1,
    options: [{ type: 1, data: new Uint8Array(254) }],
  };
  assert.throws(() => encodeCpPacket(packet), /exceeds 253/);
});
