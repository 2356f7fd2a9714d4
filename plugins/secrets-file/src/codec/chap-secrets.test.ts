import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChapSecrets } from './chap-secrets.js';

/** The seed how-to's /etc/ppp/chap-secrets, verbatim. */
const seedFile = `# PPTP User Accounts
# username server_name password ip
vpn1 Nanu-VPN "123456" 10.0.0.201
`;

test("the seed's chap-secrets gives vpn1 on Nanu-VPN, secret 123456, static 10.0.0.201", () => {
  const parsed = parseChapSecrets(seedFile);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.entries, [
    {
      line: 3,
      client: 'vpn1',
      server: 'Nanu-VPN',
      secret: { kind: 'literal', value: '123456' },
      addresses: ['10.0.0.201'],
      options: [],
    },
  ]);
});

test('the usual pptpd forms: wildcards, tabs, quoted secrets with blanks and #', () => {
  const parsed = parseChapSecrets(
    [
      '# client\tserver\tsecret\t\t\tIP addresses',
      'vpn1  pptpd  123456  *',
      '*\tpptpd\t"shared secret # 1"\t*',
      "alice * 'p@ss w0rd' 10.0.0.0/24 !10.0.0.1",
    ].join('\n'),
  );
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.entries.map((e) => [e.line, e.client, e.server, e.secret, e.addresses]),
    [
      [2, 'vpn1', 'pptpd', { kind: 'literal', value: '123456' }, ['*']],
      [3, '*', 'pptpd', { kind: 'literal', value: 'shared secret # 1' }, ['*']],
      [4, 'alice', '*', { kind: 'literal', value: 'p@ss w0rd' }, ['10.0.0.0/24', '!10.0.0.1']],
    ],
  );
});

test('no IP column means no address, as pppd reads it, with a warning that says to write *', () => {
  const parsed = parseChapSecrets('vpn1 pptpd 123456\nvpn2 pptpd 123456 -\n');
  assert.deepEqual(
    parsed.entries.map((e) => e.addresses),
    [['-'], ['-']],
  );
  assert.equal(parsed.problems.length, 1);
  assert.match(parsed.problems[0]!.reason, /no IP address column.*not authorized.*write \*/);
  assert.deepEqual([parsed.problems[0]!.line, parsed.problems[0]!.entry], [1, 'kept']);
});

test('@/path reads the secret from a file; @name without a slash is a literal password', () => {
  const parsed = parseChapSecrets('vpn1 * @/etc/ppp/vpn1.secret *\nvpn2 * @home *\n');
  assert.deepEqual(
    parsed.entries.map((e) => e.secret),
    [
      { kind: 'file', path: '/etc/ppp/vpn1.secret' },
      { kind: 'literal', value: '@home' },
    ],
  );
});

test('malformed lines are reported with their number and the rest of the file still loads', () => {
  const parsed = parseChapSecrets(
    ['vpn1 pptpd', 'vpn2', 'vpn3 pptpd s3 *', 'vpn4 pptpd "unclosed *', 'vpn5 pptpd s5 *'].join('\n'),
  );
  assert.deepEqual(
    parsed.entries.map((e) => e.client),
    ['vpn3'],
  );
  assert.deepEqual(
    parsed.problems.map((p) => [p.line, p.entry]),
    [
      [1, 'skipped'],
      [2, 'skipped'],
      [4, 'skipped'],
    ],
  );
  assert.match(parsed.problems[0]!.reason, /incomplete entry.*found 2 word/);
  assert.match(parsed.problems[2]!.reason, /quote opened here is never closed/);
});

test('address words pppd cannot use are dropped with a reason; an all-dropped list allows nothing', () => {
  const parsed = parseChapSecrets(
    [
      'a * s 10.0.0.5 gateway.lan 10.0.0.0/24+ 10.0.0.010 10.0.0.0/24',
      'b * s vpn-host.example',
      'c * s 10.0.0.7 * 10.0.0.8',
    ].join('\n'),
  );
  assert.deepEqual(
    parsed.entries.map((e) => e.addresses),
    [['10.0.0.5', '10.0.0.0/24'], ['-'], ['10.0.0.7', '*']],
  );
  const reasons = parsed.problems.map((p) => `${p.line}: ${p.reason}`);
  assert.equal(reasons.length, 5, reasons.join('\n'));
  assert.match(reasons[0]!, /^1: address 'gateway\.lan' is ignored: .*not looked up/);
  assert.match(reasons[1]!, /^1: address '10\.0\.0\.0\/24\+' is ignored: .*unit number/);
  assert.match(reasons[2]!, /^1: address '10\.0\.0\.010' is ignored: .*no leading zeros/);
  assert.match(reasons[3]!, /^2: /);
  assert.match(reasons[4]!, /^3: addresses after '\*' are ignored: 10\.0\.0\.8/);
});

test('per-user options after -- are reported and not applied; the addresses before them stand', () => {
  const parsed = parseChapSecrets('vpn1 pptpd s 10.0.0.9 -- mtu 1400\n');
  assert.deepEqual(parsed.entries[0]?.addresses, ['10.0.0.9']);
  assert.deepEqual(parsed.entries[0]?.options, ['mtu', '1400']);
  assert.match(parsed.problems[0]?.reason ?? '', /options are not supported, ignored: mtu 1400/);
});

test('a second line for the same client and server is flagged: pppd always takes the first', () => {
  const parsed = parseChapSecrets('vpn1 pptpd old *\nvpn1 pptpd new *\nvpn1 * other *\n');
  assert.equal(parsed.entries.length, 3);
  assert.deepEqual(
    parsed.problems.map((p) => [p.line, p.reason]),
    [[2, 'same client and server as line 1, which pppd uses instead of this one']],
  );
});

test('a secret longer than pppd MAXSECRETLEN is cut to 256 characters, with a warning', () => {
  const parsed = parseChapSecrets(`vpn1 * ${'s'.repeat(300)} *`);
  const secret = parsed.entries[0]?.secret;
  assert.equal(secret?.kind === 'literal' && secret.value.length, 256);
  assert.match(parsed.problems[0]?.reason ?? '', /longer than 256/);
});

test("words are pppd's getword words: a quote inside a word opens a section, an empty last word is none", () => {
  const parsed = parseChapSecrets(
    ['a * "pass"word *', 'b * it"\'"s *', 'c * pa"ss wo"rd *', 'd * ""'].join('\n'),
  );
  assert.deepEqual(
    parsed.entries.map((e) => [e.client, e.secret, e.addresses]),
    [
      ['a', { kind: 'literal', value: 'password' }, ['*']],
      ['b', { kind: 'literal', value: "it's" }, ['*']],
      ['c', { kind: 'literal', value: 'pass word' }, ['*']],
    ],
  );
  // `""` at the very end of the file is no word to getword: d has no secret.
  assert.deepEqual(
    parsed.problems.map((p) => [p.line, p.entry]),
    [[4, 'skipped']],
  );
  // An unquoted apostrophe opens a quote: here it never closes, and the entry is skipped.
  const open = parseChapSecrets("e * it's *\nf * s *\n");
  assert.deepEqual(open.entries, []);
  assert.deepEqual(
    open.problems.map((p) => [p.line, p.entry]),
    [[1, 'skipped']],
  );
});
