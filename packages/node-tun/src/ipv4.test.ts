// IPv4 address helpers: dotted quads to host-order uint32 and back (RFC 791 §2.3 addressing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIpv4, parseIpv4, toIpv4Number } from './ipv4.js';

test('parseIpv4 gives the host-order uint32 and formatIpv4 inverts it', () => {
  assert.equal(parseIpv4('10.0.0.1'), 0x0a000001);
  assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
  assert.equal(parseIpv4('0.0.0.0'), 0);
  for (const text of ['10.201.0.2', '192.0.2.255', '255.255.255.255', '1.2.3.4']) {
    assert.equal(formatIpv4(parseIpv4(text)), text);
  }
});

test('malformed addresses are SY_ERR_INVALID_ARGUMENT', () => {
  for (const text of ['256.0.0.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', ' 1.2.3.4', '']) {
    assert.throws(() => parseIpv4(text), { code: 'SY_ERR_INVALID_ARGUMENT' }, text);
  }
  for (const value of [-1, 2 ** 32, 1.5, Number.NaN]) {
    assert.throws(() => toIpv4Number(value), { code: 'SY_ERR_INVALID_ARGUMENT' }, String(value));
  }
  assert.equal(toIpv4Number(0xc0000201), 0xc0000201);
});
