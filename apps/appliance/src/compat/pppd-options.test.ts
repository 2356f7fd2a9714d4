import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePppdOptions, type PppdOptionsResult } from './pppd-options.js';
import type { PppdOptions } from './pppd/state.js';
import { filesReader, seedOptionsPath, seedOptionsPptpd } from './testing/seed.js';

const parse = (text: string, includes: Record<string, string> = {}) =>
  parsePppdOptions([{ path: 'options.pptpd', text }], filesReader(includes));
const paths = (r: PppdOptionsResult) => r.problems.map((p) => p.path);

test('the seed options.pptpd, verbatim: every line applied or noted, none refused', () => {
  const r = parsePppdOptions([{ path: seedOptionsPath, text: seedOptionsPptpd }]);
  assert.deepEqual(r.problems, []);
  const o = r.options;
  assert.equal(o.name, 'Nanu-VPN');
  assert.deepEqual(o.auth, {
    required: true,
    noauth: false,
    pap: false,
    eap: false,
    chap: ['mschap-v2'],
    refuse: ['pap', 'md5', 'mschap'],
  });
  assert.deepEqual(o.ccp.mppe, [128]);
  assert.equal(o.ccp.refuseMppeStateful, true);
  assert.deepEqual(o.ipcp.msDns, ['202.106.46.151', '202.106.0.20']);
  assert.equal(o.ipcp.proxyarp, true);
  assert.equal(o.debugLevel, 1);
  assert.equal(o.ccp.bsdcomp, false);
  assert.equal(o.ipcp.vj, false);
  assert.equal(o.ipcp.vjccomp, false);
  assert.deepEqual(
    r.entries.filter((e) => e.disposition !== 'applied').map((e) => e.word),
    ['lock', 'nologfd'],
  );
  assert.deepEqual(o.origin.get('require-mppe-128'), { file: seedOptionsPath, line: 7 });
});

