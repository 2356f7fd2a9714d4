import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCli, type CliCommand } from './cli.js';

const BASE = ['--server', '172.31.255.1', '--user', 'vpn1', '--password', '123456'];

function command(argv: readonly string[]): CliCommand {
  const parsed = parseCli(argv);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.command;
}

function error(argv: readonly string[]): string {
  const parsed = parseCli(argv);
  assert.ok(!parsed.ok, 'expected a usage error');
  return parsed.error;
}

test('the client: defaults are MS-CHAPv2, require-mppe-128, usepeerdns, pptp%d, port 1723', () => {
  assert.deepEqual(command(BASE), {
    kind: 'connect',
    options: {
      server: '172.31.255.1',
      serverPort: 1723,
      user: 'vpn1',
      password: '123456',
      auth: ['mschap-v2'],
      mppe: ['128'],
      window: 64,
      timeoutSeconds: 30,
      debug: false,
      ifname: 'pptp%d',
      routes: [],
      usepeerdns: true,
    },
  });
});

test('the client: routes, resolv file, interface, MPPE and auth choices, LCP numbers', () => {
  const c = command([
    ...BASE,
    '--route',
    '10.0.0.0/24',
    '--route',
    '192.168.7.0/24,10.9.9.9',
    '--resolv',
    '/tmp/resolv',
    '--ifname',
    'vpn0',
    '--mppe',
    '128,40',
    '--mppe',
    'allow-stateful',
    '--auth',
    'all',
    '--refuse-pap',
    '--refuse-chap',
    '--mtu',
    '1400',
    '--lcp-echo-interval',
    '0',
    '--no-peerdns',
    '-d',
  ]);
  assert.equal(c.kind, 'connect');
  if (c.kind !== 'connect') return;
  const o = c.options;
  assert.deepEqual(o.routes, [
    { address: 0x0a000000, prefixLength: 24 },
    { address: 0xc0a80700, prefixLength: 24 },
    { address: 0x0a090909, prefixLength: 32 },
  ]);
  assert.equal(o.resolv, '/tmp/resolv');
  assert.equal(o.ifname, 'vpn0');
  assert.deepEqual(o.mppe, ['128', '40', 'allow-stateful']);
  assert.deepEqual(o.auth, ['mschap-v2', 'mschap']);
  assert.equal(o.mtu, 1400);
  assert.equal(o.lcpEchoInterval, 0);
  assert.equal(o.usepeerdns, false);
  assert.equal(o.debug, true);
});

test('usage errors name the problem', () => {
  assert.match(error(['--user', 'u', '--password', 'p']), /--server is required/);
  assert.match(error(['--server', 's', '--user', 'u']), /--password or --password-file/);
  assert.match(error([...BASE, '--password-file', 'f']), /cannot be used together/);
  assert.match(error([...BASE, '--route', '10.0.0.1/24']), /not an IPv4 prefix/);
  assert.match(error([...BASE, '--route', '10.0.0.0/24', '--route', '10.0.0.0/24']), /twice/);
  assert.match(error([...BASE, '--mppe', 'none,128']), /none cannot be combined/);
  assert.match(error([...BASE, '--auth', 'mschap-v2', '--refuse-mschap-v2']), /every authentication/);
  assert.match(error([...BASE, '--window', '0']), /--window must be an integer from 1/);
  assert.match(error([...BASE, '--bogus']), /Unknown option/);
  assert.match(error([...BASE, '--sessions', '3']), /Unknown option/, 'load flags belong to load');
});

test('--password-file instead of --password; help and version', () => {
  const c = command(['--server', 's', '--user', 'u', '--password-file', '/run/pw']);
  assert.ok(c.kind === 'connect' && c.options.passwordFile === '/run/pw' && c.options.password === undefined);
  assert.deepEqual(command(['-h']), { kind: 'help', topic: 'connect' });
  assert.deepEqual(command(['load', '--help']), { kind: 'help', topic: 'load' });
  assert.deepEqual(command(['--version']), { kind: 'version' });
});

test('load: sessions, concurrency, UDP traffic, hold and JSON report', () => {
  const c = command([
    'load',
    ...BASE,
    '--sessions',
    '1000',
    '--concurrency',
    '32',
    '--traffic',
    'udp',
    '--target',
    '10.0.0.5',
    '--port',
    '7',
    '--size',
    '1400',
    '--rate',
    'max',
    '--duration',
    '20',
    '--hold',
    '60',
    '--json',
    '/tmp/r.json',
  ]);
  assert.equal(c.kind, 'load');
  if (c.kind !== 'load') return;
  assert.equal(c.options.sessions, 1000);
  assert.equal(c.options.concurrency, 32);
  assert.equal(c.options.firstCallId, 1);
  assert.deepEqual(c.options.traffic, {
    kind: 'udp',
    target: '10.0.0.5',
    port: 7,
    sizeBytes: 1400,
    rate: 'max',
    durationSeconds: 20,
  });
  assert.equal(c.options.holdSeconds, 60);
  assert.equal(c.options.json, '/tmp/r.json');
});

test('load: defaults and errors', () => {
  const c = command([
    'load',
    ...BASE,
    '--sessions',
    '5',
    '--traffic',
    'udp',
    '--target',
    '10.0.0.5',
    '--port',
    '9',
  ]);
  assert.ok(c.kind === 'load');
  assert.deepEqual(
    { concurrency: c.options.concurrency, hold: c.options.holdSeconds, traffic: c.options.traffic },
    {
      concurrency: 16,
      hold: 0,
      traffic: { kind: 'udp', target: '10.0.0.5', port: 9, sizeBytes: 512, rate: 10, durationSeconds: 10 },
    },
  );
  assert.match(error(['load', ...BASE]), /--sessions is required/);
  assert.match(error(['load', ...BASE, '--sessions', '0']), /--sessions must be an integer from 1/);
  assert.match(
    error(['load', ...BASE, '--sessions', '2', '--target', '10.0.0.5']),
    /--target needs --traffic udp/,
  );
  assert.match(error(['load', ...BASE, '--sessions', '2', '--traffic', 'tcp']), /only 'udp'/);
  assert.match(
    error(['load', ...BASE, '--sessions', '2', '--traffic', 'udp', '--target', '10.0.0.5']),
    /--port is required/,
  );
  assert.match(
    error(['load', ...BASE, '--sessions', '2', '--traffic', 'udp', '--target', 'x', '--port', '7']),
    /not an IPv4 address/,
  );
  assert.match(
    error([
      'load',
      ...BASE,
      '--sessions',
      '2',
      '--traffic',
      'udp',
      '--target',
      '10.0.0.5',
      '--port',
      '7',
      '--rate',
      '0',
    ]),
    /--rate 0/,
  );
  assert.match(
    error([
      'load',
      ...BASE,
      '--sessions',
      '2',
      '--traffic',
      'udp',
      '--target',
      '10.0.0.5',
      '--port',
      '7',
      '--size',
      '20',
    ]),
    /--size must be an integer from 40/,
  );
  const parsed = parseCli(['load', '--nope']);
  assert.ok(!parsed.ok && parsed.topic === 'load');
});
