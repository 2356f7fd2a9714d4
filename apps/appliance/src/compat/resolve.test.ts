import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpRanges } from '@switchyard/plugin-ip-pool';
import { parseChapSecrets } from '@switchyard/plugin-secrets-file';
import { resolveCompat, type CompatInput } from './resolve.js';
import {
  filesReader,
  seedChapSecrets,
  seedOptionsPath,
  seedOptionsPptpd,
  seedPptpdConf,
  seedPptpdConfPath,
} from './testing/seed.js';

const seed: CompatInput = {
  pptpdConf: { path: seedPptpdConfPath, text: seedPptpdConf },
  readInclude: filesReader({ [seedOptionsPath]: seedOptionsPptpd }),
};
const withConf = (text: string, files: Record<string, string> = {}): CompatInput => ({
  pptpdConf: { path: 'pptpd.conf', text },
  readInclude: filesReader(files),
});
const paths = (c: { problems: readonly { path: string }[] }) => c.problems.map((p) => p.path);

test('the seed how-to, verbatim, resolves to what it promises, with no problem', () => {
  const c = resolveCompat(seed);
  assert.deepEqual(c.problems, []);
  assert.equal(c.localip, '10.0.0.254');
  assert.equal(c.remoteip, '10.0.0.200-210');
  assert.equal(c.stimeoutSeconds, 30);
  assert.equal(c.debug, true);
  assert.equal(c.name, 'Nanu-VPN');
  assert.equal(c.optionsFile, '/usr/local/pptpd/etc/options.pptpd');
  assert.deepEqual(c.auth, { required: true, protocols: ['mschap-v2'], noauth: false });
  assert.deepEqual(c.mppe, { required: true, strengths: [128], statefulAllowed: false });
  assert.deepEqual(c.ppp.ipcp.msDns, ['202.106.46.151', '202.106.0.20']);
  assert.equal(c.ppp.ipcp.proxyarp, true);
  assert.equal(c.enableIpForwarding, false); // pppd only turns on ip_forward with ktune
  assert.equal(c.listen, undefined);
  assert.equal(c.connections, 11); // pptpd: "Maximum of 100 connections reduced to 11"
  assert.equal(c.chapSecretsPath, '/etc/ppp/chap-secrets');
});

test('the seed notes say what is accepted without effect, and where', () => {
  assert.deepEqual(resolveCompat(seed).notes, [
    `${seedPptpdConfPath}:4 stimeout: honoured (30 s); pptpd 1.4.0 ignores this keyword and only obeys -t`,
    `${seedOptionsPath}:12 lock: no effect: UUCP lock files only guard serial devices, and a PPTP call has none`,
    `${seedOptionsPath}:16 nologfd: no effect: log lines go through the appliance's logger (pppd needs this so its log does not loop back into pptpctrl through the pty)`,
    `${seedOptionsPath}:3 refuse-*: refuse-pap, refuse-chap, refuse-mschap: these only stop us authenticating ourselves to the peer, which a server never does`,
    `${seedPptpdConfPath}:6 remoteip: maximum of 100 connections reduced to 11: remoteip has no more addresses`,
  ]);
});

test("the seed's chap-secrets fits: its server column is our name, its address is in remoteip", () => {
  const c = resolveCompat(seed);
  const { entries, problems } = parseChapSecrets(seedChapSecrets);
  assert.deepEqual(problems, []);
  assert.equal(entries[0]?.client, 'vpn1');
  assert.equal(entries[0]?.server, c.name);
  const pool = parseIpRanges(c.remoteip, 'remoteip');
  assert.ok(pool.ok && pool.addresses.includes(entries[0]?.addresses[0] ?? ''));
});

test("pptpd's command line overrides pptpd.conf, and says so", () => {
  const c = resolveCompat({
    ...seed,
    commandLine: {
      stimeout: '5',
      listen: '192.0.2.1',
      connections: '4',
      pidfile: '/run/pptpd.pid',
      debug: true,
    },
  });
  assert.deepEqual(c.problems, []);
  assert.equal(c.stimeoutSeconds, 5);
  assert.equal(c.listen, '192.0.2.1');
  assert.equal(c.connections, 4);
  assert.equal(c.pidFile, '/run/pptpd.pid');
  assert.match(c.notes.join('\n'), /pptpd\.conf:4 stimeout: overridden by --stimeout on the command line/);
});

