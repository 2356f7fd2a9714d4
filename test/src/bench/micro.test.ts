import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlines } from './micro.js';

test('crypto-native headlines: native beside pure, each figure named with its unit', () => {
  const row = (name: string, implementation: string, unit: string, perSecond: number, mb?: number) => ({
    name,
    implementation,
    unit,
    perSecond,
    mbPerSecond: mb,
  });
  const report = {
    rows: [
      row('MPPE stateless 1400 B: rekey + RC4', 'pure', 'packets/s', 200_000.4, 280),
      row('MPPE stateless 1400 B: rekey + RC4', 'native', 'packets/s', 358_000.6, 501),
      row('RC4 1400 B, in place', 'native', 'packets/s', 390_000, 546.04),
      row('MPPE 128-bit key change', 'native', 'key changes/s', 725_000),
      row('call into the addon (RC4 of 1 B)', 'native', 'calls/s', 8e6),
    ],
  };
  assert.deepEqual(headlines('crypto-native', report), [
    { figure: 'MPPE stateless 1400 B: rekey + RC4 (pure)', value: 200_000, unit: 'packets/s' },
    { figure: 'MPPE stateless 1400 B: rekey + RC4 (native)', value: 358_001, unit: 'packets/s' },
    { figure: 'RC4 1400 B, in place (native)', value: 546, unit: 'MB/s' },
    { figure: 'MPPE 128-bit key change (native)', value: 725_000, unit: 'key changes/s' },
  ]);
});
