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

test('the embedded default configuration is valid for the appliance plugins', () => {
  const config = validateConfig(appliancePlugins, embeddedConfig);
  assert.deepEqual(config['mppe'] && (config['mppe'] as { requireMppe128: boolean }).requireMppe128, true);
  assert.equal((config['secrets-file'] as { allowMissing: boolean }).allowMissing, true);
});
