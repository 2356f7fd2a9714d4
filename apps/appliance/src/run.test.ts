// The switchyard-pptpd binary as a process: start, log, stop on signals, refuse bad configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedOptionsPptpd } from './compat/testing/seed.js';

const main = fileURLToPath(new URL('./main.js', import.meta.url));
const isRoot = process.getuid?.() === 0;
const needsRoot = { skip: isRoot ? false : 'needs root (TUN device, raw GRE socket)' };

/**
 * Runs the appliance binary. As root it runs in a network namespace of its own (`unshare --net`), so
 * its TCP 1723 listener, raw GRE socket and TUN device never meet the host's.
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
    for (let i = 0; i < 400 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 25));
    assert.match(output, pattern);
  };
  return { child, exited, waitFor, output: () => output };
}

const tempFile = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sy-cli-')), name);
  writeFileSync(path, text);
  return path;
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`the embedded configuration starts, logs, and stops cleanly on ${signal}`, needsRoot, async () => {
    const app = start(['--secrets', join(tmpdir(), `sy-no-secrets-${process.pid}`)]);
    await app.waitFor(/configuration: embedded default/);
    assert.match(app.output(), /listening on 0\.0\.0\.0:1723/);
    assert.match(app.output(), /does not exist: no user can log in until it is created/);
    app.child.kill(signal);
    assert.equal(await app.exited, 0);
    assert.match(app.output(), new RegExp(`received ${signal}, stopping`));
    assert.match(app.output(), /appliance stopped/);
  });
}

test("the seed's pptpd.conf and options.pptpd start the appliance, notes logged", needsRoot, async () => {
  const options = tempFile('options.pptpd', seedOptionsPptpd);
  const conf = tempFile(
    'pptpd.conf',
    `option ${options}\ndebug\nstimeout 30\nlocalip 10.0.0.254\nremoteip 10.0.0.200-210\n`,
  );
  const secrets = tempFile('chap-secrets', 'vpn1 Nanu-VPN "123456" 10.0.0.201\n');
  const app = start(['--conf', conf, '--secrets', secrets]);
  await app.waitFor(/configuration: .*pptpd\.conf/);
  assert.match(app.output(), /note: .*lock/);
  app.child.kill('SIGTERM');
  assert.equal(await app.exited, 0);
});

test('an invalid native config stops the start with every problem named, exit 1', async () => {
  const file = tempFile('bad.json', JSON.stringify({ core: { log: { level: 'loud' } }, typo: 1 }));
  const app = start(['--native-config', file]);
  assert.equal(await app.exited, 1);
  assert.match(app.output(), /invalid configuration, \d+ problems/);
  assert.match(
    app.output(),
    /\/core\/log\/level: must be equal to one of the allowed values: error, warn, info, debug \(value: "loud"\)/,
  );
  assert.match(app.output(), /\/typo: unknown setting \(value: 1\)/);
});

test('refused pptpd.conf keywords stop the start naming file and line', async () => {
  const conf = tempFile('pptpd.conf', 'localip 10.0.0.1\nremoteip 10.0.0.2-9\ndelegate\nbcrelay eth1\n');
  const app = start(['--conf', conf]);
  assert.equal(await app.exited, 1);
  assert.match(app.output(), /pptpd\.conf:3 delegate/);
  assert.match(app.output(), /pptpd\.conf:4 bcrelay/);
});

test('--help, --version and usage errors', async () => {
  const help = start(['--help']);
  assert.equal(await help.exited, 0);
  assert.match(help.output(), /usage: switchyard-pptpd/);
  const version = start(['--version']);
  assert.equal(await version.exited, 0);
  assert.match(version.output(), /switchyard-pptpd \d+\.\d+\.\d+/);
  const bad = start(['--bogus']);
  assert.equal(await bad.exited, 2);
});

test('`npx switchyard-pptpd` resolves to this binary from the repository root (linked by the setup)', async () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const child = spawn('npx', ['--no-install', 'switchyard-pptpd', '--version'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  assert.match(output, /^switchyard-pptpd \d+\.\d+\.\d+$/m);
});
