import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { closeReasonForCallDown, endForControlClose } from './control-outcome.js';
import { PppdExit, clientEnd, closeReasonForEnd, endFromCloseReason, formatEnd } from './end.js';

test("exit statuses are pppd's: 19 auth failed, 16 hung up by the peer, 5 signal, 15 peer dead, 10 negotiation", () => {
  assert.equal(endFromCloseReason(closeReason('auth-failed', 'E=691')).exitCode, 19);
  assert.equal(endFromCloseReason(closeReason('peer-terminated', 'LCP')).exitCode, 16);
  assert.equal(endFromCloseReason(closeReason('transport-closed')).exitCode, 16);
  assert.equal(endFromCloseReason(closeReason('shutdown', 'signal SIGTERM')).exitCode, 5);
  assert.equal(endFromCloseReason(closeReason('admin')).exitCode, 5);
  assert.equal(endFromCloseReason(closeReason('echo-timeout')).exitCode, 15);
  assert.equal(endFromCloseReason(closeReason('mppe-refused')).exitCode, 10);
  assert.equal(endFromCloseReason(closeReason('idle-timeout')).exitCode, 12);
  assert.equal(endFromCloseReason(closeReason('session-timeout')).exitCode, 13);
  assert.equal(clientEnd('connect-failed', 'ECONNREFUSED').exitCode, PppdExit.connectFailed);
});

test('a set-up time-out is a failed connect before the call is up, a failed negotiation after', () => {
  assert.equal(clientEnd('setup-timeout', 'x', { stage: 'control' }).exitCode, 8);
  assert.equal(clientEnd('setup-timeout', 'x', { stage: 'call' }).exitCode, 8);
  assert.equal(clientEnd('setup-timeout', 'x', { stage: 'ppp' }).exitCode, 10);
  assert.equal(clientEnd('local-error', 'no raw socket', { exitCode: 3 }).exitCode, 3);
});

test('ends map to the session close reasons core knows, detail kept', () => {
  assert.deepEqual(closeReasonForEnd(clientEnd('setup-timeout', 'IPCP')), {
    code: 'negotiation-failed',
    detail: 'IPCP',
  });
  assert.deepEqual(closeReasonForEnd(clientEnd('shutdown')), { code: 'shutdown' });
  assert.equal(formatEnd(clientEnd('auth-failed', 'E=691')), 'auth-failed (E=691), exit 19');
});

test('a control connection lost during set-up names the cause (RFC 2637 §3.1)', () => {
  assert.deepEqual(endForControlClose('peer-closed', 'control'), {
    code: 'control-failed',
    detail: 'the server closed the control connection',
    exitCode: 8,
  });
  assert.equal(endForControlClose('start-rejected', 'control').code, 'control-failed');
  assert.equal(endForControlClose('lost-sync', 'call').code, 'protocol-error');
  assert.equal(endForControlClose('reply-timeout', 'control').code, 'setup-timeout');
  assert.equal(endForControlClose('echo-timeout', 'call').exitCode, 15);
});

test('a call going down ends a running session as the server meant it (RFC 2637 §3.2.4.2)', () => {
  assert.deepEqual(closeReasonForCallDown('peer-disconnect', undefined), {
    code: 'peer-terminated',
    detail: 'Call-Disconnect-Notify',
  });
  assert.equal(closeReasonForCallDown('control-closed', 'peer-closed').code, 'peer-terminated');
  assert.equal(closeReasonForCallDown('control-closed', 'peer-stopped').code, 'peer-terminated');
  assert.equal(closeReasonForCallDown('control-closed', 'echo-timeout').code, 'echo-timeout');
  assert.equal(closeReasonForCallDown('control-closed', 'lost-sync').code, 'protocol-error');
  assert.equal(closeReasonForCallDown('control-closed', 'local-stop').code, 'admin');
});
