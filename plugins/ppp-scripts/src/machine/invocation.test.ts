import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptArguments, scriptEnvironment, scriptPath, type ScriptFacts } from './invocation.js';

const facts: ScriptFacts = {
  interfaceName: 'sy-pptp0',
  device: 'none',
  speed: 115200,
  localAddress: '10.0.0.254',
  peerAddress: '10.0.0.201',
  ipparam: '172.31.255.2',
  peerName: 'vpn1',
  loginName: 'root',
  uid: 0,
  environment: {},
};

test('argv is pppd ipcp_script(): script, interface, tty, speed, local, remote, ipparam', () => {
  assert.deepEqual(scriptArguments('/etc/ppp/ip-up', facts), [
    '/etc/ppp/ip-up',
    'sy-pptp0',
    'none',
    '115200',
    '10.0.0.254',
    '10.0.0.201',
    '172.31.255.2',
  ]);
});

test('without an ipparam the vector ends after the remote address (pppd: argv[6] = NULL)', () => {
  const { ipparam: _ipparam, ...rest } = facts;
  assert.equal(scriptArguments('/etc/ppp/ip-up', rest).length, 6);
});

test("ip-up's environment: pppd's variables and a PATH, nothing else (no CONNECT_TIME before ip-down, no PPPD_PID)", () => {
  assert.deepEqual(scriptEnvironment(facts), {
    PATH: scriptPath,
    PPPLOGNAME: 'root',
    ORIG_UID: '0',
    DEVICE: 'none',
    IFNAME: 'sy-pptp0',
    SPEED: '115200',
    PEERNAME: 'vpn1',
    IPLOCAL: '10.0.0.254',
    IPREMOTE: '10.0.0.201',
  });
});

test("ip-down's environment adds CONNECT_TIME (whole seconds), BYTES_SENT and BYTES_RCVD (pppd update_link_stats)", () => {
  const env = scriptEnvironment({
    ...facts,
    linkStats: { connectSeconds: 61.9, bytesSent: 672, bytesReceived: 1344 },
  });
  assert.equal(env.CONNECT_TIME, '61');
  assert.equal(env.BYTES_SENT, '672');
  assert.equal(env.BYTES_RCVD, '1344');
});

test('no PEERNAME without authentication (pppd sets it in auth.c on success only)', () => {
  const { peerName: _peerName, ...rest } = facts;
  assert.equal('PEERNAME' in scriptEnvironment(rest), false);
});

test("`set` variables are passed, and pppd's own replace one of the same name (script_setenv)", () => {
  const env = scriptEnvironment({
    ...facts,
    environment: { SITE: 'berlin', IFNAME: 'fake', PATH: '/opt/bin' },
  });
  assert.equal(env.SITE, 'berlin');
  assert.equal(env.IFNAME, 'sy-pptp0');
  assert.equal(env.PATH, '/opt/bin', 'PATH is ours, not pppd’s: a `set PATH=` wins');
});
