import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from './cli.js';

const main = fileURLToPath(new URL('./main.js', import.meta.url));

const isRoot = process.getuid?.() === 0;

/**
 * Runs the appliance binary. As root it runs in a network namespace of its own (`unshare --net`), so
 * the default config's TCP 1723 listener and raw GRE socket never meet the host's.
 */
function start(args: string[]) {
  const argv = isRoot
    ? ['unshare', '--net', process.execPath, main, ...args]
    : [process.execPath, main, ...args];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 25));
    assert.match(output, pattern);
  };
  return { child, exited, waitFor, output: () => output };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(
    `the appliance starts with the embedded config, logs, and stops cleanly on ${signal}`,
    { skip: isRoot ? false : 'needs root (raw GRE socket)' },
    async () => {
      const app = start([]);
      await app.waitFor(/appliance started plugins=\S*pptp-control\S*/);
      assert.match(app.output(), /listening on 0\.0\.0\.0:1723/);
      app.child.kill(signal);
      assert.equal(await app.exited, 0);
      assert.match(app.output(), new RegExp(`received ${signal}, stopping`));
      assert.match(app.output(), /appliance stopped/);
    },
  );
}

test('an invalid config file stops the start with every problem named, exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sy-cli-'));
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({ core: { log: { level: 'loud' } }, typo: 1 }));
  const app = start(['--config', file]);
  assert.equal(await app.exited, 1);
  assert.match(app.output(), /invalid configuration, 2 problems/);
  assert.match(
    app.output(),
    /\/core\/log\/level: must be equal to one of the allowed values: error, warn, info, debug \(value: "loud"\)/,
  );
  assert.match(app.output(), /\/typo: unknown setting \(value: 1\)/);
});

test('--debug, --help, --version and unknown options', async () => {
  assert.deepEqual(parseCli(['-d', '-c', 'x.json']), {
    ok: true,
    options: { config: 'x.json', debug: true, help: false, version: false },
  });
  assert.equal(parseCli(['--bogus']).ok, false);
  const help = start(['--help']);
  assert.equal(await help.exited, 0);
  assert.match(help.output(), /usage: switchyard-pptpd/);
  const bad = start(['--bogus']);
  assert.equal(await bad.exited, 2);
});
