import { test } from 'node:test';
import assert from 'node:assert/strict';
import { injectable, inject } from './di.js';
import { createToken } from './tokens.js';
import { definePlugin, type Plugin } from './plugin.js';
import type { ConfigError, SwitchyardError } from './errors.js';
import { ErrorCodes } from './errors.js';
import { closeReason } from './sessions/close-reason.js';
import { testAppliance } from './testing/index.js';

interface Greeter {
  greet(name: string): string;
}
const greeterToken = createToken<Greeter>('test.greeter');

@injectable()
class Welcome {
  constructor(@inject(greeterToken) readonly greeter: Greeter) {}
}

function recordingPlugins(journal: string[]) {
  const provider = definePlugin<{ salutation: string }>({
    id: 'greeter',
    configSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { salutation: { type: 'string', minLength: 1, default: 'hello' } },
    },
    provides: [greeterToken],
    register: (container, config) =>
      container.registerInstance(greeterToken, { greet: (name) => `${config.salutation} ${name}` }),
    start: ({ logger }) => {
      journal.push('start greeter');
      logger.info('greeter ready');
      return { stop: () => void journal.push('stop greeter') };
    },
  });
  const consumer = definePlugin({
    id: 'welcome',
    requires: [greeterToken],
    start: ({ container }) => {
      journal.push(`start welcome: ${container.resolve(Welcome).greeter.greet('vpn1')}`);
      return { stop: () => void journal.push('stop welcome') };
    },
  });
  return { provider, consumer };
}

test('a two-plugin appliance starts providers first, injects by token, stops in reverse', async () => {
  const journal: string[] = [];
  const { provider, consumer } = recordingPlugins(journal);
  // Listed consumer-first on purpose: order comes from requires/provides, not from the list.
  const { appliance, logs } = testAppliance([consumer, provider] as Plugin<never>[], {
    greeter: { salutation: 'hi' },
  });
  await appliance.start();
  assert.equal(appliance.state, 'running');
  await appliance.stop();
  assert.deepEqual(journal, ['start greeter', 'start welcome: hi vpn1', 'stop welcome', 'stop greeter']);
  assert.ok(logs.has('[plugin=greeter] greeter ready'), logs.lines().join('\n'));
  assert.equal(appliance.state, 'stopped');
});

test('config defaults are applied and the validated config is frozen', async () => {
  const { provider, consumer } = recordingPlugins([]);
  const { appliance } = testAppliance([provider, consumer] as Plugin<never>[]);
  await appliance.start();
  assert.deepEqual(appliance.config.greeter, { salutation: 'hello' });
  assert.ok(Object.isFrozen(appliance.config.greeter));
  await appliance.stop();
});

test('a plugin that fails to start: those started are stopped in reverse and the error names it', async () => {
  const journal: string[] = [];
  const { provider, consumer } = recordingPlugins(journal);
  const broken = definePlugin({
    id: 'broken',
    requires: [greeterToken],
    start: () => {
      throw new Error('no such device');
    },
  });
  const { appliance, logs } = testAppliance([provider, consumer, broken] as Plugin<never>[]);
  await assert.rejects(appliance.start(), (error: SwitchyardError) => {
    assert.equal(error.code, ErrorCodes.pluginStartFailed);
    assert.match(error.message, /plugin 'broken' failed to start: Error: no such device/);
    return true;
  });
  assert.deepEqual(journal, ['start greeter', 'start welcome: hello vpn1', 'stop welcome', 'stop greeter']);
  assert.equal(appliance.state, 'failed');
  assert.ok(logs.has(/plugin failed to start plugin=broken|\[plugin=broken\] plugin failed to start/));
});

test('invalid config stops the start before any plugin registers, naming every problem', async () => {
  const journal: string[] = [];
  const { provider, consumer } = recordingPlugins(journal);
  const { appliance } = testAppliance([provider, consumer] as Plugin<never>[], {
    greeter: { salutation: '', volume: 11 },
    nosuchplugin: {},
  });
  await assert.rejects(appliance.start(), (error: ConfigError) => {
    assert.equal(error.code, ErrorCodes.configInvalid);
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p]));
    assert.equal(byPath['/greeter/salutation']?.value, '');
    assert.match(byPath['/greeter/salutation']?.reason ?? '', /fewer than 1 characters/);
    assert.equal(byPath['/greeter/volume']?.value, 11);
    assert.equal(byPath['/greeter/volume']?.reason, 'unknown setting');
    assert.equal(byPath['/nosuchplugin']?.reason, 'unknown setting');
    assert.match(error.message, /3 problems/);
    return true;
  });
  assert.deepEqual(journal, []);
});

test("a plugin's own validate() problems are reported with the section path", async () => {
  const plugin = definePlugin<{ range: string }>({
    id: 'pool',
    configSchema: { type: 'object', properties: { range: { type: 'string', default: '10.0.0.9-1' } } },
    validate: (config) => [{ path: '/range', value: config.range, reason: 'range end is below its start' }],
  });
  const { appliance } = testAppliance([plugin] as Plugin<never>[]);
  await assert.rejects(appliance.start(), (error: ConfigError) => {
    assert.deepEqual(error.problems, [
      { path: '/pool/range', value: '10.0.0.9-1', reason: 'range end is below its start' },
    ]);
    return true;
  });
});

test('stop() closes every session with reason shutdown before plugins stop', async () => {
  const journal: string[] = [];
  const plugin = definePlugin({
    id: 'tunnel',
    start: ({ sessions }) => {
      const session = sessions.create('test', '192.0.2.1');
      session.attach('call-id', () => void journal.push('release call-id'));
      sessions.bus.on('down', (_s, reason) => journal.push(`down ${reason.code}`));
      return { stop: () => void journal.push('stop tunnel') };
    },
  });
  const { appliance } = testAppliance([plugin] as Plugin<never>[]);
  await appliance.start();
  assert.equal(appliance.sessions.size, 1);
  await appliance.stop();
  assert.deepEqual(journal, ['release call-id', 'down shutdown', 'stop tunnel']);
  assert.equal(appliance.sessions.size, 0);
  void closeReason;
});

test('an appliance starts once; stop before start is a no-op', async () => {
  const { appliance } = testAppliance([]);
  await appliance.stop();
  await appliance.start();
  await assert.rejects(appliance.start(), { code: ErrorCodes.applianceState });
  await appliance.stop();
});

test('string formats (ipv4) are checked', async () => {
  const plugin = definePlugin<{ listen: string }>({
    id: 'listener',
    configSchema: { type: 'object', properties: { listen: { type: 'string', format: 'ipv4' } } },
  });
  const { appliance } = testAppliance([plugin] as Plugin<never>[], { listener: { listen: '10.0.0.300' } });
  await assert.rejects(
    appliance.start(),
    /\/listener\/listen: must match format "ipv4" \(value: "10.0.0.300"\)/,
  );
});
