import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionRegistry, type Logger } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import type { PppScriptsConfig } from './config.js';
import { IpLayerScripts, type ScriptHost } from './ip-layer-scripts.js';
import { ConcurrencyLimiter } from './machine/limiter.js';
import type { ScriptKind } from './machine/invocation.js';

interface Call {
  readonly kind: ScriptKind;
  readonly argv: readonly string[];
  readonly env: Record<string, string>;
  finish(): void;
}

/** Records each run and lets the test decide when it ends. */
class FakeHost implements ScriptHost {
  readonly calls: Call[] = [];
  readonly files = new Set(['/s/pre', '/s/up', '/s/down']);

  present(path: string): boolean {
    return this.files.has(path);
  }

  run(kind: ScriptKind, argv: readonly string[], env: Record<string, string>, _logger: Logger) {
    return new Promise<void>((resolve) => this.calls.push({ kind, argv, env, finish: resolve }));
  }

  kinds(): string[] {
    return this.calls.map((c) => `${c.kind}:${c.argv[5]}`);
  }
}

const baseConfig: PppScriptsConfig = {
  ipPreUp: '/s/pre',
  ipUp: '/s/up',
  ipDown: '/s/down',
  ipparamPeerAddress: true,
  speed: 115200,
  environment: {},
  maxConcurrent: 2,
  timeoutSeconds: 60,
  stopTimeoutSeconds: 5,
};

