import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePptpdConf, pptpdKeywords } from './pptpd-conf.js';
import { seedPptpdConf, seedPptpdConfPath } from './testing/seed.js';

const parse = (text: string) => parsePptpdConf(text, 'pptpd.conf');
const paths = (r: { problems: readonly { path: string }[] }) => r.problems.map((p) => p.path);

test('the seed pptpd.conf, verbatim: option, debug, stimeout 30, localip, remoteip, no problem', () => {
  const { conf, problems, notes } = parsePptpdConf(seedPptpdConf, seedPptpdConfPath);
  assert.deepEqual(problems, []);
  assert.deepEqual(conf.option, {
    value: '/usr/local/pptpd/etc/options.pptpd',
    at: { file: seedPptpdConfPath, line: 2 },
  });
  assert.equal(conf.debug?.value, true);
  assert.equal(conf.stimeoutSeconds?.value, 30);
  assert.equal(conf.localip?.value, '10.0.0.254');
  assert.equal(conf.remoteip?.value, '10.0.0.200-210');
  // stimeout is honoured, where pptpd 1.4.0 reads it only `if (!pptp_stimeout)`: say so.
  assert.deepEqual(notes, [
    `${seedPptpdConfPath}:4 stimeout: honoured (30 s); pptpd 1.4.0 ignores this keyword and only obeys -t`,
  ]);
});

test('pptpd 1.4.0 keywords: every one is known (defaults.h)', () => {
  assert.deepEqual([...pptpdKeywords].sort(), [
    'bcrelay',
    'connections',
    'debug',
    'delegate',
    'listen',
    'localip',
    'logwtmp',
    'noipparam',
    'option',
    'pidfile',
    'ppp',
    'remoteip',
    'speed',
    'stimeout',
    'vrf',
  ]);
});

test('implemented keywords are typed: listen, connections, pidfile', () => {
  const { conf, problems } = parse('listen 192.0.2.1\nconnections 20\npidfile /run/pptpd.pid\n');
  assert.deepEqual(problems, []);
  assert.equal(conf.listen?.value, '192.0.2.1');
  assert.equal(conf.connections?.value, 20);
  assert.equal(conf.pidfile?.value, '/run/pptpd.pid');
});

test('accepted keywords without effect give a note each: logwtmp, ppp, speed', () => {
  const { notes, problems } = parse('logwtmp\nppp /usr/sbin/pppd\nspeed 115200\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    notes.map((n) => n.split(':').slice(0, 2).join(':')),
    ['pptpd.conf:1 logwtmp', 'pptpd.conf:2 ppp', 'pptpd.conf:3 speed'],
  );
});

test('noipparam is applied (pptpd then passes no ipparam to pppd), without a note', () => {
  const { conf, notes, problems } = parse('noipparam\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(notes, []);
  assert.equal(conf.noipparam?.value, true);
});

test('refused keywords are problems naming file:line, keyword, value and why: delegate, bcrelay, vrf', () => {
  const { problems } = parse('delegate\nbcrelay eth1\nvrf blue\n');
  assert.deepEqual(paths({ problems }), [
    'pptpd.conf:1 delegate',
    'pptpd.conf:2 bcrelay',
    'pptpd.conf:3 vrf',
  ]);
  assert.equal(problems[1]?.value, 'eth1');
  assert.match(problems[0]?.reason ?? '', /remoteip/);
  assert.match(problems[1]?.reason ?? '', /broadcast relay/);
});

test('every problem is listed, not just the first', () => {
  const { problems } = parse(
    'localip 10.0.0.1-300\nremoteip 10.0.0.10-5\nlisten vpn.example.com\nconnections many\nfrobnicate yes\nbcrelay eth0\n',
  );
  assert.deepEqual(paths({ problems }), [
    'pptpd.conf:1 localip',
    'pptpd.conf:2 remoteip',
    'pptpd.conf:3 listen',
    'pptpd.conf:4 connections',
    'pptpd.conf:5 frobnicate',
    'pptpd.conf:6 bcrelay',
  ]);
  assert.match(problems[1]?.reason ?? '', /backwards/);
  assert.match(problems[2]?.reason ?? '', /host names/);
});

test('unknown keywords, which pptpd skips silently, are problems; case matters as in strncmp', () => {
  const { problems } = parse('LocalIP 10.0.0.1\nremote-ip 10.0.0.2\n');
  assert.equal(problems.length, 2);
  assert.match(problems[0]?.reason ?? '', /lower case \('localip'\)/);
  assert.match(problems[1]?.reason ?? '', /unknown keyword/);
});

test('the first line of a keyword wins, as read_config_file returns the first match; later ones are noted', () => {
  const { conf, notes } = parse('localip 10.0.0.1\nlocalip 10.0.0.2\n');
  assert.equal(conf.localip?.value, '10.0.0.1');
  assert.deepEqual(notes, ["pptpd.conf:2 localip: ignored: pptpd uses the first 'localip' line (line 1)"]);
});

test('comments start in column 1; an indented setting is a problem, an indented comment a note', () => {
  const { conf, problems, notes } = parse('# comment\n\n  # indented comment\n  localip 10.0.0.1\n');
  assert.equal(conf.localip, undefined);
  assert.deepEqual(paths({ problems }), ['pptpd.conf:4 localip']);
  assert.equal(notes.length, 1);
});

test('a value is the rest of the line after the blanks, trailing blanks trimmed; a # there is part of it', () => {
  const { conf, problems } = parse('option\t /etc/ppp/options pptpd \t\nlocalip 10.0.0.1 # server\n');
  assert.equal(conf.option?.value, '/etc/ppp/options pptpd');
  assert.deepEqual(paths({ problems }), ['pptpd.conf:2 localip']);
});

test('values pptpd would exit on are problems: an empty option, localip or pidfile', () => {
  const { problems } = parse('option\nlocalip\npidfile\n');
  assert.deepEqual(paths({ problems }), [
    'pptpd.conf:1 option',
    'pptpd.conf:2 localip',
    'pptpd.conf:3 pidfile',
  ]);
});

test('connections and stimeout: zero or less means the default (noted), non-numbers are problems', () => {
  const zero = parse('connections 0\nstimeout -5\n');
  assert.equal(zero.conf.connections?.value, 100);
  assert.equal(zero.conf.stimeoutSeconds?.value, 10);
  assert.equal(zero.problems.length, 0);
  assert.equal(parse('stimeout soon\n').problems.length, 1);
});

test('flag keywords ignore a value, with a note', () => {
  const { conf, notes } = parse('debug 0\n');
  assert.equal(conf.debug?.value, true);
  assert.match(notes[0] ?? '', /the value '0' is ignored/);
});

test('lines of 510 characters or more are skipped by pptpd: a problem', () => {
  const { conf, problems } = parse(`remoteip 10.0.0.2${' '.repeat(520)}x\nlocalip 10.0.0.1\n`);
  assert.equal(problems.length, 1);
  assert.match(problems[0]?.reason ?? '', /longer than 509/);
  assert.equal(conf.localip?.value, '10.0.0.1');
});

test('CRLF line ends are removed, with one note', () => {
  const { conf, notes, problems } = parse('debug\r\nlocalip 10.0.0.1\r\n');
  assert.deepEqual(problems, []);
  assert.equal(conf.debug?.value, true);
  assert.equal(conf.localip?.value, '10.0.0.1');
  assert.equal(notes.length, 1);
});
