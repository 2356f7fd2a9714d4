import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pppdHex32, pppdInt, pptpdAtoi } from './numbers.js';

test('pppdInt reads like strtoul(base 0) cast to int', () => {
  assert.deepEqual(pppdInt('1400'), { ok: true, value: 1400 });
  assert.deepEqual(pppdInt('0x578'), { ok: true, value: 1400 });
  assert.deepEqual(pppdInt('-1'), { ok: true, value: -1 });
  assert.deepEqual(pppdInt('0'), { ok: true, value: 0 });
  assert.equal(pppdInt('abc').ok, false);
  assert.equal(pppdInt('').ok, false);
});

test('pppdInt warns where C reads the text differently from a person: octal, trailing characters', () => {
  assert.deepEqual(pppdInt('010'), { ok: true, value: 8, warning: "pppd reads '010' as octal (8)" });
  assert.deepEqual(pppdInt('30s'), {
    ok: true,
    value: 30,
    warning: "pppd reads '30s' as 30 and ignores 's'",
  });
  assert.deepEqual(pppdInt('089'), { ok: true, value: 0, warning: "pppd reads '089' as 0 and ignores '89'" });
});

test('pppdHex32 reads asyncmap masks in base 16, 0x optional', () => {
  assert.deepEqual(pppdHex32('0'), { ok: true, value: 0 });
  assert.deepEqual(pppdHex32('a0000'), { ok: true, value: 0xa0000 });
  assert.deepEqual(pppdHex32('0xFFFFFFFF'), { ok: true, value: 0xffffffff });
  assert.equal(pppdHex32('zz').ok, false);
});

test('pptpdAtoi reads a decimal prefix as atoi() does', () => {
  assert.deepEqual(pptpdAtoi('30'), { ok: true, value: 30 });
  assert.deepEqual(pptpdAtoi('50 # max'), { ok: true, value: 50, warning: "pptpd reads '50 # max' as 50" });
  assert.equal(pptpdAtoi('ten').ok, false);
});
