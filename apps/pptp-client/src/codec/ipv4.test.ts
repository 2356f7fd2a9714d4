import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cidrContains, formatCidr, formatIpv4, parseCidr, parseIpv4 } from './ipv4.js';

test('dotted quads parse to host-order numbers and back; anything else is undefined', () => {
  assert.equal(parseIpv4('10.0.0.201'), 0x0a0000c9);
  assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
  assert.equal(formatIpv4(0xac1fff01), '172.31.255.1');
  for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.1.2', '10.0.0.-1', '10.0.0.x', '', '1..2.3']) {
    assert.equal(parseIpv4(bad), undefined, bad);
  }
});

test('CIDR prefixes: a bare address is a /32; host bits below the prefix are refused, as by `ip route`', () => {
  assert.deepEqual(parseCidr('10.0.0.0/24'), { address: 0x0a000000, prefixLength: 24 });
  assert.deepEqual(parseCidr('10.0.0.5'), { address: 0x0a000005, prefixLength: 32 });
  assert.deepEqual(parseCidr('0.0.0.0/0'), { address: 0, prefixLength: 0 });
  for (const bad of ['10.0.0.1/24', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/1', 'x/8']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
  assert.equal(formatCidr(parseCidr('192.168.0.0/16')!), '192.168.0.0/16');
});

test('cidrContains: the default route covers everything, a /32 only itself', () => {
  const server = parseIpv4('172.31.255.1') as number;
  assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, server), true);
  assert.equal(cidrContains(parseCidr('172.31.0.0/16')!, server), true);
  assert.equal(cidrContains(parseCidr('10.0.0.0/8')!, server), false);
  assert.equal(cidrContains(parseCidr('172.31.255.1')!, server), true);
  assert.equal(cidrContains(parseCidr('172.31.255.2')!, server), false);
});
