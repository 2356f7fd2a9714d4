// The plugin in an appliance: defaults (no MS-CHAP-only settings), registration, a login through a
// stub credential store plugin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Plugin,
  askCredentialStores,
  authenticatorToken,
  credentialStoreToken,
  definePlugin,
} from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { ExchangeEnd, connectExchanges, settle } from '@switchyard/ppp/auth/testing';
import { authChapMd5Plugin } from './plugin.js';

const stubStorePlugin = definePlugin({
  id: 'stub-store',
  provides: [credentialStoreToken],
  register: (container) =>
    container.register(credentialStoreToken, {
      useValue: { name: 'stub', lookup: async () => ({ kind: 'found', secret: 'pw', addresses: ['*'] }) },
    }),
});

const plugins = [stubStorePlugin, authChapMd5Plugin] as Plugin<never>[];

test("CHAP-MD5 registers with algorithm 5 and pppd's defaults; MS-CHAP settings are refused", async () => {
  const { appliance } = testAppliance(plugins);
  await appliance.start();
  assert.deepEqual(appliance.config['auth-chap-md5'], {
    restartSeconds: 3,
    maxChallenge: 10,
    intervalSeconds: 0,
  });
  const [md5] = appliance.container.resolveAll(authenticatorToken);
  assert.equal(md5?.name, 'chap-md5');
  assert.deepEqual(md5?.lcpData, Uint8Array.of(5));
  await appliance.stop();
  await assert.rejects(
    testAppliance(plugins, { 'auth-chap-md5': { maxRetries: 1 } }).appliance.start(),
    /maxRetries/,
  );
});

test("a login through the appliance's credential stores succeeds on both sides", async () => {
  const { appliance, clock } = testAppliance(plugins);
  await appliance.start();
  const [md5] = appliance.container.resolveAll(authenticatorToken);
  assert.ok(md5);
  const stores = appliance.container.resolveAll(credentialStoreToken);
  const server = new ExchangeEnd({
    clock,
    logger: appliance.logger,
    lookup: (q) => askCredentialStores(stores, q),
  });
  const client = new ExchangeEnd({ clock, logger: appliance.logger });
  const a = md5.authenticate(server.context);
  const b = md5.prove(client.context, { user: 'anyone', secret: 'pw' });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  assert.deepEqual(server.result, { ok: true, user: 'anyone', addresses: ['*'] });
  assert.equal(client.result?.ok, true);
  await appliance.stop();
});
