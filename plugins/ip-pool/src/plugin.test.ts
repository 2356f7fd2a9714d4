import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressPoolToken,
  closeReason,
  credentialStoreToken,
  definePlugin,
  type ConfigError,
  type Plugin,
} from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { ipPoolPlugin, ipPoolToken } from './plugin.js';

/** The seed how-to's pptpd.conf, verbatim values. */
const seedConfig = { 'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-210' } };
const plugins = [ipPoolPlugin] as Plugin<never>[];

async function started(config: unknown = seedConfig) {
  const t = testAppliance(plugins, config);
  await t.appliance.start();
  const pool = t.appliance.container.resolve(addressPoolToken);
  return { ...t, pool, ipPool: t.appliance.container.resolve(ipPoolToken) };
}

test("the seed pptpd.conf pool: 11 addresses, local 10.0.0.254, vpn1's static 10.0.0.201", async () => {
  const { appliance, pool, ipPool, logs } = await started();
  assert.equal(pool, ipPool, 'one pool behind both tokens');
  assert.ok(logs.has('[plugin=ip-pool] address pool ready: 11 addresses', 'info'), logs.lines().join('\n'));
  const s1 = appliance.sessions.create('pptp', '192.0.2.1');
  const s2 = appliance.sessions.create('pptp', '192.0.2.2');
  assert.deepEqual(await pool.allocate({ sessionId: s1.id }), {
    address: '10.0.0.200',
    sessionId: s1.id,
    local: '10.0.0.254',
  });
  const vpn1 = await pool.allocate({ sessionId: s2.id, user: 'vpn1', allowed: ['10.0.0.201'] });
  assert.equal(vpn1?.address, '10.0.0.201');
  assert.equal(
    await pool.allocate({ sessionId: s2.id, user: 'vpn1', allowed: ['10.0.0.201'] }),
    vpn1,
    'same lease',
  );
  assert.deepEqual(ipPool.counters, { allocations: 2, releases: 0, exhausted: 0, refused: 0 });
  await appliance.stop();
});

test('every kind of session end returns the address, once, even when IPCP also releases it', async () => {
  const { appliance, pool, ipPool } = await started();
  const reasons = ['peer-terminated', 'echo-timeout', 'auth-failed', 'transport-closed'] as const;
  for (const code of reasons) {
    const session = appliance.sessions.create('pptp', '192.0.2.9');
    const lease = await pool.allocate({ sessionId: session.id });
    assert.ok(lease);
    session.attach('ipcp address', () => pool.release(lease)); // what the IPCP layer does
    await session.close(closeReason(code));
    assert.equal(ipPool.inUse, 0, code);
  }
  const survivor = appliance.sessions.create('pptp', '192.0.2.10');
  assert.ok(await pool.allocate({ sessionId: survivor.id }));
  await appliance.stop(); // shutdown closes the last session
  assert.equal(ipPool.inUse, 0);
  assert.deepEqual(ipPool.counters, { allocations: 5, releases: 5, exhausted: 0, refused: 0 });
});

test('an exhausted pool answers undefined and logs a warn line with its size', async () => {
  const { appliance, pool, ipPool, logs } = await started({
    'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-201' },
  });
  const ids = [1, 2, 3].map(() => appliance.sessions.create('pptp', '192.0.2.1').id);
  assert.ok(await pool.allocate({ sessionId: ids[0]! }));
  assert.ok(await pool.allocate({ sessionId: ids[1]! }));
  assert.equal(await pool.allocate({ sessionId: ids[2]!, user: 'vpn2' }), undefined);
  assert.ok(
    logs.has(
      /warn .*\[plugin=ip-pool.*\] address pool exhausted: 2 of 2 addresses in use .*user=vpn2.*size=2/,
    ),
    logs.lines().join('\n'),
  );
  assert.equal(ipPool.counters.exhausted, 1);
  await appliance.stop();
});

test('a user whose static address is taken gets none, and the log says why', async () => {
  const { appliance, pool, ipPool, logs } = await started();
  const first = appliance.sessions.create('pptp', '192.0.2.1');
  const second = appliance.sessions.create('pptp', '192.0.2.2');
  assert.ok(await pool.allocate({ sessionId: first.id, user: 'vpn1', allowed: ['10.0.0.201'] }));
  assert.equal(
    await pool.allocate({ sessionId: second.id, user: 'vpn1', allowed: ['10.0.0.201'] }),
    undefined,
  );
  assert.ok(logs.has(`no address for vpn1: its address 10.0.0.201 is in use by session ${first.id}`, 'warn'));
  assert.equal(ipPool.counters.refused, 1);
  await appliance.stop();
});

