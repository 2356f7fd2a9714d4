// The seed's topology in small, against the real kernel (root): a SERVER namespace whose LAN side is
// 10.205.0.254/24, a LAN namespace with host 10.205.0.5/24 and only its on-link route, and tunnel
// client 10.205.0.201 reachable from the LAN only through proxy ARP (seed options.pptpd `proxyarp`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { closeReason, packetSinkToken, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { readSysctl, writeSysctl } from '@switchyard/node-tun';
import {
  NetnsLab,
  buildIpv4Packet,
  internetChecksum,
  ip,
  isRoot,
  parseIpv4Header,
} from '@switchyard/node-tun/testing';
import { tunPlugin } from '@switchyard/plugin-tun';
import { proxyArpPlugin } from './plugin.js';

const SERVER_LAN = '10.205.0.254';
const LAN_HOST = '10.205.0.5';
const CLIENT = '10.205.0.201';
const plugins = [tunPlugin, proxyArpPlugin] as Plugin<never>[];

/** The echo reply the client would send: the request's ICMP message with type 0, addresses swapped. */
function echoReplyTo(request: Buffer): Buffer {
  const header = parseIpv4Header(request)!;
  const icmp = Buffer.from(request.subarray(header.headerLength));
  icmp[0] = 0;
  icmp.writeUInt16BE(0, 2);
  icmp.writeUInt16BE(internetChecksum(icmp), 2);
  return buildIpv4Packet({ source: CLIENT, destination: LAN_HOST, protocol: 1, payload: icmp });
}

function isEchoRequest(packet: Buffer): boolean {
  const header = parseIpv4Header(packet);
  return header?.protocol === 1 && packet[header.headerLength] === 8;
}

describe(
  'proxy-arp plugin on the seed topology',
  { skip: isRoot() ? false : 'needs root', timeout: 30_000 },
  () => {
    const lab = new NetnsLab('parp');
    let server = '';
    let lan = '';
    let serverLan = '';

    before(() => {
      server = lab.addNamespace();
      lan = lab.addNamespace();
      serverLan = lab.addVethPair(server, `${SERVER_LAN}/24`, lan, `${LAN_HOST}/24`).a;
      writeSysctl('net/ipv4/ip_forward', 1, { netns: server });
      // The kernel delays proxy answers by up to proxy_delay (0.8 s by default): keep timings crisp.
      writeSysctl(`net/ipv4/neigh/${serverLan}/proxy_delay`, 0, { netns: server });
    });
    after(() => lab.cleanup());

    const start = async (proxyArp: object = {}) => {
      const t = testAppliance(plugins, {
        tun: { name: lab.linkName('t'), localAddress: SERVER_LAN, netns: server },
        'proxy-arp': { netns: server, ...proxyArp },
      });
      await t.appliance.start();
      return t;
    };

    test('a LAN host pings a tunnel client: ARP is answered for it and the echo crosses the TUN both ways', async () => {
      const { appliance, logs } = await start();
      try {
        const session = appliance.sessions.create('pptp', '192.0.2.1');
        const received: Buffer[] = [];
        // What IPCP does when the address is agreed: announce it, then open the session's route.
        session.ipAssigned(CLIENT);
        const port = await appliance.container.resolve(packetSinkToken).open({
          address: CLIENT,
          mtu: 1400,
          deliver: (packet) => {
            const copy = Buffer.from(packet);
            received.push(copy);
            if (isEchoRequest(copy)) port.send(echoReplyTo(copy)); // the client answers
          },
        });
        session.attach('packet route', () => port.close());
        assert.equal(ip('-n', server, 'neigh', 'show', 'proxy').trim(), `${CLIENT} dev ${serverLan} proxy`);
        assert.ok(logs.has(`found interface ${serverLan} for proxy arp`, 'info'), logs.lines().join('\n'));

        const ping = spawn('ip', ['netns', 'exec', lan, 'ping', '-c1', '-W2', CLIENT], { stdio: 'ignore' });
        const [code] = (await once(ping, 'exit')) as [number];
        assert.equal(code, 0, 'the LAN host got its echo reply');
        const request = parseIpv4Header(received.find(isEchoRequest)!)!;
        assert.deepEqual([request.source, request.destination], [0x0acd0005, 0x0acd00c9]);
        const serverMac = /link\/ether (\S+)/.exec(ip('-n', server, 'link', 'show', serverLan))![1];
        assert.match(ip('-n', lan, 'neigh', 'show', CLIENT), new RegExp(`lladdr ${serverMac}`));

        await session.close(closeReason('peer-terminated'));
        assert.equal(ip('-n', server, 'neigh', 'show', 'proxy'), '', 'the entry went with the session');
        assert.equal(ip('-n', server, 'route', 'show', CLIENT), '');
      } finally {
        await appliance.stop();
      }
    });

    test('an address in no LAN subnet logs "Cannot determine ethernet address for proxy ARP"', async () => {
      const { appliance, logs } = await start();
      try {
        appliance.sessions.create('pptp', '192.0.2.2').ipAssigned('10.99.0.7');
        assert.ok(
          logs.has(/warn .*Cannot determine ethernet address for proxy ARP/),
          logs.lines().join('\n'),
        );
        assert.equal(ip('-n', server, 'neigh', 'show', 'proxy'), '');
      } finally {
        await appliance.stop();
      }
    });

    test('stopping the appliance withdraws the entries of sessions still up', async () => {
      const { appliance } = await start();
      appliance.sessions.create('pptp', '192.0.2.3').ipAssigned('10.205.0.202');
      assert.match(ip('-n', server, 'neigh', 'show', 'proxy'), /10\.205\.0\.202/);
      await appliance.stop();
      assert.equal(ip('-n', server, 'neigh', 'show', 'proxy'), '');
    });

    test('with ip_forward off it warns; ktune turns forwarding on', async () => {
      writeSysctl('net/ipv4/ip_forward', 0, { netns: server });
      const off = await start();
      await off.appliance.stop();
      assert.ok(off.logs.has(/warn .*IP forwarding is off/), off.logs.lines().join('\n'));
      const tuned = await start({ ktune: true });
      await tuned.appliance.stop();
      assert.equal(readSysctl('net/ipv4/ip_forward', { netns: server }), '1');
      assert.ok(tuned.logs.has('IP forwarding enabled (ktune)', 'info'));
      assert.ok(!tuned.logs.has('IP forwarding is off'));
    });
  },
);

test('enabled: false keeps the plugin idle: no host access, no entries', async () => {
  const { appliance, logs } = testAppliance([proxyArpPlugin] as Plugin<never>[], {
    'proxy-arp': { enabled: false },
  });
  await appliance.start();
  appliance.sessions.create('pptp', '192.0.2.1').ipAssigned('10.0.0.201');
  await appliance.stop();
  assert.ok(logs.has('proxy ARP disabled', 'debug'));
  assert.ok(!logs.has('proxy arp'));
});
