// The plugin in an appliance: its config section (defaults, unknown keys refused), its Authenticator
// under authenticatorToken next to others, and a login through a stub credential store plugin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Authenticator,
  type Plugin,
  askCredentialStores,
  authenticatorToken,
  credentialStoreToken,
  definePlugin,
} from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { ExchangeEnd, connectExchanges, settle } from '@switchyard/ppp/auth/testing';
import { authMschapv2Plugin } from './plugin.js';

const stubStorePlugin = definePlugin({
  id: 'stub-store',
  provides: [credentialStoreToken],
  register: (container) =>
    container.register(credentialStoreToken, {
      useValue: {
        name: 'stub',
        lookup: async ({ user, server }) =>
          user === 'vpn1' && server === 'Nanu-VPN'
            ? { kind: 'found', secret: '123456', addresses: ['10.0.0.201'] }
            : { kind: 'not-found' },
      },
    }),
});

/** Another authenticator under the same token, as a second auth plugin would register one. */
const otherAuthPlugin = definePlugin({
  id: 'other-auth',
  provides: [authenticatorToken],
  register: (container) =>
    container.register(authenticatorToken, {
      useValue: { name: 'other', protocol: 0xc023, lcpData: new Uint8Array(0), strength: 1 } as Authenticator,
    }),
});

const plugins = [stubStorePlugin, otherAuthPlugin, authMschapv2Plugin] as Plugin<never>[];

test("the section gets pppd's defaults, and unknown settings stop the boot", async () => {
  const { appliance } = testAppliance(plugins);
  await appliance.start();
  assert.deepEqual(appliance.config['auth-mschapv2'], {
    restartSeconds: 3,
    maxChallenge: 10,
    intervalSeconds: 0,
    maxRetries: 0,
    retryTimeoutSeconds: 60,
    stripDomain: false,
  });
  await appliance.stop();
  const bad = testAppliance(plugins, { 'auth-mschapv2': { maxChalenge: 3, maxRetries: -1 } });
  await assert.rejects(bad.appliance.start(), /maxChalenge.*unknown setting[\s\S]*maxRetries/);
});

test('authenticators coexist under authenticatorToken; MS-CHAPv2 advertises CHAP algorithm 0x81', async () => {
  const { appliance } = testAppliance(plugins);
  await appliance.start();
  const all = appliance.container.resolveAll(authenticatorToken);
  assert.deepEqual(all.map((a) => a.name).sort(), ['mschap-v2', 'other']);
  const mschap = all.find((a) => a.name === 'mschap-v2');
  assert.equal(mschap?.protocol, 0xc223);
  assert.deepEqual(mschap?.lcpData, Uint8Array.of(0x81));
  assert.ok((mschap?.strength ?? 0) > Math.max(...all.filter((a) => a !== mschap).map((a) => a.strength)));
  await appliance.stop();
});

test("a login through the appliance's credential stores succeeds with the same keys on both sides", async () => {
  const { appliance, clock, logs } = testAppliance(plugins, { 'auth-mschapv2': { maxChallenge: 3 } });
  await appliance.start();
  const mschap = appliance.container.resolveAll(authenticatorToken).find((a) => a.name === 'mschap-v2');
  assert.ok(mschap);
  const stores = appliance.container.resolveAll(credentialStoreToken);
  const logger = appliance.logger.child({ session: 1 });
  const server = new ExchangeEnd({ clock, logger, lookup: (q) => askCredentialStores(stores, q) });
  const client = new ExchangeEnd({ clock, logger });
  const a = mschap.authenticate(server.context);
  const b = mschap.prove(client.context, { user: 'vpn1', secret: '123456' });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  assert.ok(server.result?.ok && client.result?.ok);
  assert.deepEqual(server.result.addresses, ['10.0.0.201']);
  assert.deepEqual(server.result.keys, client.result.keys);
  assert.ok(logs.has(/sent \[CHAP Challenge id=0x[0-9a-f]+ <[0-9a-f]{32}>, name = "Nanu-VPN"\]/));
  assert.ok(logs.has(/rcvd \[CHAP Success id=0x[0-9a-f]+ "S=[0-9A-F]{40} M=Access granted"\]/));
  await appliance.stop();
});
