import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveIpcpConfig } from '../config.js';
import { ipcpOptions } from './ipcp.js';

const NO_ADDRESSES = { local: () => undefined, assigned: () => undefined, acceptNak: false };

test('sessions of one config share the name-server specs; the address spec stays per session', () => {
  const config = resolveIpcpConfig({ msDns: ['192.0.2.53'] });
  const [a, b] = [ipcpOptions(config, true, NO_ADDRESSES), ipcpOptions(config, true, NO_ADDRESSES)];
  for (const name of ['dns1', 'wins1', 'dns2', 'wins2'] as const) assert.equal(a[name], b[name], name);
  assert.notEqual(a.addr, b.addr);
  assert.deepEqual(a.dns1.judge(0), { verdict: 'nak', suggest: 0xc0000235 });
  const quiet = resolveIpcpConfig({ usepeerdns: false });
  assert.equal(ipcpOptions(quiet, false, NO_ADDRESSES).dns1.desired(), undefined);
  const asking = resolveIpcpConfig({ usepeerdns: true });
  assert.equal(ipcpOptions(asking, false, NO_ADDRESSES).dns1.desired(), 0, 'per config and role');
  assert.equal(ipcpOptions(asking, true, NO_ADDRESSES).dns1.desired(), undefined, 'the server never asks');
});

test('the address spec is a class instance: its hooks are shared methods, not per-session closures', () => {
  const addr = ipcpOptions(resolveIpcpConfig({}), true, NO_ADDRESSES).addr;
  for (const hook of ['decode', 'desired', 'judge', 'solicit', 'onNak'] as const) {
    assert.equal(Object.hasOwn(addr, hook), false, hook);
  }
});
