import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeReason } from '@switchyard/core';
import { rfc3079V1Example } from '@switchyard/crypto/testing';
import { PppProtocol } from '@switchyard/ppp';
import { ccpEnd, mppeOption, type CcpEnd } from '../testing/index.js';

/** The session ended 'mppe-refused' with pppd's line, logged once at error level and reported once. */
function assertRefused(end: CcpEnd, detail: string): void {
  const reason = closeReason('mppe-refused', detail);
  assert.deepEqual(end.context.closes, [reason]);
  assert.deepEqual(end.events.at(-1), { finished: reason });
  assert.equal(end.events.filter((e) => typeof e === 'object').length, 1);
  assert.deepEqual(
    end.context.logs.lines('error').map((line) => line.replace(/^\S+ error +/, '')),
    [detail],
  );
}

/** Starts `end` and lets the peer Ack our request, so only the peer's own direction is left. */
function started(end: CcpEnd): CcpEnd {
  end.ccp.start();
  end.peer.take();
  return end;
}

test('the peer Configure-Rejects the MPPE option → mppe-refused (pppd ccp_rejci)', () => {
  const end = started(ccpEnd());
  end.peer.configure(4, 1, [mppeOption(0x01000040)]);
  assertRefused(end, 'MPPE required but peer refused');
  assert.deepEqual(end.peer.take(), [], 'no more CCP once the session is refused');
});

test('MS-CHAP without key material (a back end that gave none) → mppe-refused before any CCP packet', () => {
  const end = ccpEnd({}, { keys: null });
  end.ccp.start();
  assertRefused(end, 'MPPE required, but keys are not available');
  assert.deepEqual(end.peer.take(), []);
});

test('PAP (no MS-CHAP at all) → mppe-refused with pppd’s message', () => {
  const end = ccpEnd({}, { keys: null, lcpAuth: { protocol: PppProtocol.PAP, data: new Uint8Array(0) } });
  end.ccp.start();
  assertRefused(end, 'MPPE required, but MS-CHAP[v2] auth not performed.');
});

test('a Nak naming only a strength we refuse ends it at once (pppd ccp_nakci)', () => {
  const end = started(ccpEnd());
  end.peer.configure(3, 1, [mppeOption(0x01000020)]);
  assertRefused(end, 'MPPE required but peer negotiation failed');
});

test('a Nak forcing stateful mode on us is refused unless mppeStateful', () => {
  const end = started(ccpEnd());
  end.peer.configure(3, 1, [mppeOption(0x00000040)]);
  assertRefused(end, 'Refusing MPPE stateful mode offered by peer');
  const allowing = started(ccpEnd({ requireMppe128: true, mppeStateful: true }));
  allowing.peer.configure(3, 1, [mppeOption(0x00000040)]);
  assert.deepEqual(allowing.peer.take(), ['CCP ConfReq id=0x2 <mppe -H -M +S -L -D -C>']);
  assert.equal(allowing.context.closedWith, undefined);
});

test('Max-Failure Naks in a row count as a Reject → mppe-refused (RFC 1661 §4.6, pppd treat_as_reject)', () => {
  const end = started(ccpEnd());
  for (let id = 1; id <= 5; id++) end.peer.configure(3, id, [mppeOption(0x01000060)]);
  assert.equal(end.peer.take().length, 4, 'four more requests, each following the Nak');
  assertRefused(end, 'MPPE required but peer refused');
});

test('the peer Protocol-Rejects CCP → mppe-refused (pppd ccp_protrej)', () => {
  const end = started(ccpEnd());
  assert.equal(end.context.link.protocolRejected(PppProtocol.CCP), true);
  assertRefused(end, 'MPPE required but peer negotiation failed');
});

test('no answer at all: Max-Configure Configure-Requests, then mppe-refused', () => {
  const end = started(ccpEnd());
  end.context.clock.advance(60_000);
  assert.equal(end.peer.take().length, 9, '10 requests in all, 3 s apart');
  assertRefused(end, 'MPPE required but peer negotiation failed');
});

test('a Terminate-Request in Opened → mppe-refused ("MPPE disabled by peer", pppd ccp_input)', () => {
  const end = started(ccpEnd());
  end.peer.configure(1, 1, [mppeOption(0x01000040)]);
  end.peer.configure(2, 1, [mppeOption(0x01000040)]);
  assert.equal(end.ccp.automaton.state, 'opened');
  end.peer.packet({ kind: 'terminate', code: 5, identifier: 9, data: new Uint8Array(0) });
  assertRefused(end, 'MPPE disabled by peer');
});

test('a peer that never asks to receive MPPE is prompted, then refused once CCP opens', () => {
  const end = started(ccpEnd());
  end.peer.configure(2, 1, [mppeOption(0x01000040)]);
  end.peer.configure(1, 1, []);
  assert.deepEqual(
    end.peer.take(),
    ['CCP ConfNak id=0x1 <mppe +H -M +S -L -D -C>'],
    'solicited (RFC 1661 §5.3)',
  );
  for (let id = 2; id <= 6; id++) end.peer.configure(1, id, []);
  assertRefused(end, 'MPPE required but peer negotiation failed');
});

test('MS-CHAPv1: 40-bit dropped with pppd’s notice; a 40-bit-only config is refused', () => {
  const v1 = {
    kind: 'mschapv1',
    masterKey: rfc3079V1Example.passwordHashHash,
    challenge: rfc3079V1Example.challenge,
  } as const;
  const lcpAuth = { protocol: PppProtocol.CHAP, data: Uint8Array.of(0x80) };
  const end = ccpEnd({ requireMppe: true }, { keys: v1, lcpAuth });
  end.ccp.start();
  assert.ok(end.context.logs.has('Disabling 40-bit MPPE; MS-CHAP LM not supported', 'info'));
  assert.deepEqual(end.peer.take(), ['CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>']);
  const only40 = ccpEnd({ requireMppe40: true }, { keys: v1, lcpAuth });
  only40.ccp.start();
  assertRefused(only40, 'MPPE required, but both 40-bit and 128-bit disabled.');
});
