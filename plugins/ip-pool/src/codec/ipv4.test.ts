import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badPeerAddress, formatIpv4, parseIpv4 } from './ipv4.js';

test('dotted quads round-trip through 32-bit numbers', () => {
  for (const text of ['0.0.0.0', '10.0.0.254', '192.168.0.234', '255.255.255.255']) {
    const parsed = parseIpv4(text);
    assert.ok(parsed.ok, text);
    assert.equal(formatIpv4(parsed.value), text);
  }
  assert.deepEqual(parseIpv4('10.0.0.201'), { ok: true, value: 0x0a0000c9 });
});

test("inet_addr's shorthand, hex and octal forms are refused with a reason", () => {
  for (const text of ['10.1', '10.0.0', '0x0a.0.0.1', '10.0.0.256', '10.0.0.-1', '10..0.1', '', 'a.b.c.d']) {
    const parsed = parseIpv4(text);
    assert.equal(parsed.ok, false, text);
  }
  const octal = parseIpv4('10.0.0.010');
  assert.ok(!octal.ok && /leading zero.*octal/.test(octal.reason), JSON.stringify(octal));
});

test('pppd bad_ip_adrs: loopback, multicast and class E are never given to a peer', () => {
  const bad = (t: string) => badPeerAddress((parseIpv4(t) as { value: number }).value);
  assert.match(bad('127.0.0.1') ?? '', /loopback/);
  assert.match(bad('224.0.0.1') ?? '', /multicast/);
  assert.match(bad('240.0.0.1') ?? '', /class E/);
  assert.match(bad('0.0.0.0') ?? '', /no address/);
  assert.equal(bad('10.0.0.0'), undefined);
  assert.equal(bad('223.255.255.255'), undefined);
});
