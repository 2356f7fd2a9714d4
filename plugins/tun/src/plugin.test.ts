// The tun plugin in an appliance against the real kernel (root): a namespace this file creates and
// removes holds the device, a LAN address on a veth, and a raw socket standing in for LAN traffic.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConfigError,
  packetSinkToken,
  type PacketPort,
  type PacketSink,
  type Plugin,
} from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { RawIpSocket } from '@switchyard/node-tun';
import {
  NetnsLab,
  buildIcmpEcho,
  buildIpv4Packet,
  ip,
  isRoot,
  parseIpv4Header,
} from '@switchyard/node-tun/testing';
import { tunPlugin, tunSinkToken } from './plugin.js';

const LOCAL = '10.204.0.254';
const CLIENT = '10.204.0.201';
const LAN = '10.204.1.1';
const plugins = [tunPlugin] as Plugin<never>[];

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A route whose deliver keeps copies: the view it is given is only valid during the call. */
function recorder(address: string, mtu = 1400) {
  const packets: Buffer[] = [];
  return {
    packets,
    route: { address, mtu, deliver: (packet: Uint8Array) => packets.push(Buffer.from(packet)) },
  };
}

function icmpEcho(type: 0 | 8, source: string, destination: string, id: number): Buffer {
  const payload = buildIcmpEcho(type, id, 1, Buffer.from('switchyard tun'));
  return buildIpv4Packet({ source, destination, protocol: 1, payload });
}

const isIcmp = (packet: Buffer, type: number, id: number) => {
  const header = parseIpv4Header(packet);
  return header?.protocol === 1 && packet[header.headerLength] === type && packet.readUInt16BE(24) === id;
};

test('config: defaults, and bad values are reported before any device exists', async () => {
  const { appliance } = testAppliance(plugins, {
    tun: { name: 'a-name-far-too-long', mtu: 10, localAddress: 'x' },
  });
  await assert.rejects(appliance.start(), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(error.problems.map((p) => p.path).sort(), [
      '/tun/localAddress',
      '/tun/mtu',
      '/tun/name',
    ]);
    return true;
  });
  const defaults = testAppliance(plugins).appliance.config['tun'];
  assert.deepEqual(defaults, { name: 'sy-pptp0', mtu: 1500 });
});

