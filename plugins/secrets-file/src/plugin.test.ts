import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  askCredentialStores,
  credentialStoreToken,
  type Plugin,
  type SwitchyardError,
} from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { secretsFilePlugin, secretsFileStoreToken } from './plugin.js';

/** The seed how-to's /etc/ppp/chap-secrets, verbatim. */
const seedFile = `# PPTP User Accounts
# username server_name password ip
vpn1 Nanu-VPN "123456" 10.0.0.201
`;
const plugins = [secretsFilePlugin] as Plugin<never>[];

async function setup(t: { after(fn: () => Promise<void>): void }, text: string, options: object = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'secrets-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'chap-secrets');
  await writeFile(path, text, { mode: 0o600 });
  const harness = testAppliance(plugins, { 'secrets-file': { path, ...options } });
  t.after(() => harness.appliance.stop());
  await harness.appliance.start();
  const store = harness.appliance.container.resolve(secretsFileStoreToken);
  return { ...harness, path, store };
}

test("the seed's chap-secrets answers vpn1 on server Nanu-VPN with its secret and static address", async (t) => {
  const { appliance, logs } = await setup(t, seedFile);
  const stores = appliance.container.resolveAll(credentialStoreToken);
  assert.deepEqual(await askCredentialStores(stores, { user: 'vpn1', server: 'Nanu-VPN' }), {
    kind: 'found',
    secret: '123456',
    addresses: ['10.0.0.201'],
  });
  assert.deepEqual(await askCredentialStores(stores, { user: 'vpn9', server: 'Nanu-VPN' }), {
    kind: 'not-found',
  });
  assert.ok(
    logs.has(/info .*\[plugin=secrets-file\] chap-secrets loaded: 1 entries/),
    logs.lines().join('\n'),
  );
});

test('a server column that is not our name fails the login, and the log says why', async (t) => {
  const { store, logs } = await setup(t, seedFile);
  assert.deepEqual(await store.lookup({ user: 'vpn1', server: 'pptpd' }), { kind: 'not-found' });
  assert.ok(
    logs.has(/warn .*chap-secrets has user vpn1 only for server 'Nanu-VPN', and we are 'pptpd'.*line=3/),
    logs.lines().join('\n'),
  );
});

test('problem lines are logged as warnings with their number; the other lines load', async (t) => {
  const { store, logs } = await setup(t, 'vpn1 pptpd\nvpn2 pptpd "two words" *\nvpn3 pptpd s3\n');
  assert.deepEqual(await store.lookup({ user: 'vpn2', server: 'pptpd' }), {
    kind: 'found',
    secret: 'two words',
    addresses: ['*'],
  });
  assert.ok(
    logs.has(/warn .*chap-secrets line 1: incomplete entry.*\(line ignored\)/),
    logs.lines().join('\n'),
  );
  assert.ok(logs.has(/warn .*chap-secrets line 3: no IP address column/));
});

test('reload() swaps the entries; open sessions are untouched', async (t) => {
  const { appliance, store, path, logs } = await setup(t, seedFile, { reloadOnChange: false });
  const session = appliance.sessions.create('pptp', '192.0.2.1');
  session.authenticated('vpn1');
  await writeFile(path, `${seedFile}vpn2 Nanu-VPN "654321" *\n`);
  assert.equal((await store.lookup({ user: 'vpn2', server: 'Nanu-VPN' })).kind, 'not-found', 'no reload yet');
  assert.equal(await store.reload(), true);
  assert.equal((await store.lookup({ user: 'vpn2', server: 'Nanu-VPN' })).kind, 'found');
  assert.ok(session.isOpen);
  assert.equal(appliance.sessions.get(session.id)?.info.user, 'vpn1');
  assert.ok(logs.has('chap-secrets reloaded: 2 entries', 'info'));
});

test('a reload that cannot read the file keeps the old entries and logs an error', async (t) => {
  const { store, path, logs } = await setup(t, seedFile, { reloadOnChange: false });
  await unlink(path);
  assert.equal(await store.reload(), false);
  assert.equal((await store.lookup({ user: 'vpn1', server: 'Nanu-VPN' })).kind, 'found');
  assert.ok(
    logs.has(/error .*chap-secrets reload failed, keeping the 1 entries loaded before .*ENOENT/),
    logs.lines().join('\n'),
  );
});

