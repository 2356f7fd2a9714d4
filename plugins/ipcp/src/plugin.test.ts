// The ipcp plugin in an appliance: it provides the NetworkControlFactory, needs an AddressPool, and
// checks ms-dns / ms-wins before anything starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressPoolToken, definePlugin, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { networkControlToken } from '@switchyard/ppp';
import { ipcpPlugin } from './plugin.js';
import { FakePool } from './testing/bench.js';

const poolPlugin = definePlugin({
  id: 'pool',
  provides: [addressPoolToken],
  register: (container) => container.registerInstance(addressPoolToken, new FakePool('10.0.0.201')),
}) as Plugin<never>;

test('provides an IPCP NetworkControlFactory; warns that IP is dropped without a packet sink', async () => {
  const { appliance, logs } = testAppliance([ipcpPlugin, poolPlugin] as Plugin<never>[], {
    ipcp: { msDns: ['202.106.46.151', '202.106.0.20'] },
  });
  await appliance.start();
  assert.equal(appliance.container.resolve(networkControlToken).name, 'IPCP');
  assert.ok(logs.has('no packet sink installed', 'warn'));
  await appliance.stop();
});

test('requires an address pool (pptpd remoteip)', async () => {
  const { appliance } = testAppliance([ipcpPlugin] as Plugin<never>[], {});
  await assert.rejects(appliance.start(), /addressPool/);
});

test('bad ms-dns and ms-wins addresses, and a third ms-dns, stop the boot with every problem listed', async () => {
  const { appliance } = testAppliance([ipcpPlugin, poolPlugin] as Plugin<never>[], {
    ipcp: { msDns: ['202.106.46.151', '202.106.0.300', '1.1.1.1'], msWins: ['0.0.0.0'] },
  });
  await assert.rejects(appliance.start(), (error: Error) => {
    assert.match(error.message, /msDns/);
    return true;
  });
  const two = testAppliance([ipcpPlugin, poolPlugin] as Plugin<never>[], {
    ipcp: { msDns: ['202.106.0.300'], msWins: ['0.0.0.0'] },
  });
  await assert.rejects(two.appliance.start(), (error: Error) => {
    assert.match(error.message, /msDns\/0.*not an IPv4 address/s);
    assert.match(error.message, /msWins\/0.*0\.0\.0\.0 cannot be given to peers/s);
    return true;
  });
});
