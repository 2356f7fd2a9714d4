// PPP frames over GRE (RFC 1661 §6.5–6.6, anchors §6 #12): both ACFC/PFC forms decoded, LCP never
// compressed on output, captured pppd frames re-encoded byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex, toHex } from '@switchyard/wire';
import {
  CAPTURED_FRAMES,
  clientLcpEchoReq,
  clientMppeData,
  serverCcpConfReq,
  serverChapChallenge,
  serverIpcpConfRej,
  serverLcpConfReq,
  serverLcpEchoRep,
  serverLcpTermAck,
} from '../testing/index.js';
import { UNCOMPRESSED_FRAMING, decodePppFrame, encodePppFrame } from './ppp-frame.js';
import { PppProtocol } from './protocols.js';

function decodeOk(bytes: Uint8Array) {
  const decoded = decodePppFrame(bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
  return decoded.value;
}

test('every captured frame decodes to a known protocol (session and wrong-password captures)', () => {
  const known = new Set<number>(Object.values(PppProtocol));
  for (const fixture of CAPTURED_FRAMES)
    assert.ok(known.has(decodeOk(fixture.bytes).protocol), `frame ${fixture.frame}`);
});

test('FF 03 and a 2-byte protocol are recognised (RFC 1661 §6.6; session frame 14)', () => {
  const frame = decodeOk(serverLcpConfReq.bytes);
  assert.equal(frame.protocol, PppProtocol.LCP);
  assert.equal(frame.addressControl, true);
  assert.equal(frame.protocolFieldLength, 2);
  assert.deepEqual(frame.payload, serverLcpConfReq.bytes.subarray(4));
});

test('a frame without FF 03 is accepted whatever was negotiated (ACFC, anchors §6 #12; session frame 17)', () => {
  const frame = decodeOk(clientLcpEchoReq.bytes);
  assert.equal(frame.protocol, PppProtocol.LCP);
  assert.equal(frame.addressControl, false);
  assert.equal(toHex(frame.payload), '09000008ff95ae08');
});

test('an odd first protocol octet is a 1-byte protocol (PFC, RFC 1661 §6.5; MPPE frame 37)', () => {
  const frame = decodeOk(clientMppeData.bytes);
  assert.equal(frame.protocol, PppProtocol.COMPRESSED);
  assert.equal(frame.protocolFieldLength, 1);
  assert.equal(frame.addressControl, false);
  assert.equal(toHex(frame.payload.subarray(0, 2)), '9000');
  assert.equal(decodeOk(hex('ff 03 21 45 00')).protocol, PppProtocol.IP);
});

test('short or malformed frames decode to { ok: false }, never a throw', () => {
  for (const [bytes, reason] of [
    ['', 'truncated'],
    ['ff', 'truncated'],
    ['ff 03', 'truncated'],
    ['ff 03 c0', 'truncated'],
    ['c0', 'truncated'],
    ['ff 02 c0 21', 'bad-control'],
  ] as const) {
    const decoded = decodePppFrame(hex(bytes));
    assert.ok(!decoded.ok, bytes);
    assert.equal(decoded.error.reason, reason, bytes);
  }
});

test('LCP always keeps FF 03 and the 2-byte protocol, even with ACFC and PFC (RFC 1661 §6.5–6.6)', () => {
  const payload = decodeOk(serverLcpConfReq.bytes).payload;
  assert.deepEqual(
    encodePppFrame(PppProtocol.LCP, payload, { acfc: true, pfc: true }),
    serverLcpConfReq.bytes,
  );
  assert.deepEqual(
    encodePppFrame(PppProtocol.LCP, decodeOk(serverLcpTermAck.bytes).payload),
    serverLcpTermAck.bytes,
  );
});

test('our Echo-Reply frame differs from Linux pptp.ko only by FF 03 (Linux forces it for codes 1–7 only)', () => {
  const payload = decodeOk(serverLcpEchoRep.bytes).payload;
  const ours = encodePppFrame(PppProtocol.LCP, payload, { acfc: true, pfc: true });
  assert.equal(toHex(ours), 'ff03' + toHex(serverLcpEchoRep.bytes));
});

test('with ACFC the FF 03 is dropped for other protocols, reproducing pppd frames byte for byte', () => {
  for (const fixture of [serverChapChallenge, serverCcpConfReq, serverIpcpConfRej]) {
    const { protocol, payload } = decodeOk(fixture.bytes);
    assert.deepEqual(
      encodePppFrame(protocol, payload, { acfc: true, pfc: true }),
      fixture.bytes,
      `frame ${fixture.frame}`,
    );
  }
});

test('PFC shortens only protocols 0x00xx with an odd low octet (RFC 1661 §6.5)', () => {
  const data = hex('45');
  assert.equal(toHex(encodePppFrame(PppProtocol.IP, data, { acfc: true, pfc: true })), '2145');
  assert.equal(toHex(encodePppFrame(PppProtocol.IP, data, { acfc: false, pfc: true })), 'ff032145');
  assert.equal(toHex(encodePppFrame(PppProtocol.IP, data)), 'ff03002145');
  assert.equal(toHex(encodePppFrame(PppProtocol.IPCP, data, { acfc: true, pfc: true })), '802145');
  assert.equal(toHex(encodePppFrame(0x0022, data, { acfc: true, pfc: true })), '002245');
});

test('decode then encode with the observed framing round-trips every captured frame', () => {
  for (const fixture of CAPTURED_FRAMES) {
    const frame = decodeOk(fixture.bytes);
    if (frame.protocol === PppProtocol.LCP && !frame.addressControl) continue; // Linux's compressed LCP Echo
    const framing = { acfc: !frame.addressControl, pfc: frame.protocolFieldLength === 1 };
    assert.deepEqual(
      encodePppFrame(frame.protocol, frame.payload, framing),
      fixture.bytes,
      `frame ${fixture.frame}`,
    );
  }
});

test('with headroom the header is written in front of the payload, in its own buffer: same bytes, no copy', () => {
  const buffer = new Uint8Array(4 + 3);
  const payload = buffer.subarray(4);
  payload.set([0x90, 0x00, 0xaa]);
  const compressed = encodePppFrame(PppProtocol.COMPRESSED, payload, { acfc: true, pfc: true }, 4);
  assert.equal(toHex(compressed), 'fd9000aa');
  assert.equal(compressed.buffer, buffer.buffer, 'a view of the payload’s buffer');
  const full = encodePppFrame(PppProtocol.COMPRESSED, payload, UNCOMPRESSED_FRAMING, 4);
  assert.equal(toHex(full), 'ff0300fd9000aa');
  assert.equal(full.buffer, buffer.buffer);
});

test('without enough headroom (or none offered) the frame is a new buffer and the payload is untouched', () => {
  const buffer = new Uint8Array(2 + 2).fill(0x11);
  const payload = buffer.subarray(2);
  const frame = encodePppFrame(PppProtocol.COMPRESSED, payload, UNCOMPRESSED_FRAMING, 2);
  assert.equal(toHex(frame), 'ff0300fd1111');
  assert.notEqual(frame.buffer, buffer.buffer);
  assert.equal(toHex(buffer), '11111111');
  assert.notEqual(encodePppFrame(PppProtocol.IP, payload, { acfc: true, pfc: true }).buffer, buffer.buffer);
});
