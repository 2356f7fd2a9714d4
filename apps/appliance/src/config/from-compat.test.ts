import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConfig } from '@switchyard/core';
import { resolveCompat } from '../compat/index.js';
import {
  filesReader,
  seedOptionsPath,
  seedOptionsPptpd,
  seedPptpdConf,
  seedPptpdConfPath,
} from '../compat/testing/seed.js';
import { appliancePlugins } from '../plugins.js';
import { embeddedConfig } from './embedded.js';
import { nativeConfigFromCompat } from './from-compat.js';

const seed = () =>
  resolveCompat({
    pptpdConf: { path: seedPptpdConfPath, text: seedPptpdConf },
    readInclude: filesReader({ [seedOptionsPath]: seedOptionsPptpd }),
  });

test("the seed's pptpd.conf and options.pptpd become plugin sections that honour every option", () => {
  const compat = seed();
  assert.deepEqual(compat.problems, []);
  const config = nativeConfigFromCompat(compat, { hostName: 'gateway' });
  assert.deepEqual(config.core, { log: { level: 'debug', format: 'text' } }); // debug (both files)
  assert.equal(config['pptp-control']?.stimeout, 30); // stimeout 30, honoured (pptpd 1.4.0 ignores it)
  assert.deepEqual(config['ip-pool'], { localip: '10.0.0.254', remoteip: '10.0.0.200-210' });
  assert.equal(config.ppp?.name, 'Nanu-VPN'); // name: chap-secrets' server column must match it
  assert.equal(config.lcp?.auth, true);
  assert.equal(config.lcp?.requireMschapV2, true); // require-mschap-v2, and only that
  assert.deepEqual(
    ['requirePap', 'requireChap', 'requireMschap', 'requireEap'].map((k) => config.lcp?.[k]),
    [false, false, false, false],
  );
  assert.deepEqual(
    [config.lcp?.refusePap, config.lcp?.refuseChap, config.lcp?.refuseMschap],
    [true, true, true],
  );
  assert.equal(config.mppe?.requireMppe128, true); // require-mppe-128
  assert.equal(config.mppe?.mppeStateful, false); // stateless only, pppd's default
  assert.deepEqual(config.ipcp?.msDns, ['202.106.46.151', '202.106.0.20']);
  assert.deepEqual(config['proxy-arp'], { enabled: true, ktune: false }); // proxyarp
  assert.equal(config['secrets-file']?.path, '/etc/ppp/chap-secrets');
  assert.equal(config.tun?.localAddress, '10.0.0.254');
  // pppd's default scripts, run if they exist; pptpd passes `ipparam <client IP>`.
  assert.deepEqual(config['ppp-scripts'], {
    ipPreUp: '/etc/ppp/ip-pre-up',
    ipUp: '/etc/ppp/ip-up',
    ipDown: '/etc/ppp/ip-down',
    ipparamPeerAddress: true,
    environment: {},
  });
  // The sections are valid for the appliance's plugins as they stand (schemas and validate()).
  assert.doesNotThrow(() => validateConfig(appliancePlugins, config));
});

test('--secrets overrides the chap-secrets path; pppd name defaults to the host name', () => {
  const compat = resolveCompat({
    pptpdConf: { path: '/etc/pptpd.conf', text: 'localip 10.1.0.1\nremoteip 10.1.0.2-9\n' },
  });
  const config = nativeConfigFromCompat(compat, { hostName: 'gateway', secretsPath: '/tmp/secrets' });
  assert.equal(config.ppp?.name, 'gateway');
  assert.equal(config['secrets-file']?.path, '/tmp/secrets');
  assert.equal(config['proxy-arp']?.enabled, false);
});