describe('tun plugin in a namespace', { skip: isRoot() ? false : 'needs root', timeout: 30_000 }, () => {
  const lab = new NetnsLab('tunp');
  let netns = '';
  let device = '';
  const ports: PacketPort[] = [];
  let started: ReturnType<typeof testAppliance>;
  let sink: PacketSink;
  let icmp: RawIpSocket;

  before(async () => {
    netns = lab.addNamespace();
    lab.addVethPair(netns, `${LAN}/24`, lab.addNamespace(), '10.204.1.2/24');
    device = lab.linkName('t');
    started = testAppliance(plugins, { tun: { name: device, mtu: 1500, localAddress: LOCAL, netns } });
    await started.appliance.start();
    sink = started.appliance.container.resolve(packetSinkToken);
    icmp = RawIpSocket.open({ protocol: 1, netns });
  });
  after(async () => {
    icmp.close();
    for (const port of ports) port.close();
    await started.appliance.stop();
    lab.cleanup();
  });

  test('one device, up, with the local address as a /32 and the configured MTU', () => {
    assert.match(ip('-n', netns, '-o', 'addr', 'show', 'dev', device), /inet 10\.204\.0\.254\/32/);
    assert.match(ip('-n', netns, 'link', 'show', device), /<POINTOPOINT,[^>]*\bUP\b.*mtu 1500/);
    assert.ok(
      started.logs.has(`[plugin=tun] Using interface ${device}`, 'info'),
      started.logs.lines().join('\n'),
    );
  });

  test('open() adds a /32 host route carrying the session MTU, and the kernel sends its packets to deliver', async () => {
    const client = recorder(CLIENT);
    ports.push(await sink.open(client.route));
    assert.match(
      ip('-n', netns, 'route', 'show', CLIENT),
      new RegExp(`^${CLIENT} dev ${device} scope link mtu 1400`),
    );
    assert.match(ip('-n', netns, 'route', 'get', CLIENT), /src 10\.204\.0\.254[\s\S]*mtu 1400/);
    assert.equal(icmp.send(buildIcmpEcho(8, 0x51, 1, Buffer.from('to the client')), CLIENT), true);
    await waitFor(() => client.packets.length > 0, 'the echo request at deliver');
    const header = parseIpv4Header(client.packets[0]!)!;
    assert.deepEqual(
      [header.source, header.destination, header.checksumValid],
      [0x0acc00fe, 0x0acc00c9, true],
    );
  });

  test('port.send of an echo request to the LAN address comes back to deliver as the reply', async () => {
    const client = recorder('10.204.0.202');
    const port = await sink.open(client.route);
    ports.push(port);
    port.send(icmpEcho(8, '10.204.0.202', LAN, 0x52));
    await waitFor(() => client.packets.some((p) => isIcmp(p, 0, 0x52)), 'the echo reply');
    const reply = parseIpv4Header(client.packets.find((p) => isIcmp(p, 0, 0x52))!)!;
    assert.equal(reply.source, 0x0acc0101);
    const stats = started.appliance.container.resolve(tunSinkToken).stats();
    assert.ok(stats.sessions.sentPackets >= 1 && stats.sessions.deliveredPackets >= 2);
  });

  test('close() removes the route, is idempotent, and later sends only count failures', async () => {
    const client = recorder('10.204.0.203');
    const port = await sink.open(client.route);
    assert.notEqual(ip('-n', netns, 'route', 'show', '10.204.0.203'), '');
    port.close();
    port.close();
    assert.equal(ip('-n', netns, 'route', 'show', '10.204.0.203'), '');
    port.send(icmpEcho(8, '10.204.0.203', LAN, 0x53));
    assert.equal((port as unknown as { counters: { sendFailures: number } }).counters.sendFailures, 1);
    ports.push(await sink.open(client.route)); // the address is free again
  });

  test('a taken address is refused; a route MTU above the device MTU is capped at it', async () => {
    await assert.rejects(sink.open(recorder(CLIENT).route), { code: 'SY_ERR_TUN_ADDRESS_IN_USE' });
    await assert.rejects(sink.open(recorder('10.204.0.300').route), { code: 'SY_ERR_TUN_ROUTE_INVALID' });
    ports.push(await sink.open(recorder('10.204.0.204', 9000).route));
    assert.match(ip('-n', netns, 'route', 'show', '10.204.0.204'), /mtu 1500/);
  });

  test('packets the kernel routes to the device for no session are dropped and counted', async () => {
    ip('-n', netns, 'route', 'add', '10.204.0.250/32', 'dev', device);
    const before = started.appliance.container.resolve(tunSinkToken).stats().dispatch.unknownDestination;
    icmp.send(buildIcmpEcho(8, 0x54, 1, Buffer.alloc(4)), '10.204.0.250');
    const read = () => started.appliance.container.resolve(tunSinkToken).stats().dispatch.unknownDestination;
    await waitFor(() => read() > before, 'the unknown-destination count');
    assert.ok(started.logs.has('packet from the kernel dropped: unknown-destination', 'debug'));
  });

  test('a second appliance cannot take the same device name', async () => {
    const second = testAppliance(plugins, { tun: { name: device, netns } });
    await assert.rejects(second.appliance.start(), (error: Error) => {
      assert.equal((error.cause as { code?: string }).code, 'SY_ERR_TUN_BUSY');
      return true;
    });
  });

  test('stop() closes the device, and the kernel drops its routes with it', async () => {
    const other = testAppliance(plugins, { tun: { name: lab.linkName('t'), netns } });
    await other.appliance.start();
    const otherSink = other.appliance.container.resolve(packetSinkToken);
    const port = await otherSink.open(recorder('10.204.0.210').route);
    const name = other.appliance.container.resolve(tunSinkToken).deviceName!;
    await other.appliance.stop();
    assert.throws(() => ip('-n', netns, 'link', 'show', name));
    assert.equal(ip('-n', netns, 'route', 'show', '10.204.0.210'), '');
    port.close(); // after stop: a no-op
    await assert.rejects(otherSink.open(recorder('10.204.0.211').route), { code: 'SY_ERR_TUN_NOT_STARTED' });
  });
});
