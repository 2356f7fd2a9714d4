// The lcp plugin in an appliance: it provides the LinkControlFactory and refuses to start, as pppd
// refuses to run, when peers must authenticate but no installed auth plugin can do it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticatorToken, definePlugin, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { linkControlToken } from '@switchyard/ppp';
import { lcpPlugin } from './plugin.js';
import { MSCHAP_V2, PAP } from './testing/harness.js';

const authPlugin = (id: string, authenticator: typeof PAP): Plugin<never> =>
  definePlugin({
    id,
    provides: [authenticatorToken],
    register: (container) => container.register(authenticatorToken, { useValue: authenticator }),
  }) as Plugin<never>;

test('provides the LinkControlFactory when an auth plugin can satisfy require-mschap-v2', async () => {
  const { appliance } = testAppliance(
    [lcpPlugin, authPlugin('auth-mschapv2', MSCHAP_V2)] as Plugin<never>[],
    {
      lcp: { requireMschapV2: true },
    },
  );
  await appliance.start();
  assert.equal(typeof appliance.container.resolve(linkControlToken).create, 'function');
  await appliance.stop();
});

test('require-mschap-v2 with only PAP installed stops the boot with one clear error (pppd refuses to start)', async () => {
  const { appliance } = testAppliance([lcpPlugin, authPlugin('auth-pap', PAP)] as Plugin<never>[], {
    lcp: { requireMschapV2: true },
  });
  await assert.rejects(
    appliance.start(),
    /peers must authenticate \(mschap-v2\) but no auth plugin provides it; installed: pap/,
  );
});

test('auth: false needs no auth plugin (pppd noauth)', async () => {
  const { appliance } = testAppliance([lcpPlugin] as Plugin<never>[], { lcp: { auth: false } });
  await appliance.start();
  await appliance.stop();
});

test('config: pppd ranges are enforced (mru 128..16384)', async () => {
  const bad = testAppliance([lcpPlugin] as Plugin<never>[], { lcp: { auth: false, mru: 64 } });
  await assert.rejects(bad.appliance.start(), /\/lcp\/mru: must be >= 128/);
});

test('config: lcp-echo-failure without lcp-echo-interval is reported, not silently ignored', async () => {
  const bad = testAppliance([lcpPlugin] as Plugin<never>[], { lcp: { auth: false, lcpEchoFailure: 3 } });
  await assert.rejects(bad.appliance.start(), /lcpEchoFailure.*has no effect without lcpEchoInterval/);
});
