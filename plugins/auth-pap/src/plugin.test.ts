// The plugin in an appliance: pppd's PAP defaults, registration under authenticatorToken, and a login
// through a stub credential store plugin (the same stores CHAP uses).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Plugin, askCredentialStores, authenticatorToken, credentialStoreToken } from '@switchyard/core';
import { staticCredentialsPlugin, testAppliance } from '@switchyard/core/testing';
import { ExchangeEnd, connectExchanges, settle } from '@switchyard/ppp/auth/testing';
import { authPapPlugin } from './plugin.js';

const stubStorePlugin = staticCredentialsPlugin(
  { vpn1: { secret: '123456', addresses: ['10.0.0.201'] } },
  'stub-store',
);

const plugins = [stubStorePlugin, authPapPlugin] as Plugin<never>[];

test("PAP registers with protocol 0xc023, empty LCP data and pppd's defaults", async () => {
  const { appliance } = testAppliance(plugins);
  await appliance.start();
  assert.deepEqual(appliance.config['auth-pap'], { restartSeconds: 3, maxAuthReq: 10, timeoutSeconds: 30 });
  const [pap] = appliance.container.resolveAll(authenticatorToken);
  assert.equal(pap?.name, 'pap');
  assert.equal(pap?.protocol, 0xc023);
  assert.equal(pap?.lcpData.length, 0);
  await appliance.stop();
});

test("a login through the appliance's credential stores: Ack for vpn1, Nak for a stranger", async () => {
  const { appliance, clock } = testAppliance(plugins);
  await appliance.start();
  const [pap] = appliance.container.resolveAll(authenticatorToken);
  assert.ok(pap);
  const stores = appliance.container.resolveAll(credentialStoreToken);
  for (const [user, ok] of [
    ['vpn1', true],
    ['mallory', false],
  ] as const) {
    const server = new ExchangeEnd({
      clock,
      logger: appliance.logger,
      lookup: (q) => askCredentialStores(stores, q),
    });
    const client = new ExchangeEnd({ clock, logger: appliance.logger });
    const a = pap.authenticate(server.context);
    const b = pap.prove(client.context, { user, secret: '123456' });
    connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
    a.start();
    b.start();
    await settle();
    assert.equal(server.result?.ok, ok);
    assert.equal(client.result?.ok, ok);
    a.stop();
    b.stop();
  }
  await appliance.stop();
});
