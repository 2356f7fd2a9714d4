import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { ipAddressOption } from './ip-address.js';
import { ipAddressesOption } from './ip-addresses.js';
import { ipCompressionOption } from './ip-compression.js';
import { formatIpv4, parseIpv4 } from './ipv4.js';
import { nameServerOption } from './name-server.js';

const ip = (text: string) => parseIpv4(text)!;

test('IPv4 text and numbers convert both ways; bad quads are refused', () => {
  assert.equal(parseIpv4('10.0.0.254'), 0x0a0000fe);
  assert.equal(formatIpv4(0xca6a2e97), '202.106.46.151');
  for (const bad of ['10.0.0', '10.0.0.256', 'a.b.c.d', '1.2.3.4.5']) assert.equal(parseIpv4(bad), undefined);
});

test('IP-Address (3) round-trips and prints <addr 10.0.0.254> (RFC 1332 §3.3)', () => {
  const addr = ipAddressOption({
    local: () => ip('10.0.0.254'),
    assigned: () => undefined,
    acceptNak: false,
  });
  assert.equal(addr.decode(hex('0a 00 00 fe')), ip('10.0.0.254'));
  assert.deepEqual(addr.encode(ip('10.0.0.254')), hex('0a 00 00 fe'));
  assert.equal(addr.decode(hex('0a 00 00')), undefined);
  assert.equal(addr.format(ip('10.0.0.254')), '<addr 10.0.0.254>');
  assert.equal(addr.desired(), ip('10.0.0.254'));
});

test('server: the peer’s 0.0.0.0 or any other address is Nak’d with the lease; the lease is Acked (pppd ipcp_reqci)', () => {
  const addr = ipAddressOption({
    local: () => ip('10.0.0.254'),
    assigned: () => ip('10.0.0.201'),
    acceptNak: false,
  });
  assert.deepEqual(addr.judge(0), { verdict: 'nak', suggest: ip('10.0.0.201') });
  assert.deepEqual(addr.judge(ip('10.0.0.7')), { verdict: 'nak', suggest: ip('10.0.0.201') });
  assert.deepEqual(addr.judge(ip('10.0.0.201')), { verdict: 'ack' });
  assert.equal(addr.onNak?.(ip('1.2.3.4'), ip('10.0.0.254')), ip('10.0.0.254'), 'we keep our own address');
});

test('server: a request without IP-Address gets the lease appended to the Nak once per negotiation (RFC 1661 §5.3; pppd)', () => {
  const addr = ipAddressOption({
    local: () => undefined,
    assigned: () => ip('10.0.0.201'),
    acceptNak: false,
  });
  addr.desired();
  assert.equal(addr.solicit?.(), ip('10.0.0.201'));
  assert.equal(addr.solicit?.(), undefined);
});

test('client: asks for 0.0.0.0, adopts the Nak’d address, Acks the server’s, Rejects a 0.0.0.0 request', () => {
  const addr = ipAddressOption({ local: () => 0, assigned: () => undefined, acceptNak: true });
  assert.equal(addr.desired(), 0);
  assert.equal(addr.onNak?.(ip('10.0.0.201'), 0), ip('10.0.0.201'));
  assert.deepEqual(addr.judge(ip('10.0.0.254')), { verdict: 'ack' });
  assert.deepEqual(addr.judge(0), { verdict: 'reject' });
  assert.equal(addr.solicit?.(), undefined);
});

test('ms-dns (129/131) Nak 0.0.0.0 with the configured address, Ack it, Reject when none (RFC 1877 §1.1; pppd)', () => {
  const dns1 = nameServerOption(129, { give: ip('202.106.46.151'), ask: false });
  assert.deepEqual(dns1.judge(0), { verdict: 'nak', suggest: ip('202.106.46.151') });
  assert.deepEqual(dns1.judge(ip('202.106.46.151')), { verdict: 'ack' });
  assert.equal(dns1.format(ip('202.106.46.151')), '<ms-dns1 202.106.46.151>');
  assert.equal(dns1.desired(), undefined);
  const dns2 = nameServerOption(131, { ask: false });
  assert.deepEqual(dns2.judge(0), { verdict: 'reject' });
  assert.equal(dns2.format(0), '<ms-dns2 0.0.0.0>');
});

test('ms-wins (130/132) print as pppd’s <ms-wins …>; the client asks 0.0.0.0 and adopts Naks (RFC 1877 §1.2; usepeerdns)', () => {
  assert.equal(nameServerOption(130, { ask: false }).format(ip('10.0.0.1')), '<ms-wins 10.0.0.1>');
  assert.equal(nameServerOption(132, { ask: false }).name, 'ms-wins2');
  const dns = nameServerOption(129, { ask: true });
  assert.equal(dns.desired(), 0);
  assert.equal(dns.onNak?.(ip('202.106.46.151'), 0), ip('202.106.46.151'));
  assert.equal(dns.onNak?.(ip('202.106.46.151'), undefined), undefined, 'not asked: ignored');
});

test('VJ compression (2) and IP-Addresses (1) are always Rejected and print as pppd does (RFC 1332 §3.1–3.2)', () => {
  const vj = ipCompressionOption.decode(hex('00 2d 0f 01'))!;
  assert.equal(ipCompressionOption.format(vj), '<compress VJ 0f 01>');
  assert.deepEqual(ipCompressionOption.judge(vj), { verdict: 'reject' });
  assert.equal(ipCompressionOption.desired(), undefined);
  const addrs = ipAddressesOption.decode(hex('0a 00 00 01 0a 00 00 02'))!;
  assert.equal(ipAddressesOption.format(addrs), '<addrs 10.0.0.1 10.0.0.2>');
  assert.deepEqual(ipAddressesOption.judge(addrs), { verdict: 'reject' });
  assert.equal(ipAddressesOption.decode(hex('0a 00 00 01')), undefined);
});
