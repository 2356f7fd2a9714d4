import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAuthPolicy } from './auth-policy.js';
import { Findings } from './findings.js';
import { checkMppePolicy, computeMppePolicy } from './mppe-policy.js';
import { parsePppdOptions } from './pppd-options.js';

const evaluate = (text: string) => {
  const options = parsePppdOptions([{ path: 'options.pptpd', text }]).options;
  const out = new Findings();
  const policy = computeMppePolicy(options);
  checkMppePolicy(policy, computeAuthPolicy(options), options, { file: 'options.pptpd', line: 0 }, out);
  return { policy, out };
};

test('require-mppe-128 implies MPPE required, 128-bit only, stateless only', () => {
  const { policy, out } = evaluate('require-mschap-v2\nrequire-mppe-128\n');
  assert.deepEqual(policy, { required: true, strengths: [128], statefulAllowed: false });
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.notes, []);
});

test('require-mppe allows 40 and 128 bit; nomppe-40 then leaves 128', () => {
  assert.deepEqual(evaluate('require-mschap-v2\nrequire-mppe\n').policy.strengths, [40, 128]);
  assert.deepEqual(evaluate('require-mschap-v2\nrequire-mppe\nnomppe-40\n').policy.strengths, [128]);
});

test('mppe-stateful lets a peer that insists have stateful mode; it is never required', () => {
  assert.equal(evaluate('require-mschap-v2\nrequire-mppe-128\nmppe-stateful\n').policy.statefulAllowed, true);
});

test('no MPPE option: MPPE is off (pppd has no optional MPPE)', () => {
  assert.deepEqual(evaluate('require-mschap-v2\n').policy, {
    required: false,
    strengths: [],
    statefulAllowed: false,
  });
});

test('MPPE without MS-CHAP keys is a problem: every call would fail after authentication', () => {
  const { out } = evaluate('require-pap\nrequire-mppe-128\n');
  assert.deepEqual(
    out.problems.map((p) => p.path),
    ['options.pptpd:2 require-mppe-128'],
  );
  assert.match(out.problems[0]?.reason ?? '', /only asked for pap/);
});

test('MPPE with protocols that give no keys among others: a note about those peers', () => {
  const { out } = evaluate('auth\nrequire-mppe-128\n');
  assert.deepEqual(out.problems, []);
  assert.match(out.notes[0] ?? '', /peers that authenticate with eap or chap-md5 or pap get no MPPE keys/);
});

test('noccp with MPPE required is a problem: pppd would bring IP up unencrypted', () => {
  const { policy, out } = evaluate('require-mschap-v2\nrequire-mppe-128\nnoccp\n');
  assert.equal(policy.required, false);
  assert.deepEqual(
    out.problems.map((p) => p.path),
    ['options.pptpd:3 noccp'],
  );
});

test('require-mppe emptied by nomppe-40 and nomppe-128 is a problem; an explicit nomppe is not', () => {
  const emptied = evaluate('require-mschap-v2\nrequire-mppe\nnomppe-40\nnomppe-128\n');
  assert.equal(emptied.policy.required, false);
  assert.deepEqual(
    emptied.out.problems.map((p) => p.path),
    ['options.pptpd:2 require-mppe'],
  );
  assert.deepEqual(evaluate('require-mschap-v2\nrequire-mppe-128\nnomppe\n').out.problems, []);
});
