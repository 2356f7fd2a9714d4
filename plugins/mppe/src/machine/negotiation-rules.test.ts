import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMppeBits } from '../codec/mppe-option.js';
import { acceptMppeNak, desiredMppeBits, judgeMppeRequest, mppeDirection } from './negotiation-rules.js';
import { MPPE_OFF, type MppePolicy } from './policy.js';

/** require-mppe-128 (options.pptpd), stateless only. */
const only128: MppePolicy = { required: true, strengths: [128], allowStateful: false };
/** require-mppe: 40 and 128. */
const any: MppePolicy = { required: true, strengths: [128, 40], allowStateful: false };
const only40: MppePolicy = { required: true, strengths: [40], allowStateful: false };
const stateful128: MppePolicy = { ...only128, allowStateful: true };

/** The reply as pppd would trace it: 'ack' or 'nak <mppe …>' or 'reject'. */
function judged(policy: MppePolicy, peer: number): string {
  const verdict = judgeMppeRequest(policy, peer);
  return verdict.verdict === 'nak' ? `nak ${formatMppeBits(verdict.suggest)}` : verdict.verdict;
}

test('require-mppe-128 server: the Windows/Linux offers and what they get (RFC 3078 §2.1)', () => {
  const cases: [string, number, string][] = [
    ['+H +S (pptp-linux require-mppe-128)', 0x01000040, 'ack'],
    ['+H +S +L: Nak the single strongest', 0x01000060, 'nak <mppe +H -M +S -L -D -C>'],
    ["+H only (Windows' first request, anchors §5.3)", 0x01000000, 'nak <mppe +H -M +S -L -D -C>'],
    ['+H +M only: 56-bit is not offered by pppd', 0x01000080, 'nak <mppe +H -M +S -L -D -C>'],
    ['+H +L only: a strength we refuse, Nak ours', 0x01000020, 'nak <mppe +H -M +S -L -D -C>'],
    ['+S stateful without mppeStateful', 0x00000040, 'nak <mppe +H -M +S -L -D -C>'],
    ['+H +S +C (MPPC): never negotiated', 0x01000041, 'nak <mppe +H -M +S -L -D -C>'],
    ['+H +S +D (obsolete, SHOULD NOT accept)', 0x01000050, 'nak <mppe +H -M +S -L -D -C>'],
    ['+H +S with a reserved bit', 0x01000440, 'nak <mppe +H -M +S -L -D -C>'],
    ['-H -S -L -M: nothing at all', 0, 'nak <mppe +H -M +S -L -D -C>'],
  ];
  for (const [what, peer, expected] of cases) assert.equal(judged(only128, peer), expected, what);
});

test('mppeStateful allows stateful only when the peer asks for it; stateless stays preferred', () => {
  assert.equal(judged(stateful128, 0x00000040), 'ack');
  assert.equal(judged(stateful128, 0x01000040), 'ack');
  assert.equal(judged(stateful128, 0x00000060), 'nak <mppe -H -M +S -L -D -C>');
  assert.equal(judged(stateful128, 0x00000000), 'nak <mppe -H -M +S -L -D -C>');
});

test('require-mppe (40 and 128): the peer chooses among them; 40-bit alone is Acked', () => {
  assert.equal(judged(any, 0x01000020), 'ack');
  assert.equal(judged(any, 0x01000040), 'ack');
  assert.equal(judged(any, 0x01000060), 'nak <mppe +H -M +S -L -D -C>');
  assert.equal(judged(only40, 0x01000060), 'nak <mppe +H -M -S +L -D -C>');
  assert.equal(judged(only40, 0x01000040), 'nak <mppe +H -M -S +L -D -C>');
});

test('requestStateful (not pppd) asks for stateful mode; a stateless Nak is followed', () => {
  const requesting: MppePolicy = { ...stateful128, requestStateful: true };
  assert.equal(formatMppeBits(desiredMppeBits(requesting) ?? 0), '<mppe -H -M +S -L -D -C>');
  assert.deepEqual(acceptMppeNak(requesting, 0x01000040), { ok: true, bits: 0x01000040 });
});

test('MPPE off: the option is rejected and never requested', () => {
  assert.equal(judged(MPPE_OFF, 0x01000040), 'reject');
  assert.equal(desiredMppeBits(MPPE_OFF), undefined);
});

test('our request lists stateless plus every strength we accept, like pppd MPPE_OPTS_TO_CI', () => {
  assert.equal(formatMppeBits(desiredMppeBits(only128) ?? 0), '<mppe +H -M +S -L -D -C>');
  assert.equal(formatMppeBits(desiredMppeBits(any) ?? 0), '<mppe +H -M +S +L -D -C>');
  assert.equal(
    formatMppeBits(desiredMppeBits(stateful128) ?? 0),
    '<mppe +H -M +S -L -D -C>',
    'never stateful',
  );
});

test('a Nak of our request is followed when it names a strength we accept (pppd ccp_nakci)', () => {
  assert.deepEqual(acceptMppeNak(any, 0x01000040), { ok: true, bits: 0x01000040 });
  assert.deepEqual(acceptMppeNak(any, 0x01000060), { ok: true, bits: 0x01000040 }, 'strongest of two');
  assert.deepEqual(acceptMppeNak(any, 0x01000021), { ok: true, bits: 0x01000020 }, 'C ignored');
  assert.deepEqual(acceptMppeNak(stateful128, 0x40), { ok: true, bits: 0x40 });
});

test('a Nak we cannot follow ends the negotiation with pppd’s reasons', () => {
  assert.deepEqual(acceptMppeNak(only128, 0x01000020), {
    ok: false,
    reason: 'MPPE required but peer negotiation failed',
  });
  assert.deepEqual(acceptMppeNak(only128, 0x01000000), {
    ok: false,
    reason: 'MPPE required but peer negotiation failed',
  });
  assert.deepEqual(acceptMppeNak(only128, 0x40), {
    ok: false,
    reason: 'Refusing MPPE stateful mode offered by peer',
  });
});

test('an Acked value names one direction: its strongest strength (as Linux picks) and mode', () => {
  assert.deepEqual(mppeDirection(0x01000060), { strength: 128, stateless: true, bits: 0x01000060 });
  assert.deepEqual(mppeDirection(0x20), { strength: 40, stateless: false, bits: 0x20 });
  assert.equal(mppeDirection(0x01000000), undefined);
  assert.equal(mppeDirection(undefined), undefined);
});
