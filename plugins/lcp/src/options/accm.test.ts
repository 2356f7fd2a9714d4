import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { accmOption } from './accm.js';

test('ACCM round-trips 4 bytes and prints like pppd (<asyncmap 0x0>) (RFC 1662 §7.1)', () => {
  const accm = accmOption(0);
  assert.equal(accm.decode(hex('00 00 00 00')), 0);
  assert.equal(accm.decode(hex('ff ff ff ff')), 0xffffffff);
  assert.deepEqual(accm.encode(0xffffffff), hex('ff ff ff ff'));
  assert.equal(accm.decode(hex('00 00 00')), undefined);
  assert.equal(accm.format(0), '<asyncmap 0x0>');
  assert.equal(accm.format(0xa0000), '<asyncmap 0xa0000>');
});

test('asyncmap 0 is requested as pppd does; the all-ones default is not', () => {
  assert.equal(accmOption(0).desired(), 0);
  assert.equal(accmOption(0xffffffff).desired(), undefined);
});

test('any peer ACCM is Acked: it is meaningless on PPTP’s GRE link (anchors §6 #11, #13)', () => {
  const accm = accmOption(0);
  for (const value of [0, 0xffffffff, 0x000a0000]) assert.deepEqual(accm.judge(value), { verdict: 'ack' });
});

test('a Nak’d map is OR-ed into ours; an unrequested one is ignored (pppd lcp_nakci)', () => {
  const accm = accmOption(0);
  assert.equal(accm.onNak?.(0x000a0000, 0x1), 0x000a0001);
  assert.equal(accm.onNak?.(0x000a0000, undefined), undefined);
});
