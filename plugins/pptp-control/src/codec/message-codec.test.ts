import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hex, toHex } from '@switchyard/wire';
import * as captures from '../testing/captures.js';
import { randomBytes, seededRandom } from '@switchyard/wire/testing';
import { SAMPLE_MESSAGES } from '../testing/sample-messages.js';
import { CONTROL_MESSAGE_LENGTH, ControlMessageType, type ControlMessageName } from './constants.js';
import { KIND_SIZE, MESSAGE_LAYOUTS } from './layouts.js';
import { decodePptpMessage, encodePptpMessage } from './message-codec.js';
import type { PptpMessage } from './messages.js';

const NAMES = Object.keys(ControlMessageType) as ControlMessageName[];

function decodeOk(bytes: Uint8Array): PptpMessage {
  const decoded = decodePptpMessage(bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : `${decoded.error.reason}: ${decoded.error.message}`);
  return decoded.value;
}

test('every layout adds up to the exact message length of RFC 2637 §2 (anchors §0 table)', () => {
  for (const name of NAMES) {
    const body = MESSAGE_LAYOUTS[name].reduce((n, [, kind]) => n + KIND_SIZE[kind], 0);
    assert.equal(12 + body, CONTROL_MESSAGE_LENGTH[name], name);
  }
});

for (const name of NAMES) {
  test(`${name} round-trips through encode and decode with every field kept (RFC 2637 §2)`, () => {
    const message = SAMPLE_MESSAGES[name];
    const bytes = encodePptpMessage(message);
    assert.equal(bytes.length, CONTROL_MESSAGE_LENGTH[name]);
    assert.equal((bytes[8]! << 8) | bytes[9]!, ControlMessageType[name]);
    assert.deepEqual(decodePptpMessage(bytes), { ok: true, value: message });
  });

  test(`every truncation of ${name} decodes to { ok: false }, never a throw`, () => {
    const bytes = encodePptpMessage(SAMPLE_MESSAGES[name]);
    for (let n = 0; n < bytes.length; n++) {
      const decoded = decodePptpMessage(bytes.subarray(0, n));
      assert.equal(decoded.ok, false, `prefix of ${n} bytes`);
      if (!decoded.ok) assert.equal(decoded.error.reason, 'truncated');
    }
  });
}

test('pptpd SCCRP decodes field by field (ctrl-probe-stop frame 8; anchors §1.5)', () => {
  assert.deepEqual(decodeOk(captures.pptpdSccrp), {
    type: 'StartControlConnectionReply',
    protocolVersion: 0x0100,
    resultCode: 1,
    errorCode: 0,
    framingCapabilities: 0,
    bearerCapabilities: 0,
    maximumChannels: 1,
    firmwareRevision: 1,
    hostName: 'local',
    vendorString: 'linux',
  });
});

test('pptp-linux SCCRQ and OCRQ decode field by field (session frames 6 and 10)', () => {
  assert.deepEqual(decodeOk(captures.linuxSccrq), {
    type: 'StartControlConnectionRequest',
    protocolVersion: 0x0100,
    framingCapabilities: 3,
    bearerCapabilities: 3,
    maximumChannels: 65535,
    firmwareRevision: 1,
    hostName: 'local',
    vendorString: 'cananian',
  });
  assert.deepEqual(decodeOk(captures.linuxOcrq), {
    type: 'OutgoingCallRequest',
    callId: 56429,
    callSerialNumber: 0,
    minimumBps: 2400,
    maximumBps: 10_000_000,
    bearerType: 3,
    framingType: 3,
    packetRecvWindowSize: 3,
    packetProcessingDelay: 0,
    phoneNumberLength: 0,
    phoneNumber: '',
    subaddress: '',
  });
});

test('pptpd OCRP, SLI, Echo, Stop and CCRQ from the captures decode to the values tshark shows', () => {
  assert.deepEqual(decodeOk(captures.pptpdOcrp), {
    type: 'OutgoingCallReply',
    callId: 0,
    peerCallId: 56429,
    resultCode: 1,
    errorCode: 0,
    causeCode: 0,
    connectSpeed: 10_000_000,
    packetRecvWindowSize: 3,
    packetProcessingDelay: 0,
    physicalChannelId: 0,
  });
  assert.deepEqual(decodeOk(captures.probeSli), {
    type: 'SetLinkInfo',
    peerCallId: 0,
    sendAccm: 0xffffffff,
    receiveAccm: 0xffffffff,
  });
  assert.deepEqual(decodeOk(captures.probeEcrq), { type: 'EchoRequest', identifier: 0xbeef });
  assert.deepEqual(decodeOk(captures.pptpdEcrp), {
    type: 'EchoReply',
    identifier: 0xbeef,
    resultCode: 1,
    errorCode: 0,
  });
  assert.deepEqual(decodeOk(captures.probeStopCcrq), { type: 'StopControlConnectionRequest', reason: 1 });
  assert.deepEqual(decodeOk(captures.pptpdStopCcrp), {
    type: 'StopControlConnectionReply',
    resultCode: 1,
    errorCode: 0,
  });
  assert.deepEqual(decodeOk(captures.linuxCcrq), { type: 'CallClearRequest', callId: 56429 });
  assert.deepEqual(decodeOk(captures.probeCcrq), { type: 'CallClearRequest', callId: 16962 });
});

