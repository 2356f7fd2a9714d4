// The per-session bookkeeping against a fake host: which entries exist, when they go, what is logged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason, SessionRegistry } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { IfFlags, parseIpv4, type InterfaceAddress } from '../machine/select-interface.js';
import type { HostNetwork } from './host-network.js';
import { ProxyArpEntries } from './proxy-arp-entries.js';

const eth0: InterfaceAddress = {
  name: 'eth0',
  device: 'eth0',
  address: parseIpv4('10.0.0.254')!,
  netmask: 0xffffff00,
  flags: IfFlags.up | IfFlags.broadcast,
  hardwareAddress: '02:00:00:00:00:fe',
};

function fakeHost(failWith?: { code: string }) {
  const published = new Set<string>();
  const host: HostNetwork = {
    interfaces: () => [eth0],
    publish: (address, device) => {
      if (failWith) throw Object.assign(new Error('refused'), failWith);
      published.add(`${address} dev ${device}`);
    },
    unpublish: (address, device) => {
      if (!published.delete(`${address} dev ${device}`))
        throw Object.assign(new Error('gone'), { code: 'SY_ERR_ARP_NOT_FOUND' });
    },
    ipForwarding: () => true,
    enableIpForwarding: () => undefined,
  };
  return { host, published };
}

function setup(failWith?: { code: string }) {
  const logs = new LogCapture();
  const logger = logs.logger();
  const registry = new SessionRegistry(new ManualClock(), logger);
  const { host, published } = fakeHost(failWith);
  return { logs, registry, published, entries: new ProxyArpEntries(host, logger) };
}

test('an assigned address is published on the LAN device and withdrawn once when the session closes', async () => {
  const { registry, entries, published, logs } = setup();
  const session = registry.create('pptp', '192.0.2.1');
  entries.publish(session, '10.0.0.201');
  entries.publish(session, '10.0.0.201'); // IPCP renegotiating the same address
  assert.deepEqual([...published], ['10.0.0.201 dev eth0']);
  assert.ok(logs.has('found interface eth0 for proxy arp', 'info'));
  await session.close(closeReason('peer-terminated'));
  assert.deepEqual([...published], []);
  entries.withdraw(session.id);
  assert.equal(entries.size, 0);
  assert.ok(!logs.has("Couldn't delete", 'warn'), 'exactly one removal');
});

test('a new address for the same session replaces the entry; the old release hook then does nothing', async () => {
  const { registry, entries, published } = setup();
  const session = registry.create('pptp', '192.0.2.1');
  entries.publish(session, '10.0.0.201');
  entries.publish(session, '10.0.0.202');
  assert.deepEqual([...published], ['10.0.0.202 dev eth0']);
  await session.close(closeReason('peer-terminated'));
  assert.deepEqual([...published], []);
});

test("an address outside every LAN subnet logs pppd's warning and the session goes on", () => {
  const { registry, entries, published, logs } = setup();
  entries.publish(registry.create('pptp', '192.0.2.1'), '172.16.0.9');
  assert.equal(published.size, 0);
  assert.ok(
    logs.has(/warn .*Cannot determine ethernet address for proxy ARP .*address=172\.16\.0\.9/),
    logs.lines().join('\n'),
  );
});

test('a refused SIOCSARP is logged as an error and leaves nothing to withdraw', async () => {
  const { registry, entries, logs } = setup({ code: 'SY_ERR_NET_PERMISSION' });
  const session = registry.create('pptp', '192.0.2.1');
  entries.publish(session, '10.0.0.201');
  assert.ok(logs.has(/error .*Couldn't add proxy arp entry .*refused/), logs.lines().join('\n'));
  assert.equal(entries.size, 0);
  await session.close(closeReason('peer-terminated'));
});

test('withdrawAll (plugin stop) removes every remaining entry', () => {
  const { registry, entries, published } = setup();
  entries.publish(registry.create('pptp', '192.0.2.1'), '10.0.0.201');
  entries.publish(registry.create('pptp', '192.0.2.2'), '10.0.0.202');
  entries.withdrawAll();
  assert.equal(published.size, 0);
  assert.equal(entries.size, 0);
});
