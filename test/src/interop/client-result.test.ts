// The harness's pure parts, checked without root: result parsers on the reference captures' real pppd logs,
// the generated pppd options, the init script's safety mounts, and the seed files against the seed document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  hangupBeforeTermAck,
  parseKeyValues,
  parsePing,
  parsePppdLog,
  pppdExitMeaning,
} from './client-result.js';
import { clientPppdOptions } from './pptp-client.js';
import { SEED_EXPECT, SEED_FILES } from './seed-config.js';
import { initScript } from './uml.js';

const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const captures = `${shared}captures/`;
const noCaptures = existsSync(captures) ? false : `no ${captures}`;

test(
  'parsePppdLog: the reference session log shows MS-CHAPv2 success and MPPE 128 stateless',
  { skip: noCaptures },
  () => {
    const log = readFileSync(`${captures}pptpd-reference-session.client-pppd.log`, 'utf8');
    const { auth, mppe } = parsePppdLog(log);
    assert.equal(auth.succeeded, true);
    assert.equal(auth.message, 'CHAP authentication succeeded');
    assert.equal(auth.packet, 'S=F71A8401784AB252DD05F2911739F8D0A57424CD M=Access granted');
    assert.equal(auth.serverName, 'Nanu-VPN');
    assert.deepEqual(mppe, {
      line: 'MPPE 128-bit stateless compression enabled',
      bits: 128,
      stateless: true,
    });
    assert.equal(hangupBeforeTermAck(log), false);
  },
);

test('parsePppdLog: the wrong-password log shows the E=691 failure and no MPPE', { skip: noCaptures }, () => {
  const log = readFileSync(`${captures}pptpd-reference-wrong-password.client-pppd.log`, 'utf8');
  const { auth, mppe } = parsePppdLog(log);
  assert.equal(auth.succeeded, false);
  assert.equal(auth.message, 'MS-CHAP authentication failed: Access denied');
  assert.equal(auth.packet, 'E=691 R=1 C=4e53b7d3c898aff36e286931c6c43943 V=0 M=Access denied');
  assert.equal(mppe, undefined);
  assert.equal(hangupBeforeTermAck(log), false, 'this run got its Terminate-Ack: pppd exited 19');
});

test('hangupBeforeTermAck: a hang-up while our Terminate-Request waits for its Ack', () => {
  const log = ['sent [LCP TermReq id=0x2 "x"]', 'rcvd [LCP TermReq id=0x2 "y"]', 'sent [LCP TermAck id=0x2]'];
  assert.equal(hangupBeforeTermAck([...log, 'Modem hangup', 'Connection terminated.'].join('\n')), true);
  assert.equal(hangupBeforeTermAck([...log, 'rcvd [LCP TermAck id=0x2]', 'Modem hangup'].join('\n')), false);
});

test('parsePing reads iputils summaries; pppdExitMeaning names the exit codes', () => {
  const raw = [
    '5 packets transmitted, 4 received, 20% packet loss, time 805ms',
    'rtt min/avg/max/mdev = 1.033/2.500/4.1/0.2 ms',
  ].join('\n');
  assert.deepEqual(
    { ...parsePing('10.0.0.5', raw, 0), raw: undefined },
    { target: '10.0.0.5', transmitted: 5, received: 4, lossPct: 20, rttAvgMs: 2.5, ok: true, raw: undefined },
  );
  assert.equal(parsePing('10.0.0.5', '', 1).ok, false);
  assert.match(pppdExitMeaning(19), /^AUTH_TOPEER_FAILED/);
  assert.match(pppdExitMeaning(5), /^USER_REQUEST/);
  assert.equal(pppdExitMeaning(null), 'did not exit');
  assert.deepEqual(
    [...parseKeyValues('IFNAME=ppp0\nDNS1=\n')],
    [
      ['IFNAME', 'ppp0'],
      ['DNS1', ''],
    ],
  );
});

test('clientPppdOptions: MS-CHAPv2 only, MPPE as asked, quoting, logfile last', () => {
  const text = clientPppdOptions(
    { server: '172.31.255.1', user: 'vpn1', password: 'a "q" \\ b', mppe: 'require-40', mppeStateful: false },
    '/run/x/pppd.log',
  );
  const lines = text.trim().split('\n');
  assert.ok(lines.includes('pty "pptp 172.31.255.1 --nolaunchpppd --loglevel 1"'));
  assert.ok(lines.includes('password "a \\"q\\" \\\\ b"'));
  for (const p of ['pap', 'eap', 'chap', 'mschap']) assert.ok(lines.includes(`refuse-${p}`));
  assert.ok(!lines.includes('refuse-mschap-v2'));
  assert.ok(lines.includes('require-mppe-40') && lines.includes('nomppe-stateful'));
  assert.equal(lines.at(-1), 'logfile "/run/x/pppd.log"');
  assert.ok(
    clientPppdOptions({ server: 's', user: 'u', password: 'p' }, 'l').includes('\nrequire-mppe-128\n'),
  );
});

test('initScript keeps pppd off the host: private /etc/ppp, /run, /var/log; always powers off', () => {
  const script = initScript({ name: 't', dir: "/tmp/it's", nics: [], payload: 'true' });
  assert.ok(script.startsWith('#!/bin/sh\n'));
  assert.match(script, /^R='\/tmp\/it'\\''s'$/m);
  assert.match(script, /mount --bind "\$R\/etc-ppp" \/etc\/ppp/);
  assert.match(script, /mount -t tmpfs -o mode=755 tmpfs \/run/);
  assert.match(script, /mount -t tmpfs tmpfs \/var\/log/);
  assert.match(script, /mount -t devpts/);
  assert.match(script, /\ntrue\nhalt\n$/);
});

test(
  "SEED_FILES are the seed how-to's three files, verbatim",
  { skip: existsSync(`${shared}seed`) ? false : 'no seed' },
  () => {
    const seed = readFileSync(`${shared}seed/000_6a874ba5671b0105.txt`, 'utf8');
    for (const text of [SEED_FILES.pptpdConf, SEED_FILES.optionsPptpd, SEED_FILES.chapSecrets]) {
      assert.ok(seed.includes(text.trimEnd()), `not verbatim in the seed:\n${text}`);
    }
    assert.match(
      SEED_FILES.chapSecrets,
      new RegExp(
        `^${SEED_EXPECT.user} ${SEED_EXPECT.serverName} "${SEED_EXPECT.password}" ${SEED_EXPECT.clientAddress}$`,
        'm',
      ),
    );
  },
);
