import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ccpTimers, defaultMppeConfig, mppeSettings, validateMppeConfig, type MppeConfig } from './config.js';

const config = (over: Partial<MppeConfig>): MppeConfig => ({ ...defaultMppeConfig, ...over });
const settingsOf = (over: Partial<MppeConfig>) => {
  const { required, strengths, allowStateful, ccp } = mppeSettings(config(over));
  return { required, strengths, allowStateful, ccp };
};

test('pppd default: no MPPE, CCP runs (and rejects everything)', () => {
  assert.deepEqual(settingsOf({}), { required: false, strengths: [], allowStateful: false, ccp: true });
});

test('require-mppe-128 → 128 only; require-mppe → 128 and 40; require-mppe-40 → 40 only', () => {
  assert.deepEqual(settingsOf({ requireMppe128: true }).strengths, [128]);
  assert.deepEqual(settingsOf({ requireMppe: true }).strengths, [128, 40]);
  assert.deepEqual(settingsOf({ requireMppe40: true }).strengths, [40]);
  assert.deepEqual(settingsOf({ requireMppe40: true, requireMppe128: true }).strengths, [128, 40]);
  assert.equal(settingsOf({ requireMppe128: true }).required, true);
});

test('nomppe-40 / nomppe-128 remove a strength from require-mppe; mppe-stateful allows stateful', () => {
  assert.deepEqual(settingsOf({ requireMppe: true, nomppe40: true }).strengths, [128]);
  assert.deepEqual(settingsOf({ requireMppe: true, nomppe128: true }).strengths, [40]);
  assert.equal(settingsOf({ requireMppe128: true, mppeStateful: true }).allowStateful, true);
  assert.deepEqual(settingsOf({ nomppe40: true }), settingsOf({}), 'nomppe-40 alone changes nothing');
});

test('noccp: no CCP at all', () => {
  assert.equal(settingsOf({ noccp: true }).ccp, false);
});

test('contradictions are config problems, not a silent pick (pppd resolves them by order)', () => {
  const reasons = (over: Partial<MppeConfig>) =>
    validateMppeConfig(config(over)).map((p) => `${p.path}: ${p.reason}`);
  assert.deepEqual(reasons({ requireMppe128: true }), []);
  assert.deepEqual(reasons({ requireMppe128: true, nomppe: true }), [
    '/nomppe: contradicts requireMppe/requireMppe40/requireMppe128',
  ]);
  assert.deepEqual(reasons({ requireMppe: true, noccp: true }), [
    '/noccp: MPPE is negotiated in CCP: noccp would break it',
  ]);
  assert.deepEqual(reasons({ requireMppe40: true, nomppe40: true }), [
    '/nomppe40: contradicts requireMppe40',
  ]);
  assert.deepEqual(reasons({ requireMppe: true, nomppe40: true, nomppe128: true }), [
    '/nomppe40: MPPE required, but both 40-bit and 128-bit disabled',
  ]);
});

test('CCP timers default to pppd fsm.h values', () => {
  assert.deepEqual(ccpTimers(defaultMppeConfig), {
    restartIntervalMs: 3000,
    maxConfigure: 10,
    maxTerminate: 2,
    maxFailure: 5,
  });
});