type Check = (o: PppdOptions) => unknown;
/** [line, what becomes of it, what it does to the options] — every option the brief lists, and aliases. */
const cases: [string, 'applied' | 'no effect' | 'refused', Check?][] = [
  ['name Nanu-VPN', 'applied', (o) => o.name === 'Nanu-VPN'],
  ['refuse-pap', 'applied', (o) => o.auth.refuse.includes('pap')],
  ['refuse-chap', 'applied', (o) => o.auth.refuse.includes('md5')],
  ['refuse-mschap', 'applied', (o) => o.auth.refuse.includes('mschap')],
  ['refuse-mschap-v2', 'applied', (o) => o.auth.refuse.includes('mschap-v2')],
  ['refuse-eap', 'applied', (o) => o.auth.refuse.includes('eap')],
  ['-pap', 'applied', (o) => o.auth.refuse.includes('pap')],
  ['-mschap-v2', 'applied', (o) => o.auth.refuse.includes('mschap-v2')],
  ['require-pap', 'applied', (o) => o.auth.pap && o.auth.required],
  ['require-chap', 'applied', (o) => o.auth.chap.join() === 'md5' && o.auth.required],
  ['require-mschap', 'applied', (o) => o.auth.chap.join() === 'mschap'],
  ['require-mschap-v2', 'applied', (o) => o.auth.chap.join() === 'mschap-v2'],
  ['+mschap-v2', 'applied', (o) => o.auth.chap.join() === 'mschap-v2' && o.origin.has('require-mschap-v2')],
  ['+pap', 'applied', (o) => o.auth.pap],
  ['require-eap', 'applied', (o) => o.auth.eap && o.auth.required],
  ['auth', 'applied', (o) => o.auth.required],
  ['noauth', 'applied', (o) => o.auth.noauth && !o.auth.required],
  ['require-mppe', 'applied', (o) => o.ccp.mppe.join() === '40,128'],
  ['require-mppe-40', 'applied', (o) => o.ccp.mppe.join() === '40'],
  ['require-mppe-128', 'applied', (o) => o.ccp.mppe.join() === '128'],
  ['+mppe-128', 'applied', (o) => o.ccp.mppe.join() === '128'],
  ['nomppe', 'applied', (o) => o.ccp.mppe.length === 0],
  ['nomppe-40', 'applied', (o) => o.ccp.mppe.length === 0],
  ['nomppe-128', 'applied', (o) => o.ccp.mppe.length === 0],
  ['mppe-stateful', 'applied', (o) => !o.ccp.refuseMppeStateful],
  ['nomppe-stateful', 'applied', (o) => o.ccp.refuseMppeStateful],
  ['mppe required,no40,no56,stateless', 'refused'],
  ['ms-dns 10.0.0.1', 'applied', (o) => o.ipcp.msDns.join() === '10.0.0.1,10.0.0.1'],
  ['ms-wins 10.0.0.3', 'applied', (o) => o.ipcp.msWins.join() === '10.0.0.3,10.0.0.3'],
  ['proxyarp', 'applied', (o) => o.ipcp.proxyarp],
  ['noproxyarp', 'applied', (o) => !o.ipcp.proxyarp],
  ['debug', 'applied', (o) => o.debugLevel === 1],
  ['dump', 'applied', (o) => o.dump],
  ['lock', 'no effect'],
  ['nolock', 'no effect'],
  ['nobsdcomp', 'applied', (o) => !o.ccp.bsdcomp],
  ['nodeflate', 'applied', (o) => !o.ccp.deflate],
  ['nopredictor1', 'applied', (o) => !o.ccp.predictor1],
  ['noccp', 'applied', (o) => !o.ccp.enabled],
  ['novj', 'applied', (o) => !o.ipcp.vj],
  ['novjccomp', 'applied', (o) => !o.ipcp.vjccomp],
  ['nopcomp', 'applied', (o) => !o.lcp.pcomp],
  ['noaccomp', 'applied', (o) => !o.lcp.accomp],
  ['mtu 1400', 'applied', (o) => o.lcp.mtuBytes === 1400],
  ['mru 1400', 'applied', (o) => o.lcp.mruBytes === 1400],
  ['lcp-echo-interval 30', 'applied', (o) => o.lcp.echoIntervalSeconds === 30],
  ['lcp-echo-failure 4', 'applied', (o) => o.lcp.echoFailures === 4],
  ['lcp-restart 3', 'applied', (o) => o.lcp.restartSeconds === 3],
  ['lcp-max-configure 10', 'applied', (o) => o.lcp.maxConfigure === 10],
  ['lcp-max-terminate 2', 'applied', (o) => o.lcp.maxTerminate === 2],
  ['lcp-max-failure 5', 'applied', (o) => o.lcp.maxFailure === 5],
  ['ipcp-accept-local', 'no effect'],
  ['ipcp-accept-remote', 'no effect'],
  ['ipcp-restart 3', 'applied', (o) => o.ipcp.restartSeconds === 3],
  ['ipcp-max-configure 10', 'applied', (o) => o.ipcp.maxConfigure === 10],
  ['ipcp-max-terminate 2', 'applied', (o) => o.ipcp.maxTerminate === 2],
  ['ipcp-max-failure 5', 'applied', (o) => o.ipcp.maxFailure === 5],
  ['chap-restart 3', 'applied', (o) => o.chap.restartSeconds === 3],
  ['chap-max-challenge 10', 'applied', (o) => o.chap.maxChallenge === 10],
  ['chap-interval 60', 'applied', (o) => o.chap.intervalSeconds === 60],
  ['chapms-strip-domain', 'applied', (o) => o.chap.msStripDomain],
  ['nodefaultroute', 'no effect'],
  ['defaultroute', 'refused'],
  ['idle 600', 'applied', (o) => o.idleSeconds === 600],
  ['maxconnect 3600', 'applied', (o) => o.maxconnectSeconds === 3600],
  ['ktune', 'applied', (o) => o.ktune],
  ['logfile /var/log/pptpd.log', 'no effect', (o) => o.logfile === '/var/log/pptpd.log'],
  ['vj-max-slots 8', 'no effect', (o) => o.ipcp.vjMaxSlots === 8],
  ['vj-max-slots 40', 'refused'],
  ['passive', 'applied', (o) => o.lcp.passive],
  ['silent', 'applied', (o) => o.lcp.silent],
  ['nologfd', 'no effect'],
  ['noipx', 'no effect'],
  ['ipparam 192.0.2.7', 'applied', (o) => o.ipparam === '192.0.2.7'],
  ['ip-up-script /etc/ppp/vpn-up', 'applied', (o) => o.scripts.ipUp === '/etc/ppp/vpn-up'],
  ['ip-down-script /etc/ppp/vpn-down', 'applied', (o) => o.scripts.ipDown === '/etc/ppp/vpn-down'],
  ['ip-pre-up-script /etc/ppp/vpn-pre', 'applied', (o) => o.scripts.ipPreUp === '/etc/ppp/vpn-pre'],
  ['ip-up-script vpn-up', 'refused'],
  ['ipv6-up-script /etc/ppp/ipv6-up', 'no effect'],
  ['child-timeout 20', 'applied', (o) => o.childTimeoutSeconds === 20],
  ['set SITE=berlin', 'applied', (o) => o.environment.SITE === 'berlin'],
  ['set SITE', 'refused'],
  ['remotename peer', 'no effect'],
  ['usepeerdns', 'no effect'],
  ['asyncmap 0', 'applied', (o) => o.lcp.asyncmap === 0 && o.lcp.negotiateAsyncmap],
  ['default-asyncmap', 'applied', (o) => !o.lcp.negotiateAsyncmap],
  ['connect-delay 1000', 'no effect'],
  ['plugin radius.so', 'refused'],
  ['chap-secrets /etc/ppp/vpn-secrets', 'applied', (o) => o.chapSecretsPath === '/etc/ppp/vpn-secrets'],
];

