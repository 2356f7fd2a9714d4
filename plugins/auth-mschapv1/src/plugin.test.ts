// The plugin in an appliance: defaults, registration under authenticatorToken, a login through a stub
// credential store plugin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Plugin, askCredentialStores, authenticatorToken, credentialStoreToken } from '@switchyard/core';
import { staticCredentialsPlugin, testAppliance } from '@switchyard/core/testing';
import { ExchangeEnd, connectExchanges, settle } from '@switchyard/ppp/auth/testing';
import { authMschapv1Plugin } from './plugin.js';

const stubStorePlugin = staticCredentialsPlugin({ vpn1: '123456' }, 'stub-store');

test("MS-CHAPv1 registers with algorithm 0x80, pppd's defaults, and logs in through the stores", async () => {
  const { appliance, clock } = testAppliance([stubStorePlugin, authMschapv1Plugin] as Plugin<never>[]);
  await appliance.start();
  assert.deepEqual(appliance.config['auth-mschapv1'], {
    restartSeconds: 3,
    maxChallenge: 10,
    intervalSeconds: 0,
    maxRetries: 0,
    retryTimeoutSeconds: 60,
    stripDomain: false,
  });
  const [mschap] = appliance.container.resolveAll(authenticatorToken);
  assert.ok(mschap);
  assert.equal(mschap.name, 'mschap');
  assert.deepEqual(mschap.lcpData, Uint8Array.of(0x80));
  const stores = appliance.container.resolveAll(credentialStoreToken);
  const server = new ExchangeEnd({
    clock,
    logger: appliance.logger,
    lookup: (q) => askCredentialStores(stores, q),
  });
  const client = new ExchangeEnd({ clock, logger: appliance.logger });
  const a = mschap.authenticate(server.context);
  const b = mschap.prove(client.context, { user: 'vpn1', secret: '123456' });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  assert.ok(server.result?.ok && client.result?.ok);
  assert.deepEqual(server.result.keys, client.result.keys);
  await appliance.stop();
});
