import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAuthPolicy, computeAuthPolicy } from './auth-policy.js';
import { Findings } from './findings.js';
import { parsePppdOptions } from './pppd-options.js';

const file = { file: 'options.pptpd', line: 0 };
const options = (text: string) => parsePppdOptions([{ path: 'options.pptpd', text }]).options;
const policy = (text: string) => computeAuthPolicy(options(text));
const check = (text: string) => {
  const out = new Findings();
  const o = options(text);
  checkAuthPolicy(computeAuthPolicy(o), o, file, out);
  return out;
};

test('require-mschap-v2 alone: only MS-CHAPv2 is asked for', () => {
  assert.deepEqual(policy('require-mschap-v2\n'), {
    required: true,
    protocols: ['mschap-v2'],
    noauth: false,
  });
});

test('`auth` with no require-*: every protocol, in pppd order EAP, CHAP-MD5, MS-CHAPv2, MS-CHAP, PAP', () => {
  assert.deepEqual(policy('auth\n').protocols, ['eap', 'chap-md5', 'mschap-v2', 'mschap', 'pap']);
});

test('refuse-* never narrows what the peer is asked for (it only concerns authenticating ourselves)', () => {
  assert.deepEqual(policy('auth\nrefuse-pap\nrefuse-chap\nrefuse-mschap\nrefuse-eap\n').protocols, [
    'eap',
    'chap-md5',
    'mschap-v2',
    'mschap',
    'pap',
  ]);
  const out = check('auth\nrefuse-pap\nrefuse-chap\n');
  assert.match(
    out.notes.join('\n'),
    /refuse-pap, refuse-chap: these only stop us authenticating ourselves.*the peer may still use chap-md5, pap/,
  );
});

test('several require-* options add up; CHAP digests come MD5 first (chap-new.h CHAP_DIGEST)', () => {
  assert.deepEqual(policy('require-mschap-v2\nrequire-pap\nrequire-chap\n').protocols, [
    'chap-md5',
    'mschap-v2',
    'pap',
  ]);
  assert.deepEqual(policy('require-eap\nrequire-mschap\n').protocols, ['eap', 'mschap']);
});

test('noauth: nothing is asked for; it is noted, since anyone may then connect', () => {
  assert.deepEqual(policy('require-mschap-v2\nnoauth\n'), { required: false, protocols: [], noauth: true });
  const out = check('noauth\n');
  assert.deepEqual(out.problems, []);
  assert.match(out.notes[0] ?? '', /options\.pptpd:1 noauth: peers are not authenticated/);
});

test('no auth option at all is a problem: pppd run as root by pptpd would not authenticate', () => {
  const out = check('lock\n');
  assert.equal(out.problems.length, 1);
  assert.equal(out.problems[0]?.path, 'options.pptpd auth');
});

test('EAP has no authenticator: refused when it is all the peer may use, left out with a note otherwise', () => {
  assert.deepEqual(
    check('require-eap\n').problems.map((p) => p.path),
    ['options.pptpd:1 require-eap'],
  );
  const out = check('auth\n');
  assert.deepEqual(out.problems, []);
  assert.match(
    out.notes.join('\n'),
    /EAP is not implemented: it is left out and the peer is asked for chap-md5 first/,
  );
});