for (const [line, disposition, check] of cases) {
  test(`'${line}' is ${disposition}`, () => {
    const r = parse(`${line}\n`);
    assert.equal(r.entries.length, 1);
    assert.equal(r.entries[0]?.disposition, disposition);
    assert.equal(r.problems.length, disposition === 'refused' ? 1 : 0);
    if (disposition === 'refused') assert.equal(r.problems[0]?.path, `options.pptpd:1 ${line.split(' ')[0]}`);
    if (disposition === 'no effect') assert.equal(r.notes.length, 1);
    if (check) assert.ok(check(r.options), `effect of '${line}'`);
  });
}

test("'unset' removes what an earlier 'set' added; other variables stay (pppd options.c)", () => {
  const r = parse('set A=1\nset B=x=y\nunset A\n');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.options.environment, { B: 'x=y' });
});

test('refused options are problems with file:line, option, value and reason', () => {
  const r = parse(
    'name vpn\ndefaultroute\nplugin /usr/lib/pppd/2.4.9/radius.so\npass-filter "tcp port 80"\n',
  );
  assert.deepEqual(r.problems, [
    {
      path: 'options.pptpd:2 defaultroute',
      value: true,
      reason: "a server never routes its default route through a client's link: remove it",
    },
    {
      path: 'options.pptpd:3 plugin',
      value: '/usr/lib/pppd/2.4.9/radius.so',
      reason:
        'pppd plugins cannot be loaded; RADIUS will be its own Switchyard plugin (radius), not radius.so',
    },
    {
      path: 'options.pptpd:4 pass-filter',
      value: 'tcp port 80',
      reason: 'packet filters are not implemented: traffic the filter drops would pass',
    },
  ]);
});