test('script options, ipparam, noipparam, child-timeout and set become the ppp-scripts section', () => {
  const options = [
    'ip-up-script /srv/up',
    'ip-down-script /srv/down',
    'ipparam office',
    'child-timeout 0',
    'set SITE=berlin',
    'require-mschap-v2',
  ].join('\n');
  const read = (conf: string) =>
    resolveCompat({
      pptpdConf: { path: '/etc/pptpd.conf', text: `option /etc/ppp/o\n${conf}` },
      readInclude: filesReader({ '/etc/ppp/o': `${options}\n` }),
    });
  const withoutIpparam = read('noipparam\n');
  assert.deepEqual(withoutIpparam.problems, []);
  const section = nativeConfigFromCompat(withoutIpparam, { hostName: 'gw' })['ppp-scripts'];
  assert.deepEqual(section, {
    ipPreUp: '/etc/ppp/ip-pre-up',
    ipUp: '/srv/up',
    ipDown: '/srv/down',
    ipparam: 'office', // noipparam: the file's own ipparam is what pppd keeps
    ipparamPeerAddress: false,
    environment: { SITE: 'berlin' },
    stopTimeoutSeconds: 3600, // child-timeout 0 (for ever), bounded
  });
  assert.doesNotThrow(() =>
    validateConfig(appliancePlugins, nativeConfigFromCompat(withoutIpparam, { hostName: 'gw' })),
  );
  // Without noipparam pptpd's `ipparam <client IP>` comes after the file and wins, with a note.
  const passed = read('');
  const scripts = nativeConfigFromCompat(passed, { hostName: 'gw' })['ppp-scripts'];
  assert.equal(scripts?.ipparamPeerAddress, true);
  assert.equal(scripts?.ipparam, undefined);
  assert.ok(
    passed.notes.some((n) => /ipparam: overridden: pptpd passes/.test(n)),
    passed.notes.join('\n'),
  );
});

test('the embedded default configuration is valid for the appliance plugins and runs no script', () => {
  const config = validateConfig(appliancePlugins, embeddedConfig);
  assert.deepEqual(config['ppp-scripts'], {
    ipparamPeerAddress: false,
    speed: 115200,
    environment: {},
    maxConcurrent: 16,
    timeoutSeconds: 60,
    stopTimeoutSeconds: 5,
  });
  assert.deepEqual(config['mppe'] && (config['mppe'] as { requireMppe128: boolean }).requireMppe128, true);
  assert.equal((config['secrets-file'] as { allowMissing: boolean }).allowMissing, true);
});

test('chap-restart, chap-max-challenge and chap-interval reach every CHAP plugin (chap-interval rechallenges)', () => {
  const options = `${seedOptionsPptpd}\nchap-restart 5\nchap-max-challenge 4\nchap-interval 300\n`;
  const compat = resolveCompat({
    pptpdConf: { path: seedPptpdConfPath, text: seedPptpdConf },
    readInclude: filesReader({ [seedOptionsPath]: options }),
  });
  assert.deepEqual(compat.problems, []);
  const config = nativeConfigFromCompat(compat, { hostName: 'gateway' });
  for (const plugin of ['auth-mschapv2', 'auth-mschapv1', 'auth-chap-md5']) {
    const section = config[plugin] ?? {};
    assert.deepEqual(
      [section.restartSeconds, section.maxChallenge, section.intervalSeconds],
      [5, 4, 300],
      plugin,
    );
  }
  assert.doesNotThrow(() => validateConfig(appliancePlugins, config));
});

test('passive and silent reach LCP (pppd: wait for the peer after timeouts; send nothing first)', () => {
  const compat = resolveCompat({
    pptpdConf: { path: seedPptpdConfPath, text: seedPptpdConf },
    readInclude: filesReader({ [seedOptionsPath]: `${seedOptionsPptpd}\npassive\nsilent\n` }),
  });
  const config = nativeConfigFromCompat(compat, { hostName: 'gateway' });
  assert.deepEqual([config.lcp?.passive, config.lcp?.silent], [true, true]);
  const plain = nativeConfigFromCompat(seed(), { hostName: 'gateway' });
  assert.deepEqual(
    [plain.lcp?.passive, plain.lcp?.silent],
    [undefined, undefined],
    'schema defaults (false)',
  );
  assert.doesNotThrow(() => validateConfig(appliancePlugins, config));
});
