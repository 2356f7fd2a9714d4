// Routes, proxy ARP entries, the interface list and sysctls against the real kernel (root), inside a
// namespace this file creates and removes; `ip` is the oracle for what the kernel now holds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import {
  InterfaceFlags,
  TunDevice,
  addProxyArp,
  addRoute,
  deleteProxyArp,
  deleteRoute,
  listIpv4Interfaces,
  parseIpv4,
  readSysctl,
  writeSysctl,
} from './index.js';
import { NetnsLab, ip, isRoot } from './testing/index.js';

const LAN = '10.203.0.254';
const CLIENT = '10.203.0.201';
const asRoot = { skip: isRoot() ? false : 'needs root' };

describe('net-config', { ...asRoot, timeout: 20_000 }, () => {
  const lab = new NetnsLab('net');
  let netns = '';
  let lan = '';
  let tun: TunDevice;

  before(() => {
    netns = lab.addNamespace();
    const peer = lab.addNamespace();
    lan = lab.addVethPair(netns, `${LAN}/24`, peer, '10.203.0.5/24').a;
    ip('-n', netns, 'addr', 'add', '10.203.9.1/24', 'dev', lan, 'label', `${lan}:9`);
    tun = TunDevice.open({ netns, name: 'synet', address: LAN, prefixLength: 32 });
  });
  after(() => {
    tun.close();
    lab.cleanup();
  });

  test('addRoute installs a /32 through the device carrying RTAX_MTU; deleteRoute removes it', () => {
    addRoute({ netns, address: CLIENT, ifindex: tun.ifindex, mtu: 1400 });
    assert.match(ip('-n', netns, 'route', 'show', CLIENT), /^10\.203\.0\.201 dev synet scope link mtu 1400/);
    assert.match(ip('-n', netns, 'route', 'get', CLIENT), /dev synet src 10\.203\.0\.254[\s\S]*mtu 1400/);
    deleteRoute({ netns, address: CLIENT, ifindex: tun.ifindex });
    assert.equal(ip('-n', netns, 'route', 'show', CLIENT), '');
    addRoute({ netns, address: CLIENT, ifindex: tun.ifindex });
    assert.doesNotMatch(ip('-n', netns, 'route', 'show', CLIENT), /mtu/, 'no MTU unless asked');
    deleteRoute({ netns, address: CLIENT, ifindex: tun.ifindex });
  });

  test('route failures carry codes: exists, not found, no such device, bad arguments', () => {
    addRoute({ netns, address: CLIENT, ifindex: tun.ifindex, mtu: 1400 });
    try {
      assert.throws(() => addRoute({ netns, address: CLIENT, ifindex: tun.ifindex }), {
        code: 'SY_ERR_ROUTE_EXISTS',
        errno: 17,
        syscall: 'netlink(RTM_NEWROUTE)',
      });
    } finally {
      deleteRoute({ netns, address: CLIENT, ifindex: tun.ifindex });
    }
    assert.throws(() => deleteRoute({ netns, address: CLIENT, ifindex: tun.ifindex }), {
      code: 'SY_ERR_ROUTE_NOT_FOUND',
      errno: 3,
    });
    assert.throws(() => addRoute({ netns, address: CLIENT, ifindex: 9999 }), {
      code: 'SY_ERR_NET_NO_DEVICE',
      message: /cannot add route 10\.203\.0\.201\/32 dev #9999/,
    });
    assert.throws(() => addRoute({ netns, address: CLIENT, ifindex: tun.ifindex, mtu: 20 }), {
      code: 'SY_ERR_INVALID_ARGUMENT',
    });
    assert.throws(() => addRoute({ netns: `${netns}-gone`, address: CLIENT, ifindex: 1 }), {
      code: 'SY_ERR_NETNS_NOT_FOUND',
    });
  });

  test("addProxyArp publishes the address on the LAN device like pppd's sifproxyarp", () => {
    addProxyArp({ netns, address: CLIENT, device: lan });
    addProxyArp({ netns, address: CLIENT, device: lan }); // the kernel treats a repeat as success
    assert.equal(ip('-n', netns, 'neigh', 'show', 'proxy').trim(), `${CLIENT} dev ${lan} proxy`);
    assert.equal(
      readSysctl(`net/ipv4/conf/${lan}/proxy_arp`, { netns }),
      '0',
      'one entry, not proxy_arp for all',
    );
    deleteProxyArp({ netns, address: CLIENT, device: lan });
    assert.equal(ip('-n', netns, 'neigh', 'show', 'proxy'), '');
    assert.throws(() => deleteProxyArp({ netns, address: CLIENT, device: lan }), {
      code: 'SY_ERR_ARP_NOT_FOUND',
      syscall: 'ioctl(SIOCDARP)',
    });
    assert.throws(() => addProxyArp({ netns, address: CLIENT, device: 'sy-missing' }), {
      code: 'SY_ERR_NET_NO_DEVICE',
      syscall: 'ioctl(SIOCGIFHWADDR)',
    });
    assert.throws(() => addProxyArp({ netns, address: CLIENT, device: `${lan}:9` }), {
      code: 'SY_ERR_INVALID_ARGUMENT',
    });
  });

  test('listIpv4Interfaces reports every address with its label, mask, flags and hardware address', () => {
    const list = listIpv4Interfaces({ netns });
    const mac = /link\/ether ([0-9a-f:]{17})/.exec(ip('-n', netns, 'link', 'show', lan))?.[1];
    const primary = list.find((entry) => entry.name === lan);
    assert.deepEqual(primary, {
      name: lan,
      device: lan,
      address: parseIpv4(LAN),
      netmask: 0xffffff00,
      flags: primary!.flags,
      hardwareType: 1,
      hardwareAddress: mac,
    });
    assert.equal(primary!.flags & (InterfaceFlags.up | InterfaceFlags.broadcast), 3);
    const alias = list.find((entry) => entry.name === `${lan}:9`);
    assert.equal(alias?.device, lan);
    assert.equal(alias?.address, parseIpv4('10.203.9.1'));
    const device = list.find((entry) => entry.name === 'synet');
    assert.equal(device?.netmask, 0xffffffff);
    assert.equal(device!.flags & InterfaceFlags.pointToPoint, InterfaceFlags.pointToPoint);
    assert.equal(device!.flags & InterfaceFlags.noArp, InterfaceFlags.noArp);
    assert.equal(device?.hardwareAddress, '');
    const loopback = list.find((entry) => entry.name === 'lo');
    assert.equal(loopback!.flags & InterfaceFlags.loopback, InterfaceFlags.loopback);
  });

  test("sysctls are read and written in the namespace, never the host's", () => {
    const host = readSysctl('net/ipv4/ip_forward');
    writeSysctl('net/ipv4/ip_forward', 1, { netns });
    assert.equal(readSysctl('net/ipv4/ip_forward', { netns }), '1');
    writeSysctl(`net/ipv4/neigh/${lan}/proxy_delay`, 0, { netns });
    assert.equal(readSysctl(`net/ipv4/neigh/${lan}/proxy_delay`, { netns }), '0');
    assert.equal(readSysctl('net/ipv4/ip_forward'), host);
    writeSysctl('net/ipv4/ip_forward', 0, { netns });
    assert.equal(readSysctl('net/ipv4/ip_forward', { netns }), '0');
    assert.throws(() => writeSysctl('net/ipv4/ip_forward', 'x', { netns }), {
      code: 'SY_ERR_SYSCTL',
      errno: 22,
    });
    assert.throws(() => readSysctl('net/ipv4/no_such_key', { netns }), { code: 'SY_ERR_SYSCTL', errno: 2 });
  });
});

