import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCli } from './cli.js';

test("pptpd's flags parse as pptpd names them, short and long", () => {
  const r = parseCli([
    '-c',
    '/etc/pptpd.conf',
    '-o',
    '/etc/ppp/options.pptpd',
    '-d',
    '-f',
    '-l',
    '192.0.2.1',
    '-C',
    '50',
    '-t',
    '30',
  ]);
  assert.ok(r.ok);
  assert.equal(r.options.conf, '/etc/pptpd.conf');
  assert.equal(r.options.foreground, true);
  assert.deepEqual(r.options.pptpd, {
    option: '/etc/ppp/options.pptpd',
    debug: true,
    listen: '192.0.2.1',
    connections: '50',
    stimeout: '30',
  });
  const long = parseCli([
    '--conf',
    'a',
    '--listen',
    '192.0.2.2',
    '--connections',
    '3',
    '--stimeout',
    '4',
    '--secrets',
    '/s',
  ]);
  assert.ok(long.ok);
  assert.deepEqual(
    [long.options.conf, long.options.secrets, long.options.pptpd.listen],
    ['a', '/s', '192.0.2.2'],
  );
});

test('usage errors: unknown flags, missing values, --conf with --native-config', () => {
  assert.equal(parseCli(['--bogus']).ok, false);
  assert.equal(parseCli(['--conf']).ok, false);
  const both = parseCli(['--conf', 'a', '--native-config', 'b']);
  assert.ok(!both.ok);
  assert.match(both.error, /cannot be used together/);
});