test('SIGHUP re-reads the file; stop() unhooks the signal', async (t) => {
  const before = process.listenerCount('SIGHUP');
  const { appliance, store, path, logs } = await setup(t, seedFile, { reloadOnChange: false });
  assert.equal(process.listenerCount('SIGHUP'), before + 1);
  await writeFile(path, 'vpn7 * seven *\n');
  process.kill(process.pid, 'SIGHUP');
  for (let i = 0; i < 200 && store.entries[0]?.client !== 'vpn7'; i++)
    await new Promise((r) => setTimeout(r, 5));
  assert.equal(store.entries[0]?.client, 'vpn7');
  assert.ok(logs.has('SIGHUP: re-reading chap-secrets', 'info'));
  await appliance.stop();
  assert.equal(process.listenerCount('SIGHUP'), before);
});

test('like pppd, which reads chap-secrets at every login, an edited file is used without a signal', async (t) => {
  const { store, path } = await setup(t, seedFile, { reloadOnSighup: false });
  await writeFile(path, `${seedFile}newuser Nanu-VPN "fresh" *\n`);
  assert.deepEqual(await store.lookup({ user: 'newuser', server: 'Nanu-VPN' }), {
    kind: 'found',
    secret: 'fresh',
    addresses: ['*'],
  });
});

test('a file that vanishes is reported once, and the old entries keep answering', async (t) => {
  const { store, path, logs } = await setup(t, seedFile);
  await unlink(path);
  for (let i = 0; i < 3; i++)
    assert.equal((await store.lookup({ user: 'vpn1', server: 'Nanu-VPN' })).kind, 'found');
  assert.equal(logs.lines('error').length, 1, logs.lines('error').join('\n'));
  await writeFile(path, 'vpn1 Nanu-VPN "changed" *\n');
  assert.deepEqual(await store.lookup({ user: 'vpn1', server: 'Nanu-VPN' }), {
    kind: 'found',
    secret: 'changed',
    addresses: ['*'],
  });
});

test('a missing file stops the boot with SY_ERR_SECRETS_UNREADABLE naming the path and errno', async () => {
  const path = join(tmpdir(), `no-such-chap-secrets-${process.pid}`);
  const { appliance } = testAppliance(plugins, { 'secrets-file': { path } });
  await assert.rejects(appliance.start(), (error: SwitchyardError) => {
    assert.equal(error.code, 'SY_ERR_PLUGIN_START_FAILED');
    const cause = error.cause as SwitchyardError;
    assert.equal(cause.code, 'SY_ERR_SECRETS_UNREADABLE');
    assert.match(cause.message, new RegExp(`${path}: ENOENT`));
    return true;
  });
});

test('defaults are /etc/ppp/chap-secrets and both reloads on; a relative path is a config error', async () => {
  assert.deepEqual(testAppliance(plugins).appliance.config['secrets-file'], {
    path: '/etc/ppp/chap-secrets',
    reloadOnSighup: true,
    reloadOnChange: true,
    allowMissing: false,
  });
  const relative = testAppliance(plugins, { 'secrets-file': { path: 'chap-secrets' } }).appliance;
  await assert.rejects(relative.start(), /\/secrets-file\/path: must be an absolute path/);
});

test('allowMissing: a file that does not exist yet means no users, and its creation is noticed', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'secrets-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'chap-secrets');
  const { appliance, logs } = testAppliance(plugins, { 'secrets-file': { path, allowMissing: true } });
  t.after(() => appliance.stop());
  await appliance.start();
  assert.ok(logs.has(/does not exist: no user can log in until it is created/));
  const stores = appliance.container.resolveAll(credentialStoreToken);
  assert.deepEqual(await askCredentialStores(stores, { user: 'vpn1', server: 'Nanu-VPN' }), {
    kind: 'not-found',
  });
  await writeFile(path, seedFile, { mode: 0o600 });
  assert.equal((await askCredentialStores(stores, { user: 'vpn1', server: 'Nanu-VPN' })).kind, 'found');
});

test("the seed's vpn1 keeps 10.0.0.201 as its fixed address (reservedAddresses), following reloads", async (t) => {
  const { store, path } = await setup(t, seedFile);
  assert.deepEqual([...store.reservedAddresses()], [['10.0.0.201', 'vpn1']]);
  await writeFile(path, `${seedFile}vpn2 * "s" 10.0.0.205\nguest * "g" *\n`);
  assert.equal(await store.reload(), true);
  assert.deepEqual(
    [...store.reservedAddresses()],
    [
      ['10.0.0.201', 'vpn1'],
      ['10.0.0.205', 'vpn2'],
    ],
  );
});
