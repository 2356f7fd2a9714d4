import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLcpConfig } from '../config.js';
import { MSCHAP_V2, lcpBench } from '../testing/harness.js';
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

test('pppd silent: LCP sends nothing until the peer asks; passive: unanswered requests end in waiting, not failure', () => {
  const quiet = lcpBench({ config: { silent: true } });
  quiet.lcp.open();
  quiet.clock.advance(60_000);
  assert.deepEqual(quiet.sent(), [], 'silent: no Configure-Request of ours');
  assert.equal(quiet.lcp.automaton.state, 'stopped');
  // The peer's request (no options): ours and the Ack go out.
  quiet.receive(Uint8Array.of(0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4));
  assert.deepEqual(
    quiet.sent().map((p) => p.code),
    [1, 2],
  );

  const waiting = lcpBench({ config: { passive: true, lcpMaxConfigure: 2 } });
  waiting.lcp.open();
  waiting.clock.advance(60_000);
  assert.equal(waiting.sent().length, 2, 'lcp-max-configure requests');
  assert.equal(waiting.lcp.automaton.state, 'stopped', 'then waits for the peer');
  assert.deepEqual(waiting.events, [], 'without finishing');
  const giving = lcpBench({ config: { lcpMaxConfigure: 2 } });
  giving.lcp.open();
  giving.clock.advance(60_000);
  assert.deepEqual(giving.events, ['finished'], 'pppd without passive gives up');
});