test('no lease for a session that is closed or unknown, so nothing can leak', async () => {
  const { appliance, pool, ipPool } = await started();
  const session = appliance.sessions.create('pptp', '192.0.2.1');
  await session.close(closeReason('peer-terminated'));
  assert.equal(await pool.allocate({ sessionId: session.id }), undefined);
  assert.equal(await pool.allocate({ sessionId: 4242 }), undefined);
  assert.equal(ipPool.inUse, 0);
  await appliance.stop();
});

test('without localip the pptpd default 192.168.0.1-100 pairs by position, and unused remotes are reported', async () => {
  const { appliance, pool, logs } = await started({ 'ip-pool': { remoteip: '192.168.1.1-101' } });
  assert.deepEqual(appliance.config['ip-pool'], { remoteip: '192.168.1.1-101', localip: '192.168.0.1-100' });
  const session = appliance.sessions.create('pptp', '192.0.2.1');
  assert.deepEqual(await pool.allocate({ sessionId: session.id }), {
    address: '192.168.1.1',
    sessionId: session.id,
    local: '192.168.0.1',
  });
  assert.ok(
    logs.has(/warn .*1 remote addresses stay unused .*unused=192\.168\.1\.101/),
    logs.lines().join('\n'),
  );
  assert.ok(logs.has('address pool ready: 100 addresses'));
  await appliance.stop();
});

test('validate() reports every bad item with its field and value before anything starts', async () => {
  const { appliance } = testAppliance(plugins, {
    'ip-pool': { remoteip: '10.0.0.234-8,10.0.0.1,10.0.0.1', localip: '10.0.0.254, 10.0.0.253' },
  });
  await assert.rejects(appliance.start(), (error: ConfigError) => {
    assert.equal(error.code, 'SY_ERR_CONFIG_INVALID');
    assert.deepEqual(
      error.problems.map((p) => [p.path, p.value]),
      [
        ['/ip-pool/remoteip', '10.0.0.234-8'],
        ['/ip-pool/localip', ' 10.0.0.253'],
      ],
    );
    assert.match(error.message, /234-8 runs backwards/);
    assert.match(error.message, /spaces are not allowed/);
    return true;
  });
  assert.equal(appliance.state, 'failed');
});

test('a repeated remote address and a missing remoteip are configuration errors', async () => {
  const repeated = testAppliance(plugins, { 'ip-pool': { remoteip: '10.0.0.1-3,10.0.0.2' } }).appliance;
  await assert.rejects(repeated.start(), /\/ip-pool\/remoteip: listed more than once.*"10\.0\.0\.2"/);
  const missing = testAppliance(plugins, {}).appliance;
  await assert.rejects(missing.start(), /\/ip-pool\/remoteip: is required/);
});

test("the credential stores' fixed addresses stay their users': skipped for others, and said so when it runs out", async () => {
  const store = definePlugin({
    id: 'fixed-addresses',
    provides: [credentialStoreToken],
    register: (container) =>
      container.registerInstance(credentialStoreToken, {
        name: 'fixed',
        lookup: async () => ({ kind: 'not-found' }),
        reservedAddresses: () => new Map([['10.0.0.201', 'vpn1']]),
      }),
  });
  const t = testAppliance([store, ipPoolPlugin] as Plugin<never>[], {
    'ip-pool': { localip: '10.0.0.254', remoteip: '10.0.0.200-201' },
  });
  await t.appliance.start();
  const pool = t.appliance.container.resolve(addressPoolToken);
  const [a, b, c] = ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((peer) =>
    t.appliance.sessions.create('pptp', peer),
  );
  assert.equal(
    (await pool.allocate({ sessionId: a!.id, user: 'guest', allowed: ['*'] }))?.address,
    '10.0.0.200',
  );
  assert.equal(await pool.allocate({ sessionId: b!.id, user: 'guest2', allowed: ['*'] }), undefined);
  assert.ok(
    t.logs.has(
      '[plugin=ip-pool session=2] address pool exhausted: 1 of 2 addresses in use; 1 free address is kept for the users chap-secrets fixes them to user=guest2 size=2',
      'warn',
    ),
    t.logs.lines().join('\n'),
  );
  const owner = await pool.allocate({ sessionId: c!.id, user: 'vpn1', allowed: ['10.0.0.201'] });
  assert.equal(owner?.address, '10.0.0.201');
  await t.appliance.stop();
});
