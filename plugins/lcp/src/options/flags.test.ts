import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { acfcOption } from './acfc.js';
import { pfcOption } from './pfc.js';

test('PFC (7) and ACFC (8) are value-less: data makes them undecodable (RFC 1661 §6.5–6.6)', () => {
  for (const option of [pfcOption(true), acfcOption(true)]) {
    assert.equal(option.decode(new Uint8Array(0)), true);
    assert.equal(option.decode(hex('00')), undefined);
    assert.equal(option.encode(true).length, 0);
  }
  assert.equal(pfcOption(true).type, 7);
  assert.equal(acfcOption(true).type, 8);
  assert.equal(pfcOption(true).format(true), '<pcomp>');
  assert.equal(acfcOption(true).format(true), '<accomp>');
});

test('enabled: requested and Acked; nopcomp/noaccomp: neither requested nor accepted (pppd)', () => {
  assert.equal(pfcOption(true).desired(), true);
  assert.deepEqual(pfcOption(true).judge(true), { verdict: 'ack' });
  assert.equal(acfcOption(false).desired(), undefined);
  assert.deepEqual(acfcOption(false).judge(true), { verdict: 'reject' });
});