test('an unknown option is a problem, its line is skipped with it, and reading goes on', () => {
  const r = parse('frobnicate 1 2\nlock\nrequire-mschapv2\nlocalip 10.0.0.1\n');
  assert.deepEqual(paths(r), [
    'options.pptpd:1 frobnicate',
    'options.pptpd:3 require-mschapv2',
    'options.pptpd:4 localip',
  ]);
  assert.equal(r.problems[0]?.value, 'frobnicate 1 2');
  assert.match(r.problems[0]?.reason ?? '', /unrecognized option 'frobnicate': pppd 2\.4\.9 stops on it/);
  assert.match(r.problems[1]?.reason ?? '', /did you mean 'require-mschap-v2'/);
  assert.match(r.problems[2]?.reason ?? '', /belongs in pptpd\.conf/);
  assert.equal(r.entries.find((e) => e.word === 'lock')?.disposition, 'no effect');
});

test("an unknown option's line goes on after a backslash-newline, as getword's newline flag says", () => {
  const r = parse('frobnicate 1 \\\n 2\nlock\n');
  assert.equal(r.problems[0]?.value, 'frobnicate 1 2');
  assert.equal(r.entries.find((e) => e.word === 'lock')?.disposition, 'no effect');
});

test('every problem is listed, in file order, not just the first (pppd stops at the first)', () => {
  const r = parse('mtu 40\nms-dns dns.example.com\nproxy-arp\ndemand\n+chapms-v2\nmru 99999\nms-dns\n');
  assert.deepEqual(paths(r), [
    'options.pptpd:1 mtu',
    'options.pptpd:2 ms-dns',
    'options.pptpd:3 proxy-arp',
    'options.pptpd:4 demand',
    'options.pptpd:5 +chapms-v2',
    'options.pptpd:6 mru',
    'options.pptpd:7 ms-dns',
  ]);
  assert.equal(r.problems[0]?.reason, 'mtu value must be between 128 and 16384');
  assert.match(r.problems[4]?.reason ?? '', /write 'require-mschap-v2'/);
  assert.equal(r.problems[6]?.reason, "too few parameters for option 'ms-dns'");
});

test('quoted values keep their spaces; an argument may be on the next line, as getword reads across lines', () => {
  const r = parse('name "Nanu VPN"\nlogfile \'/var/log/ppp log\'\nms-dns\n  10.0.0.1\n');
  assert.deepEqual(r.problems, []);
  assert.equal(r.options.name, 'Nanu VPN');
  assert.equal(r.options.logfile, '/var/log/ppp log');
  assert.deepEqual(r.options.ipcp.msDns, ['10.0.0.1', '10.0.0.1']);
});

test('file <path> and call <name> are read in place through readInclude; their lines are their own', () => {
  const r = parse('file /etc/ppp/common\ncall office\nlock\n', {
    '/etc/ppp/common': 'require-mschap-v2\nfrobnicate\n',
    '/etc/ppp/peers/office': '\nms-dns 10.1.1.1\n',
  });
  assert.deepEqual(r.files, ['options.pptpd', '/etc/ppp/common', '/etc/ppp/peers/office']);
  assert.deepEqual(r.options.auth.chap, ['mschap-v2']);
  assert.deepEqual(r.options.origin.get('ms-dns'), { file: '/etc/ppp/peers/office', line: 2 });
  assert.deepEqual(paths(r), ['/etc/ppp/common:2 frobnicate']);
});