test('sysctl keys are slash paths under /proc/sys; anything else is refused before any I/O', () => {
  for (const bad of ['', '/etc/passwd', 'net/../../etc', 'net/ipv4/ip forward', 'net//x']) {
    assert.throws(() => readSysctl(bad), { code: 'SY_ERR_INVALID_ARGUMENT' }, bad);
  }
});

const indexUrl = new URL('./index.js', import.meta.url).href;

test(
  'without CAP_NET_ADMIN: route, proxy ARP and sysctl changes fail with SY_ERR_NET_PERMISSION',
  asRoot,
  () => {
    // As nobody in our own namespace; the kernel refuses before looking at the (harmless) arguments.
    const script =
      `const n = await import(${JSON.stringify(indexUrl)});` +
      'const out = [];' +
      "for (const f of [() => n.addRoute({ address: '192.0.2.1', ifindex: 1 })," +
      " () => n.addProxyArp({ address: '192.0.2.1', device: 'lo' })," +
      " () => n.writeSysctl('net/ipv4/ip_forward', 1)]) {" +
      '  try { f(); out.push("done"); } catch (e) { out.push([e.code, e.syscall]); } }' +
      'console.log(JSON.stringify(out));';
    const output = execFileSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(output), [
      ['SY_ERR_NET_PERMISSION', 'netlink(RTM_NEWROUTE)'],
      ['SY_ERR_NET_PERMISSION', 'ioctl(SIOCSARP)'],
      ['SY_ERR_NET_PERMISSION', 'open'],
    ]);
  },
);
