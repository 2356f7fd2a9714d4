import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Appliance, credentialStoreToken, type Plugin } from '@switchyard/core';
import { LogCapture } from '@switchyard/core/testing';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';
import { staticUserPlugin } from './static-user.js';

test('the README plugin example runs in an appliance and answers credential lookups', async () => {
  const logs = new LogCapture();
  const appliance = new Appliance({
    plugins: [staticUserPlugin, sessionLogPlugin] as Plugin<never>[],
    config: { 'static-user': { user: 'vpn1', secret: 'correct horse' } },
    logSink: logs.sink,
  });
  await appliance.start();
  const store = appliance.container.resolve(credentialStoreToken);
  assert.deepEqual(await store.lookup({ user: 'vpn1', server: 'pptpd' }), {
    kind: 'found',
    secret: 'correct horse',
    addresses: [],
  });
  assert.deepEqual(await store.lookup({ user: 'vpn2', server: 'pptpd' }), { kind: 'not-found' });
  await appliance.stop();
  assert.ok(logs.has('[plugin=static-user] static user ready'));
  assert.ok(logs.has('[plugin=static-user] static user stopped'));
});

test('the README shows this example verbatim', () => {
  const source = readFileSync(
    fileURLToPath(new URL('../../src/examples/static-user.ts', import.meta.url)),
    'utf8',
  );
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const body = source.slice(source.indexOf('import {'));
  assert.ok(
    readme.includes(body.trim()),
    'README.md "Writing a plugin" must match test/src/examples/static-user.ts',
  );
});

test('the README example rejects a short secret at boot, naming the field', async () => {
  const appliance = new Appliance({
    plugins: [staticUserPlugin] as Plugin<never>[],
    config: { 'static-user': { user: 'vpn1', secret: '123456' } },
    logSink: () => {},
  });
  await assert.rejects(appliance.start(), /\/static-user\/secret: must NOT have fewer than 8 characters/);
});
