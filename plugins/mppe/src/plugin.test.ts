import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { PppProtocol, networkControlToken } from '@switchyard/ppp';
import { mppeControlToken, mppePlugin } from './plugin.js';
import { FakePppContext, PppWire, rfcKeyMaterial } from './testing/index.js';

const plugins = [mppePlugin] as Plugin<never>[];

test('provides the CCP factory on networkControlToken (multi-provider) and logs the policy', async () => {
  const { appliance, logs } = testAppliance(plugins, { mppe: { requireMppe128: true } });
  await appliance.start();
  const factories = appliance.container.resolveAll(networkControlToken);
  assert.deepEqual(
    factories.map((f) => f.name),
    ['CCP'],
  );
  assert.equal(factories[0], appliance.container.resolve(mppeControlToken));
  assert.ok(logs.has('[plugin=mppe] MPPE required: 128-bit, stateless only', 'info'));
  await appliance.stop();
});

test('defaults are pppd’s: MPPE off, CCP on', async () => {
  const { appliance, logs } = testAppliance(plugins);
  await appliance.start();
  const factory = appliance.container.resolve(mppeControlToken);
  assert.equal(factory.settings.required, false);
  assert.ok(logs.has('MPPE off: CCP rejects every compression'));
  await appliance.stop();
});

test('a session end to end through the factory; counters reach the appliance totals after dispose', async () => {
  const { appliance } = testAppliance(plugins, { mppe: { requireMppe: true } });
  await appliance.start();
  const factory = appliance.container.resolve(mppeControlToken);
  const server = new FakePppContext({ keys: rfcKeyMaterial() });
  const client = new FakePppContext({ role: 'client', keys: rfcKeyMaterial(), clock: server.clock });
  const wire = new PppWire(server, client);
  const ends = [server, client].map((context) => factory.create(context, context.recordEvents()));
  for (const end of ends) end?.start();
  wire.pump();
  assert.equal(factory.sessions, 2);
  client.send(PppProtocol.IP, Uint8Array.of(0x45, 0, 0, 4));
  wire.pump();
  assert.equal(server.received.length, 1);
  for (const end of ends) end?.dispose();
  assert.equal(factory.sessions, 0);
  const totals = factory.counters();
  assert.deepEqual([totals.packetsEncrypted, totals.packetsDecrypted], [1, 1]);
  await appliance.stop();
});

test('contradictory and unknown settings stop the boot with every problem listed', async () => {
  const { appliance } = testAppliance(plugins, {
    mppe: { requireMppe128: true, nomppe: true, nomppe128: true, mppe128: true },
  });
  await assert.rejects(appliance.start(), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(
      error.problems.map((p) => p.path),
      ['/mppe/mppe128'],
      'schema errors are reported first',
    );
    return true;
  });
  const second = testAppliance(plugins, { mppe: { requireMppe128: true, nomppe: true, nomppe128: true } });
  await assert.rejects(second.appliance.start(), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(
      error.problems.map((p) => `${p.path}: ${p.reason}`),
      [
        '/mppe/nomppe: contradicts requireMppe/requireMppe40/requireMppe128',
        '/mppe/nomppe128: contradicts requireMppe128',
      ],
    );
    return true;
  });
});

test('noccp: the driver gets no CCP', async () => {
  const { appliance } = testAppliance(plugins, { mppe: { noccp: true } });
  await appliance.start();
  const factory = appliance.container.resolve(mppeControlToken);
  const context = new FakePppContext();
  assert.equal(factory.create(context, context.recordEvents()), undefined);
  await appliance.stop();
});