test('--option replaces the option line; refused flags are problems named after the flag', () => {
  const c = resolveCompat({
    ...withConf('option /etc/ppp/a\n', { '/etc/ppp/b': 'require-mschap-v2\n' }),
    commandLine: { option: '/etc/ppp/b', delegate: true, bcrelay: 'eth1' },
  });
  assert.equal(c.optionsFile, '/etc/ppp/b');
  assert.deepEqual(paths(c), ['command line --delegate', 'command line --bcrelay']);
});

test('an option file that cannot be read is a problem at the option line, as pptpd exits on it', () => {
  const c = resolveCompat(withConf('option /etc/ppp/options.pptpd\n'));
  assert.deepEqual(paths(c), ['pptpd.conf:1 option', '/etc/ppp/options.pptpd auth']);
  assert.match(c.problems[0]?.reason ?? '', /not readable: ENOENT/);
});

test('/etc/ppp/options is read first, then the option file (pppd order)', () => {
  const c = resolveCompat({
    ...withConf('option /etc/ppp/options.pptpd\n', { '/etc/ppp/options.pptpd': 'name pptpd\nnoproxyarp\n' }),
    systemOptions: { path: '/etc/ppp/options', text: 'auth\nproxyarp\nlcp-echo-interval 30\n' },
  });
  assert.deepEqual(c.problems, []);
  assert.equal(c.auth.required, true);
  assert.equal(c.ppp.ipcp.proxyarp, false);
  assert.equal(c.ppp.lcp.echoIntervalSeconds, 30);
});

test('without pptpd.conf or an option file: pptpd defaults, and notes saying so', () => {
  const c = resolveCompat({
    systemOptions: { path: '/etc/ppp/options', text: 'require-mschap-v2\nname pptpd\n' },
  });
  assert.deepEqual(c.problems, []);
  assert.equal(c.localip, '192.168.0.1-100');
  assert.equal(c.remoteip, '192.168.1.1-100');
  assert.equal(c.connections, 100);
  assert.equal(c.stimeoutSeconds, 10);
  assert.equal(c.debug, false);
  assert.match(c.notes.join('\n'), /\/etc\/pptpd\.conf option: not set: pppd reads only \/etc\/ppp\/options/);
});

test('ktune with proxyarp asks for IP forwarding, as pppd sets ip_forward for proxy ARP', () => {
  const files = { '/o': 'require-mschap-v2\nname x\nproxyarp\nktune\n' };
  assert.equal(resolveCompat(withConf('option /o\n', files)).enableIpForwarding, true);
  const alone = resolveCompat(withConf('option /o\n', { '/o': 'require-mschap-v2\nname x\nktune\n' }));
  assert.equal(alone.enableIpForwarding, false);
  assert.match(alone.notes.join('\n'), /\/o:3 ktune: no effect without proxyarp/);
});

test('debug in the options file alone switches debug logging on', () => {
  assert.equal(resolveCompat(withConf('option /o\n', { '/o': 'require-mschap-v2\ndebug\n' })).debug, true);
});

test('address plans pptpd would get wrong are problems: a client given our address, a repeated one', () => {
  const c = resolveCompat(
    withConf('option /o\nlocalip 10.0.0.1\nremoteip 10.0.0.1-3,10.0.0.3\n', { '/o': 'require-mschap-v2\n' }),
  );
  assert.deepEqual(paths(c), ['pptpd.conf:3 remoteip', 'pptpd.conf:3 remoteip']);
  assert.equal(c.problems[0]?.value, '10.0.0.3');
  assert.match(c.problems[1]?.reason ?? '', /server's own address/);
});

test('connections limits which remote addresses are used; a short localip list limits connections', () => {
  const c = resolveCompat(
    withConf('option /o\nconnections 3\nlocalip 10.0.0.1-2\nremoteip 10.0.1.1-9\n', {
      '/o': 'require-mschap-v2\n',
    }),
  );
  assert.equal(c.connections, 2);
  assert.match(c.notes.join('\n'), /6 address\(es\) beyond connections \(3\) are never used/);
  assert.match(c.notes.join('\n'), /reduced to 2: localip has no more addresses/);
});

test('every problem from every file is listed together', () => {
  const c = resolveCompat(
    withConf('option /o\ndelegate\nlocalip 10.0.0.300\n', {
      '/o': 'name vpn\nrequire-pap\nrequire-mppe-128\nfile /nope\n',
    }),
  );
  assert.deepEqual(paths(c), [
    'pptpd.conf:2 delegate',
    'pptpd.conf:3 localip',
    '/o:4 file',
    '/o:3 require-mppe-128',
  ]);
});
