// Packet fixture builders: checksums per RFC 1071, headers per RFC 791, UDP per RFC 768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIcmpEcho, buildIpv4Packet, buildUdp, internetChecksum, parseIpv4Header } from './packets.js';

test('internetChecksum matches the RFC 1071 §3 worked example', () => {
  // The example's one's-complement sum is 0xddf2, so the checksum is its complement.
  assert.equal(internetChecksum(Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7)), 0x220d);
  assert.equal(internetChecksum(Uint8Array.of(0xff)), 0x00ff, 'odd length pads with zero');
});

test('buildIpv4Packet writes a header parseIpv4Header accepts, checksum included', () => {
  const icmp = buildIcmpEcho(8, 1, 2, Buffer.from('ping'));
  const packet = buildIpv4Packet({ source: '10.0.0.2', destination: '10.0.0.1', protocol: 1, payload: icmp });
  assert.deepEqual(parseIpv4Header(packet), {
    headerLength: 20,
    totalLength: 32,
    protocol: 1,
    source: 0x0a000002,
    destination: 0x0a000001,
    checksumValid: true,
  });
  assert.equal(internetChecksum(packet.subarray(20)), 0, 'ICMP checksum verifies');
  assert.equal(parseIpv4Header(Buffer.from([0x60, 0, 0, 0])), undefined, 'not IPv4');
});

test('buildUdp checksums over the pseudo-header', () => {
  const udp = buildUdp('10.0.0.2', '10.0.0.1', 40000, 5555, Buffer.from('over tun'));
  const pseudo = Buffer.from([10, 0, 0, 2, 10, 0, 0, 1, 0, 17, 0, udp.length]);
  assert.equal(internetChecksum(Buffer.concat([pseudo, udp])), 0);
});
