import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { DEFAULT_MRU, MIN_MRU, mruOption } from './mru.js';

test('MRU decodes 2 bytes and re-encodes them; any other length is undecodable → Reject (RFC 1661 §6.1)', () => {
  const mru = mruOption(1400);
  assert.equal(mru.decode(hex('05 78')), 1400);
  assert.deepEqual(mru.encode(1400), hex('05 78'));
  assert.equal(mru.decode(hex('05')), undefined);
  assert.equal(mru.decode(hex('05 78 00')), undefined);
  assert.equal(mru.format(1400), '<mru 1400>');
});

test('the default MRU 1500 is not requested; another value is (pppd lcp_cilen)', () => {
  assert.equal(mruOption(DEFAULT_MRU).desired(), undefined);
  assert.equal(mruOption(1400).desired(), 1400);
});

test('the peer MRU is Acked down to 128 and Nak’d up to 128 below it (pppd MINMRU)', () => {
  const mru = mruOption(1500);
  assert.deepEqual(mru.judge(1400), { verdict: 'ack' });
  assert.deepEqual(mru.judge(MIN_MRU), { verdict: 'ack' });
  assert.deepEqual(mru.judge(64), { verdict: 'nak', suggest: MIN_MRU });
});

test('a Nak’d MRU is taken when smaller or within 1500, else ours is kept (pppd lcp_nakci)', () => {
  const mru = mruOption(1600);
  assert.equal(mru.onNak?.(1400, 1600), 1400);
  assert.equal(mru.onNak?.(1550, 1600), 1550);
  assert.equal(mruOption(1400).onNak?.(1600, 1400), 1400);
  assert.equal(mru.onNak?.(1400, undefined), 1400, 'an unrequested MRU below 1500 is adopted');
  assert.equal(mru.onNak?.(2000, undefined), undefined);
});