function setup(config: Partial<PppScriptsConfig> = {}) {
  const clock = new ManualClock();
  const registry = new SessionRegistry(clock, new LogCapture().logger());
  const host = new FakeHost();
  const limiter = new ConcurrencyLimiter(config.maxConcurrent ?? baseConfig.maxConcurrent);
  const daemon = { interfaceName: () => 'sy-pptp0', loginName: 'root', uid: 0 };
  const scripts = new IpLayerScripts({ ...baseConfig, ...config }, daemon, limiter, host, clock);
  const session = (n: number) => {
    const s = registry.create('pptp', `172.31.255.${n}`);
    s.authenticated(`user${n}`);
    return { s, ip: { localAddress: '10.0.0.254', peerAddress: `10.0.0.${200 + n}`, dnsServers: [] } };
  };
  return { clock, host, limiter, scripts, session };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('ip-down for a session waits for its ip-up to finish; the record goes once both ran', async () => {
  const { host, scripts, session } = setup();
  const { s, ip } = session(1);
  scripts.up(s, ip);
  scripts.down(s, ip);
  await turn();
  assert.deepEqual(host.kinds(), ['ip-up:10.0.0.201'], 'ip-down not started while ip-up runs');
  host.calls[0]!.finish();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-up:10.0.0.201', 'ip-down:10.0.0.201']);
  assert.equal(scripts.pendingSessions, 1);
  host.calls[1]!.finish();
  await turn();
  assert.equal(scripts.pendingSessions, 0);
});

test("arguments and variables: the session's addresses, the client's IP as ipparam, PEERNAME, ip-down's counters", async () => {
  const { host, scripts, session, clock } = setup();
  const { s, ip } = session(3);
  scripts.up(s, ip);
  await turn();
  assert.deepEqual(host.calls[0]!.argv, [
    '/s/up',
    'sy-pptp0',
    'none',
    '115200',
    '10.0.0.254',
    '10.0.0.203',
    '172.31.255.3',
  ]);
  assert.equal(host.calls[0]!.env.PEERNAME, 'user3');
  assert.equal(host.calls[0]!.env.CONNECT_TIME, undefined);
  host.calls[0]!.finish();
  s.counters.bytesOut += 500;
  s.counters.bytesIn += 700;
  clock.advance(42_000);
  scripts.down(s, ip);
  await turn();
  const env = host.calls[1]!.env;
  assert.deepEqual([env.CONNECT_TIME, env.BYTES_SENT, env.BYTES_RCVD], ['42', '500', '700']);
});

test('a fixed ipparam when pptpd would not pass the client IP (noipparam + pppd ipparam)', async () => {
  const { host, scripts, session } = setup({ ipparamPeerAddress: false, ipparam: 'office' });
  const { s, ip } = session(1);
  scripts.up(s, ip);
  await turn();
  assert.equal(host.calls[0]!.argv[6], 'office');
});

test('ip-pre-up gates: beforeUp returns a promise that settles when the script ends', async () => {
  const { host, scripts, session } = setup();
  const { s, ip } = session(1);
  const gate = scripts.beforeUp(s, ip);
  assert.ok(gate);
  let open = false;
  void gate.then(() => (open = true));
  await turn();
  assert.deepEqual(host.kinds(), ['ip-pre-up:10.0.0.201']);
  assert.equal(open, false);
  host.calls[0]!.finish();
  await turn();
  assert.equal(open, true);
});

test('IP down while ip-pre-up runs: ip-up then ip-down still run after it, as in pppd (ipcp_up goes on)', async () => {
  const { host, scripts, session } = setup({ maxConcurrent: 4 });
  const { s, ip } = session(1);
  const gate = scripts.beforeUp(s, ip);
  assert.ok(gate);
  scripts.down(s, ip); // the route never opened: IPCP went down during ip-pre-up
  await turn();
  assert.deepEqual(host.kinds(), ['ip-pre-up:10.0.0.201'], 'ip-up waits for ip-pre-up, free slots or not');
  host.calls[0]!.finish();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-pre-up:10.0.0.201', 'ip-up:10.0.0.201']);
  host.calls[1]!.finish();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-pre-up:10.0.0.201', 'ip-up:10.0.0.201', 'ip-down:10.0.0.201']);
  host.calls[2]!.finish();
  await turn();
  assert.equal(scripts.pendingSessions, 0);
});

test('no script present: no gate, no run, no per-session record', async () => {
  const { host, scripts, session } = setup();
  host.files.clear();
  const { s, ip } = session(1);
  assert.equal(scripts.beforeUp(s, ip), undefined);
  scripts.up(s, ip);
  scripts.down(s, ip);
  await turn();
  assert.deepEqual(host.calls, []);
  assert.equal(scripts.pendingSessions, 0);
});

test('only ip-down configured: it still runs at down, as pppd runs ip-down after a missing ip-up', async () => {
  const { host, scripts, session } = setup({ ipUp: undefined as never });
  const { s, ip } = session(1);
  scripts.up(s, ip);
  await turn();
  assert.deepEqual(host.calls, []);
  scripts.down(s, ip);
  await turn();
  assert.deepEqual(host.kinds(), ['ip-down:10.0.0.201']);
});

test('many sessions share the limit: two scripts at a time, others queued in order', async () => {
  const { host, scripts, session, limiter } = setup();
  for (let n = 1; n <= 5; n++) {
    const { s, ip } = session(n);
    scripts.up(s, ip);
  }
  await turn();
  assert.equal(host.calls.length, 2);
  assert.equal(limiter.waiting, 3);
  host.calls[0]!.finish();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-up:10.0.0.201', 'ip-up:10.0.0.202', 'ip-up:10.0.0.203']);
});

test('stopping: a queued ip-up of a session already down is skipped with its ip-down; started pairs complete', async () => {
  const { host, scripts, session } = setup({ maxConcurrent: 1 });
  const a = session(1);
  const b = session(2);
  scripts.up(a.s, a.ip);
  scripts.up(b.s, b.ip);
  scripts.beginStop();
  scripts.down(a.s, a.ip);
  scripts.down(b.s, b.ip);
  await turn();
  host.calls[0]!.finish(); // a's ip-up
  await turn();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-up:10.0.0.201', 'ip-down:10.0.0.201']);
  host.calls[1]!.finish();
  await turn();
  await turn();
  assert.deepEqual(host.kinds(), ['ip-up:10.0.0.201', 'ip-down:10.0.0.201'], "b's pair never ran");
  assert.equal(scripts.pendingSessions, 0);
  assert.equal(scripts.beforeUp(session(3).s, a.ip), undefined, 'no ip-pre-up while stopping');
});
