import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCompat } from './read-files.js';
import { seedChapSecrets, seedOptionsPptpd, seedPptpdConf } from '../testing/seed.js';

const seedFile = '/work/shared/seed/000_6a874ba5671b0105.txt';

test(
  'the fixtures are the seed how-to lines, byte for byte',
  { skip: !existsSync(seedFile) && 'no seed here' },
  () => {
    const lines = readFileSync(seedFile, 'utf8').split('\n');
    const cut = (from: number, to: number) => `${lines.slice(from - 1, to).join('\n')}\n`;
    assert.equal(seedPptpdConf, cut(78, 83));
    assert.equal(seedOptionsPptpd, cut(101, 116));
    assert.equal(seedChapSecrets, cut(156, 158));
  },
);

test('loadCompat reads pptpd.conf, /etc/ppp/options and the option file from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compat-'));
  const options = join(dir, 'options.pptpd');
  writeFileSync(options, seedOptionsPptpd);
  writeFileSync(
    join(dir, 'pptpd.conf'),
    seedPptpdConf.replace('/usr/local/pptpd/etc/options.pptpd', options),
  );
  writeFileSync(join(dir, 'options'), 'lcp-echo-interval 30\n');
  const c = loadCompat({ conf: join(dir, 'pptpd.conf'), systemOptions: join(dir, 'options') });
  assert.deepEqual(c.problems, []);
  assert.equal(c.name, 'Nanu-VPN');
  assert.equal(c.ppp.lcp.echoIntervalSeconds, 30);
  assert.deepEqual(c.auth.protocols, ['mschap-v2']);
});

test('an explicit --conf that does not exist is a problem, as pptpd exits on it', () => {
  const c = loadCompat({ conf: '/nonexistent/pptpd.conf', systemOptions: false });
  assert.equal(c.problems[0]?.path, '--conf');
});
