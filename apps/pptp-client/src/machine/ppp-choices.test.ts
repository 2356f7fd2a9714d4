import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mppeSettings } from '@switchyard/plugin-mppe';
import { DEFAULT_AUTH, DEFAULT_MPPE, mppeConfigFor, resolveAuth } from './ppp-choices.js';

const settings = (words: readonly string[]) => {
  const parsed = mppeConfigFor(words);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return mppeSettings(parsed.value);
};

test('the default is MS-CHAPv2 only and require-mppe-128 stateless, as a pppd PPTP client is configured', () => {
  assert.deepEqual(resolveAuth(DEFAULT_AUTH, []), { ok: true, value: ['mschap-v2'] });
  assert.deepEqual(settings(DEFAULT_MPPE), {
    ccp: true,
    required: true,
    strengths: [128],
    allowStateful: false,
    requestStateful: false,
    statefulResync: 'linux',
  });
});

test('--auth all minus refusals is pppd refuse-*; strongest first; nothing left is an error', () => {
  assert.deepEqual(resolveAuth(['all'], ['pap']), { ok: true, value: ['mschap-v2', 'mschap', 'chap'] });
  assert.deepEqual(resolveAuth(['pap', 'mschap-v2'], []), { ok: true, value: ['mschap-v2', 'pap'] });
  assert.equal(resolveAuth(['mschap-v2'], ['mschap-v2']).ok, false);
  assert.equal(resolveAuth(['eap'], []).ok, false);
});

test('--mppe words: 128,40 is require-mppe; stateful asks for it; allow-stateful accepts it; none is nomppe', () => {
  assert.deepEqual(settings(['128', '40']).strengths, [128, 40]);
  assert.deepEqual(settings(['40']).strengths, [40]);
  assert.deepEqual(
    { ...settings(['stateful']) },
    { ...settings(['128']), allowStateful: true, requestStateful: true },
  );
  assert.equal(settings(['allow-stateful']).allowStateful, true);
  assert.equal(settings(['allow-stateful']).requestStateful, false);
  assert.deepEqual(settings(['none']).required, false);
  assert.equal(mppeConfigFor(['none', '128']).ok, false);
  assert.equal(mppeConfigFor(['56']).ok, false);
});