test('includes that cannot be read, loop, or escape /etc/ppp/peers are problems at the including line', () => {
  const r = parse('file /etc/ppp/missing\nfile /etc/ppp/a\ncall ../../etc/shadow\ncall /etc/passwd\n', {
    '/etc/ppp/a': 'file /etc/ppp/b\n',
    '/etc/ppp/b': 'file /etc/ppp/a\n',
  });
  assert.deepEqual(paths(r), [
    'options.pptpd:1 file',
    '/etc/ppp/b:1 file',
    'options.pptpd:3 call',
    'options.pptpd:4 call',
  ]);
  assert.match(r.problems[0]?.reason ?? '', /can't open options file \/etc\/ppp\/missing: ENOENT/);
  assert.match(r.problems[1]?.reason ?? '', /already being read/);
  assert.equal(r.problems[2]?.reason, 'call option value may not contain .. or start with /');
});

test('ms-dns and ms-wins keep the last two given, the second-last as primary (ipcp.c setdnsaddr)', () => {
  const r = parse('ms-dns 10.0.0.1\nms-dns 10.0.0.2\nms-dns 10.0.0.3\n');
  assert.deepEqual(r.options.ipcp.msDns, ['10.0.0.2', '10.0.0.3']);
  assert.deepEqual(r.notes, [
    'options.pptpd:3 ms-dns: pppd keeps the last two ms-dns addresses: 10.0.0.1 is dropped',
  ]);
});

test('MPPE options edit one mask in file order, as pppd does', () => {
  const mppe = (text: string) => parse(text).options.ccp.mppe.join();
  assert.equal(mppe('require-mppe\nnomppe-40\n'), '128');
  assert.equal(mppe('nomppe-40\nrequire-mppe\n'), '40,128'); // require-mppe assigns, it does not OR
  assert.equal(mppe('require-mppe-40\nrequire-mppe-128\n'), '40,128');
  assert.equal(mppe('require-mppe-128\nnomppe\n'), '');
});

test('proxyarp after noproxyarp is refused, as pppd refuses a disabled OPT_ENABLE option', () => {
  const r = parse('noproxyarp\nproxyarp\n');
  assert.deepEqual(paths(r), ['options.pptpd:2 proxyarp']);
  assert.match(r.problems[0]?.reason ?? '', /disabled by noproxyarp at options\.pptpd:1/);
  assert.equal(parse('proxyarp\nnoproxyarp\n').options.ipcp.proxyarp, false);
});

test('auth options follow pppd: noauth clears what require-* set, and debug counts up', () => {
  assert.equal(parse('require-mschap-v2\nnoauth\n').options.auth.required, false);
  assert.equal(parse('noauth\nrequire-mschap-v2\n').options.auth.noauth, false);
  assert.equal(parse('debug\ndebug\n').options.debugLevel, 2);
});

test("pppd's wildcard words: a speed and a local:remote pair are noted, a device is refused", () => {
  const r = parse('115200\n10.0.0.1:10.0.0.2\n:10.0.0.9\n10.0.0.1:127.0.0.1\n/dev/ttyS0\n');
  assert.deepEqual(
    r.entries.map((e) => [e.option, e.disposition]),
    [
      ['speed', 'no effect'],
      ['address pair', 'no effect'],
      ['address pair', 'no effect'],
      ['address pair', 'refused'],
      ['device', 'refused'],
    ],
  );
});

test('numbers are read as pppd reads them, with a note where that surprises', () => {
  const r = parse('mtu 0x578\nlcp-echo-interval 30s\n');
  assert.deepEqual(r.problems, []);
  assert.equal(r.options.lcp.mtuBytes, 1400);
  assert.equal(r.options.lcp.echoIntervalSeconds, 30);
  assert.deepEqual(r.notes, ["options.pptpd:2 lcp-echo-interval: pppd reads '30s' as 30 and ignores 's'"]);
});

test('several files share one set of options, later ones winning (/etc/ppp/options, then the option file)', () => {
  const r = parsePppdOptions([
    { path: '/etc/ppp/options', text: 'auth\nlcp-echo-interval 30\nproxyarp\n' },
    { path: 'options.pptpd', text: 'lcp-echo-interval 10\nrequire-mschap-v2\n' },
  ]);
  assert.equal(r.options.lcp.echoIntervalSeconds, 10);
  assert.equal(r.options.ipcp.proxyarp, true);
  assert.deepEqual(r.options.auth.chap, ['mschap-v2']);
  assert.deepEqual(r.options.origin.get('proxyarp'), { file: '/etc/ppp/options', line: 3 });
});
