import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IfFlags, parseIpv4, selectProxyArpInterface, type InterfaceAddress } from './select-interface.js';

const LAN_FLAGS = IfFlags.up | IfFlags.broadcast | 0x1000; // UP, BROADCAST, MULTICAST as on a NIC

function iface(name: string, cidr: string, overrides: Partial<InterfaceAddress> = {}): InterfaceAddress {
  const [address, bits] = cidr.split('/');
  const prefix = Number(bits);
  return {
    name,
    device: name.split(':')[0]!,
    address: parseIpv4(address!)!,
    netmask: prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0,
    flags: LAN_FLAGS,
    hardwareAddress: '02:00:00:00:00:01',
    ...overrides,
  };
}

const client = parseIpv4('10.0.0.201')!;

test("the seed's LAN interface (10.0.0.254/24) is chosen for 10.0.0.201 (pppd get_ether_addr)", () => {
  const list = [iface('lo', '127.0.0.1/8'), iface('eth1', '172.31.255.1/24'), iface('eth0', '10.0.0.254/24')];
  assert.equal(selectProxyArpInterface(list, client)?.device, 'eth0');
});

test('loopback, point-to-point (the TUN device), NOARP and down interfaces are skipped', () => {
  const candidates = [
    iface('lo', '10.0.0.1/24', { flags: IfFlags.up | IfFlags.loopback }),
    iface('sy-pptp0', '10.0.0.254/24', {
      flags: IfFlags.up | IfFlags.pointToPoint | IfFlags.noArp,
      hardwareAddress: '',
    }),
    iface('eth2', '10.0.0.2/24', { flags: LAN_FLAGS | IfFlags.noArp }),
    iface('eth3', '10.0.0.3/24', { flags: IfFlags.broadcast }),
    iface('eth4', '10.0.0.4/24', { flags: IfFlags.up | IfFlags.broadcast | IfFlags.pointToPoint }),
  ];
  assert.equal(selectProxyArpInterface(candidates, client), undefined);
});

test('no subnet holding the address means no interface (pppd: "Cannot determine ethernet address")', () => {
  assert.equal(selectProxyArpInterface([iface('eth0', '192.168.1.1/24')], client), undefined);
  assert.equal(selectProxyArpInterface([], client), undefined);
});

test('the longest netmask wins; among equal masks the later one, as pppd compares with >=', () => {
  const list = [iface('eth0', '10.0.0.1/8'), iface('eth1', '10.0.0.254/24'), iface('eth2', '10.0.0.253/16')];
  assert.equal(selectProxyArpInterface(list, client)?.device, 'eth1');
  const equal = [iface('eth0', '10.0.0.254/24'), iface('eth1', '10.0.0.253/24')];
  assert.equal(selectProxyArpInterface(equal, client)?.device, 'eth1');
  const zero = [iface('eth0', '0.0.0.0/0')];
  assert.equal(selectProxyArpInterface(zero, client)?.device, 'eth0', 'a 0.0.0.0 mask still matches');
});

test('an alias address (eth0:1) selects its device; high addresses compare unsigned', () => {
  const alias = [iface('eth0', '192.168.7.1/24'), iface('eth0:1', '10.0.0.254/24')];
  assert.equal(selectProxyArpInterface(alias, client)?.name, 'eth0:1');
  assert.equal(selectProxyArpInterface(alias, client)?.device, 'eth0');
  const high = [iface('eth0', '192.168.0.1/16'), iface('eth1', '192.168.7.1/24')];
  assert.equal(selectProxyArpInterface(high, parseIpv4('192.168.7.9')!)?.device, 'eth1');
});

test('an interface without a hardware address is not a candidate', () => {
  const list = [iface('eth0', '10.0.0.254/16'), iface('ib0', '10.0.0.1/24', { hardwareAddress: '' })];
  assert.equal(selectProxyArpInterface(list, client)?.device, 'eth0');
});