test('re-encoding every captured message reproduces the captured bytes exactly', () => {
  for (const [name, bytes] of Object.entries(captures)) {
    assert.equal(toHex(encodePptpMessage(decodeOk(bytes))), toHex(bytes), name);
  }
});

test('every truncation of every captured message decodes to { ok: false }', () => {
  for (const [name, bytes] of Object.entries(captures)) {
    for (let n = 0; n < bytes.length; n++)
      assert.equal(decodePptpMessage(bytes.subarray(0, n)).ok, false, `${name}/${n}`);
  }
});

test('a bad Magic Cookie is loss of sync (RFC 2637 §1.4)', () => {
  const bytes = captures.probeEcrq.slice();
  bytes[7] = 0x4e;
  const decoded = decodePptpMessage(bytes);
  assert.ok(!decoded.ok);
  assert.equal(decoded.error.reason, 'bad-magic-cookie');
  assert.equal(decoded.error.offset, 4);
});

test('Length must be the exact size of the message type (anchors §6 #10)', () => {
  const longer = hex('00 14 00 01 1a2b3c4d 0005 0000 0000beef 00000000');
  const decoded = decodePptpMessage(longer);
  assert.ok(!decoded.ok);
  assert.equal(decoded.error.reason, 'bad-length');
  const tiny = decodePptpMessage(hex('00 0b 00 01 1a2b3c4d 0005 00'));
  assert.ok(!tiny.ok);
  assert.equal(tiny.error.reason, 'bad-length');
});

test('PPTP Message Type 2 (management) and undefined control types are refused (RFC 2637 §1.4)', () => {
  const management = decodePptpMessage(hex('0010 0002 1a2b3c4d 0005 0000 00000001'));
  assert.ok(!management.ok);
  assert.equal(management.error.reason, 'bad-message-type');
  const unknown = decodePptpMessage(hex('0010 0001 1a2b3c4d 0010 0000 00000001'));
  assert.ok(!unknown.ok);
  assert.equal(unknown.error.reason, 'unknown-control-message-type');
  const zero = decodePptpMessage(hex('0010 0001 1a2b3c4d 0000 0000 00000001'));
  assert.ok(!zero.ok);
});

test('Reserved0 must be 0 (RFC 2637 §2); bytes after the message are refused', () => {
  const reserved = decodePptpMessage(hex('0010 0001 1a2b3c4d 0005 0001 00000001'));
  assert.ok(!reserved.ok);
  assert.equal(reserved.error.reason, 'bad-reserved0');
  const trailing = decodePptpMessage(hex('0010 0001 1a2b3c4d 0005 0000 00000001 ff'));
  assert.ok(!trailing.ok);
  assert.equal(trailing.error.reason, 'trailing-bytes');
});

test('reserved fields after the header are tolerated on receipt and sent as 0', () => {
  const bytes = encodePptpMessage(SAMPLE_MESSAGES.StopControlConnectionRequest);
  bytes[13] = 0xff;
  assert.deepEqual(decodeOk(bytes), SAMPLE_MESSAGES.StopControlConnectionRequest);
  assert.equal(encodePptpMessage(decodeOk(bytes))[13], 0);
});

test('random bytes never make the decoder throw (seeded fuzz, 20 000 inputs)', () => {
  const random = seededRandom(2637);
  const valid = Object.values(captures);
  for (let i = 0; i < 20_000; i++) {
    let bytes: Uint8Array;
    if (i % 2 === 0) {
      bytes = randomBytes(random, Math.floor(random() * 240));
    } else {
      // Mutate a valid message so the fuzz gets past the header checks.
      bytes = valid[i % valid.length]!.slice();
      for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    }
    const decoded = decodePptpMessage(bytes);
    if (decoded.ok) assert.equal(encodePptpMessage(decoded.value).length, bytes.length);
  }
});
