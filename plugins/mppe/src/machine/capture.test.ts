import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateAuthenticatorResponse } from '@switchyard/crypto';
import { toHex } from '@switchyard/crypto/testing';
import { decodePppFrame } from '@switchyard/ppp';
import { captureCredentials, captureKeyMaterial, capturedMppeFrames } from '../testing/captured-mppe.js';
import { newMppeCounters } from './counters.js';
import { MppeDecryptor } from './decryptor.js';
import { MppeEncryptor } from './encryptor.js';
import { startKeys } from './session-keys.js';

const payloadOf = (bytes: Uint8Array): Uint8Array => {
  const frame = decodePppFrame(bytes);
  assert.ok(frame.ok);
  return frame.value.payload;
};

/** IPv4 header checksum over the header: 0 when valid (RFC 791). */
function ipv4HeaderValid(packet: Uint8Array): boolean {
  const length = ((packet[0] as number) & 0x0f) * 4;
  let sum = 0;
  for (let at = 0; at < length; at += 2) sum += ((packet[at] as number) << 8) | (packet[at + 1] as number);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return sum === 0xffff;
}

test('the captured exchange is the one the keys come from: pppd sent S=F71A8401… for it', () => {
  const c = captureCredentials;
  const response = generateAuthenticatorResponse({
    secret: c.password,
    ntResponse: c.ntResponse,
    peerChallenge: c.peerChallenge,
    authenticatorChallenge: c.authenticatorChallenge,
    userName: c.user,
  });
  assert.equal(response.text, 'S=F71A8401784AB252DD05F2911739F8D0A57424CD');
});

test('every captured MPPE frame decrypts to IPv6 or a valid IPv4 packet, in both directions', () => {
  const server = startKeys(captureKeyMaterial(), 'server');
  const client = startKeys(captureKeyMaterial(), 'client');
  assert.ok(server && client);
  const counters = newMppeCounters();
  const atServer = new MppeDecryptor({ startKey: server.receive, strength: 128, stateless: true, counters });
  const atClient = new MppeDecryptor({ startKey: client.receive, strength: 128, stateless: true, counters });
  const protocols: string[] = [];
  for (const { from, bytes, frame } of capturedMppeFrames) {
    const result = (from === 'client' ? atServer : atClient).decrypt(payloadOf(bytes));
    assert.ok(typeof result !== 'string', `frame ${frame}: ${String(result)}`);
    const inner = decodePppFrame(result);
    assert.ok(inner.ok);
    assert.equal(inner.value.protocolFieldLength, 2, 'Linux encrypts the full 2-byte protocol field');
    protocols.push(inner.value.protocol.toString(16));
    if (inner.value.protocol === 0x21) assert.ok(ipv4HeaderValid(inner.value.payload), `frame ${frame}`);
  }
  assert.deepEqual(protocols, [
    '57',
    '57',
    '21',
    '21',
    '21',
    '21',
    '21',
    '21',
    '21',
    '21',
    '21',
    '21',
    '57',
    '57',
    '57',
    '57',
  ]);
  assert.equal(counters.packetsDecrypted, 16);
});

test('our encryptor reproduces pppd + Linux ppp_mppe byte for byte, both roles', () => {
  for (const role of ['server', 'client'] as const) {
    const keys = startKeys(captureKeyMaterial(), role);
    const peer = startKeys(captureKeyMaterial(), role === 'server' ? 'client' : 'server');
    assert.ok(keys && peer);
    const counters = newMppeCounters();
    const encryptor = new MppeEncryptor({ startKey: keys.send, strength: 128, stateless: true, counters });
    const decryptor = new MppeDecryptor({ startKey: peer.receive, strength: 128, stateless: true, counters });
    for (const { from, bytes } of capturedMppeFrames.filter((f) => f.from === role)) {
      const plain = decryptor.decrypt(payloadOf(bytes));
      assert.ok(typeof plain !== 'string');
      const protocol = ((plain[0] as number) << 8) | (plain[1] as number);
      const ours = encryptor.encrypt(protocol, plain.subarray(2));
      assert.equal(toHex(ours), toHex(payloadOf(bytes)), `${from} frame`);
    }
  }
});
