import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIcmpEcho, buildIpv4Packet } from '@switchyard/node-tun/testing';
import {
  Ipv4Malformed,
  formatIpv4Address,
  ipv4Destination,
  ipv4PacketLength,
  parseIpv4Address,
} from './ipv4-header.js';

const echo = buildIpv4Packet({
  source: '10.0.0.5',
  destination: '10.0.0.201',
  protocol: 1,
  payload: buildIcmpEcho(8, 1, 1, Buffer.from('proxy arp')),
});

test('a well-formed IPv4 packet yields its Total Length and Destination Address (RFC 791 §3.1)', () => {
  assert.equal(ipv4PacketLength(echo, 0, echo.length), echo.length);
  assert.equal(ipv4Destination(echo, 0), 0x0a0000c9);
  const slab = Buffer.concat([Buffer.alloc(7), echo, Buffer.alloc(3)]);
  assert.equal(ipv4PacketLength(slab, 7, echo.length), echo.length, 'at an offset inside a slab');
  assert.equal(ipv4Destination(slab, 7), 0x0a0000c9);
  assert.equal(ipv4PacketLength(slab, 7, echo.length + 3), echo.length, 'trailing bytes are not the packet');
});

test('each malformation has its own code: truncated, IPv6, version, IHL, Total Length', () => {
  const patched = (index: number, value: number) => {
    const copy = Buffer.from(echo);
    copy[index] = value;
    return copy;
  };
  assert.equal(ipv4PacketLength(echo, 0, 0), Ipv4Malformed.truncated);
  assert.equal(ipv4PacketLength(echo, 0, 19), Ipv4Malformed.truncated);
  assert.equal(ipv4PacketLength(patched(0, 0x60), 0, echo.length), Ipv4Malformed.ipv6);
  assert.equal(ipv4PacketLength(patched(0, 0x55), 0, echo.length), Ipv4Malformed.version);
  assert.equal(ipv4PacketLength(patched(0, 0x44), 0, echo.length), Ipv4Malformed.headerLength, 'IHL 4');
  assert.equal(
    ipv4PacketLength(patched(0, 0x4f), 0, echo.length),
    Ipv4Malformed.headerLength,
    'IHL past end',
  );
  assert.equal(ipv4PacketLength(patched(3, 0x10), 0, echo.length), Ipv4Malformed.totalLength, 'below header');
  assert.equal(ipv4PacketLength(echo, 0, echo.length - 1), Ipv4Malformed.totalLength, 'past the read');
});

test('every truncation and random bytes return a code, never throw', () => {
  for (let length = 0; length < echo.length; length++) assert.ok(ipv4PacketLength(echo, 0, length) < 0);
  let seed = 0x2545f491;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff;
  for (let round = 0; round < 2000; round++) {
    const bytes = Uint8Array.from({ length: random() % 64 }, random);
    const total = ipv4PacketLength(bytes, 0, bytes.length);
    assert.ok(total <= bytes.length);
    if (total > 0) assert.ok(ipv4Destination(bytes, 0) >= 0);
  }
});

test('dotted quads convert both ways; anything else is undefined', () => {
  assert.equal(parseIpv4Address('10.0.0.201'), 0x0a0000c9);
  assert.equal(parseIpv4Address('255.255.255.255'), 0xffffffff);
  assert.equal(formatIpv4Address(0xc0a80001), '192.168.0.1');
  for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.1.2', 'a.b.c.d', '10.0.0.-1', '']) {
    assert.equal(parseIpv4Address(bad), undefined, bad);
  }
});
