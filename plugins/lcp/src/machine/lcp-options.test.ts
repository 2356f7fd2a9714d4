import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLcpConfig } from '../config.js';
import { MSCHAP_V2 } from '../testing/harness.js';
import { lcpAuthPolicy, sharedLcpAuthPolicy } from './auth-policy.js';
import { lcpOptions } from './lcp.js';

test('sessions of one config share the stateless option specs; auth and magic stay per session', () => {
  const config = resolveLcpConfig({ mru: 1400 });
  const policy = lcpAuthPolicy(config, 'server', [MSCHAP_V2]);
  const [a, b] = [lcpOptions(config, policy, () => 1), lcpOptions(config, policy, () => 2)];
  for (const name of ['mru', 'accm', 'pfc', 'acfc'] as const) assert.equal(a[name], b[name], name);
  assert.notEqual(a.auth, b.auth);
  assert.notEqual(a.magic, b.magic);
  assert.equal(a.magic.judge, b.magic.judge, 'the magic spec keeps its state in fields, its code shared');
  assert.equal(a.auth.onNak, b.auth.onNak, 'so does the auth spec');
  assert.equal(a.mru.desired(), 1400);
  const other = lcpOptions(resolveLcpConfig({ mru: 1200 }), policy, () => 1);
  assert.equal(other.mru.desired(), 1200, 'another config gets its own');
});

test('sessions given the same config and authenticator list share one auth policy', () => {
  const config = resolveLcpConfig({ auth: true });
  const list = [MSCHAP_V2];
  const policy = sharedLcpAuthPolicy(config, 'server', list);
  assert.equal(sharedLcpAuthPolicy(config, 'server', list), policy);
  assert.deepEqual(policy, lcpAuthPolicy(config, 'server', list));
  assert.notEqual(sharedLcpAuthPolicy(config, 'client', list), policy, 'per role');
  assert.notEqual(sharedLcpAuthPolicy(config, 'server', [MSCHAP_V2]), policy, 'per list');
});
