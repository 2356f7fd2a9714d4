import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, validateConfig } from '@switchyard/core';
import { pppScriptsPlugin } from './plugin.js';

const validate = (section: unknown) => validateConfig([pppScriptsPlugin], { 'ppp-scripts': section });

function problems(section: unknown) {
  try {
    validate(section);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((p) => `${p.path} ${JSON.stringify(p.value)}: ${p.reason}`);
  }
  assert.fail('the config was accepted');
}

test('defaults: no script, pptpd speed 115200, 16 at once, 60 s each, 5 s at stop (pppd child-timeout)', () => {
  assert.deepEqual(validate({})['ppp-scripts'], {
    ipparamPeerAddress: false,
    speed: 115200,
    environment: {},
    maxConcurrent: 16,
    timeoutSeconds: 60,
    stopTimeoutSeconds: 5,
  });
});

test('every invalid setting is reported with its path, value and why', () => {
  assert.deepEqual(
    problems({ ipUp: 'ip-up', maxConcurrent: 0, timeoutSeconds: 0, stopTimeoutSeconds: -1, bogus: 1 }),
    [
      '/ppp-scripts/bogus 1: unknown setting',
      '/ppp-scripts/maxConcurrent 0: must be >= 1',
      '/ppp-scripts/timeoutSeconds 0: must be > 0',
      '/ppp-scripts/stopTimeoutSeconds -1: must be >= 0',
    ],
  );
  assert.deepEqual(problems({ ipUp: 'ip-up', ipDown: '/etc/ppp/ip-down', environment: { '1X': 'a' } }), [
    '/ppp-scripts/environment/1X "1X": not a variable name: letters, digits and _, not starting with a digit',
    '/ppp-scripts/ipUp "ip-up": must be an absolute path (starting with /)',
  ]);
});
