// The harness's own guarantees, with a stand-in 'native' server (a few lines of node listening on TCP 1723 in
// the server namespace): the seed topology is wired as documented, a real client reaches the native server,
// and an overrun kills the client UML and removes every namespace and directory of the run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { HarnessError, isAlive, run } from './exec.js';
import { type ServerSpec, interopSkipReason, withInterop } from './interop.js';
import { SEED_EXPECT } from './seed-config.js';

const skip = interopSkipReason();
// Skipped per test (not per suite) so that CI's summary counts them as skipped.
const OPTS = { skip, timeout: 120_000 };

/** A stand-in server: logs each TCP connection; 'close' hangs up at once, 'silent' never answers. */
function fakeServer(mode: 'close' | 'silent'): ServerSpec {
  const script = [
    "require('node:net').createServer((s) => {",
    "  console.log('connection from ' + s.remoteAddress);",
    "  if (process.env.FAKE_MODE === 'close') s.destroy();",
    "}).listen(1723, () => console.log('listening'));",
  ].join('\n');
  return { kind: 'native', command: [process.execPath, '-e', script], env: { FAKE_MODE: mode } };
}

/** Live processes whose command line mentions this process's run directories (UMLs, servers). */
function ourLiveProcesses(): string[] {
  const marker = `switchyard-interop-${process.pid}-`;
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || !isAlive(Number(entry))) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' ');
      if (cmdline.includes(marker)) found.push(`${entry} ${cmdline.slice(0, 120)}`);
    } catch {
      // Exited meanwhile.
    }
  }
  return found;
}

async function assertNothingLeft(): Promise<void> {
  const namespaces = (await run('ip', ['netns', 'list'])).stdout;
  assert.doesNotMatch(namespaces, new RegExp(`^sy-${process.pid}-`, 'm'), 'a namespace of this run is left');
  const dirs = readdirSync(tmpdir()).filter((d) => d.startsWith(`switchyard-interop-${process.pid}-`));
  assert.deepEqual(dirs, [], 'a run directory is left');
  assert.deepEqual(ourLiveProcesses(), [], 'a UML or server process of this run is left');
}

describe('interop harness', () => {
  test('seed topology: server namespace forwards, LAN host has only its on-link route', OPTS, async (t) => {
    const opts = { server: fakeServer('close'), nativeClients: 1, signal: t.signal, timeoutMs: 60_000 };
    await withInterop(opts, async (env) => {
      const { topology } = env;
      assert.equal((await env.exec('server', 'sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim(), '1');
      const proxyDelay = `net.ipv4.neigh.${topology.server.lanIf}.proxy_delay`;
      assert.equal((await env.exec('server', 'sysctl', ['-n', proxyDelay])).stdout.trim(), '0');
      const routes = (await env.exec('lan', 'ip', ['-4', 'route', 'show'])).stdout.trim().split('\n');
      assert.deepEqual(routes, [
        `10.0.0.0/24 dev ${topology.lanHost.ifname} proto kernel scope link src 10.0.0.5`,
      ]);
      const ping = await env.exec('server', 'ping', ['-n', '-c', '1', '-W', '2', topology.lanHost.address]);
      assert.equal(ping.code, 0, ping.stdout);
      assert.match(env.server.logs(), /listening/);
      const native = topology.nativeClients[0];
      assert.equal(native?.address, '172.31.255.100');
      const wanPing = await env.exec(native.ns, 'ping', ['-n', '-c', '1', '-W', '2', env.server.address]);
      assert.equal(wanPing.code, 0, wanPing.stdout);
    });
    await assertNothingLeft();
  });

  test('a real client reaches a native server in the server namespace', OPTS, async (t) => {
    await withInterop({ server: fakeServer('close'), signal: t.signal, timeoutMs: 90_000 }, async (env) => {
      const result = await env.runClient({ user: SEED_EXPECT.user, password: SEED_EXPECT.password });
      t.diagnostic(
        `pppd exit ${result.exitCode} (${result.exitMeaning}), total ${result.timings.totalMs} ms`,
      );
      assert.equal(result.tunnelUp, false);
      assert.notEqual(result.exitCode, null, 'pppd must exit on its own when the server hangs up');
      assert.match(env.server.logs(), /connection from (::ffff:)?172\.31\.255\.2/);
    });
    await assertNothingLeft();
  });

  test(
    'a client run that overruns its own deadline is cut short and reported as timed out',
    OPTS,
    async (t) => {
      await withInterop(
        { server: fakeServer('silent'), signal: t.signal, timeoutMs: 90_000 },
        async (env) => {
          const result = await env.runClient({ user: 'vpn1', password: '123456', timeoutMs: 6_000 });
          assert.equal(result.timedOut, true);
          assert.equal(result.exitCode, null);
          assert.equal(ourLiveProcesses().filter((p) => p.includes('client-0')).length, 0, 'client UML left');
        },
      );
      await assertNothingLeft();
    },
  );

  test('an interop run that overruns is aborted and leaves nothing behind', OPTS, async (t) => {
    const started = Date.now();
    await assert.rejects(
      withInterop({ server: fakeServer('silent'), signal: t.signal, timeoutMs: 8_000 }, async (env) => {
        // A client that would wait for the silent server far longer than the run may take.
        await env.runClient({ user: 'vpn1', password: '123456', timeoutMs: 120_000 });
      }),
      (error: unknown) => error instanceof HarnessError && /exceeded its 8000 ms timeout/.test(error.message),
    );
    assert.ok(Date.now() - started < 20_000, 'the abort must not wait for the client');
    await assertNothingLeft();
  });
});
