import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePptpMessage } from '../codec/message-codec.js';
import type { PptpMessage, StartControlConnectionReply } from '../codec/messages.js';
import * as captures from '../testing/captures.js';
import { events, harness, kinds, sentOne } from '../testing/harness.js';
import { SAMPLE_MESSAGES } from '../testing/sample-messages.js';
import { CallIdAllocator } from './call-id-allocator.js';
import { PnsControlConnection, type PnsControlOptions } from './pns-control-connection.js';

const msg = (message: PptpMessage) => ({ type: 'message', message }) as const;
const PPTPD_SCCRP = ((): StartControlConnectionReply => {
  const d = decodePptpMessage(captures.pptpdSccrp);
  assert.ok(d.ok);
  return d.value as StartControlConnectionReply;
})();

function pns(options: Partial<PnsControlOptions> = {}) {
  const h = harness();
  const callIds = options.callIds ?? new CallIdAllocator({ first: 500 });
  const machine = new PnsControlConnection({ ...h.deps, callIds, ...options });
  const opened = machine.handle({ type: 'open' });
  return { h, machine, callIds, opened };
}

function established(options: Partial<PnsControlOptions> = {}) {
  const t = pns(options);
  t.machine.handle(msg(PPTPD_SCCRP));
  return t;
}

function placed(options: Partial<PnsControlOptions> = {}) {
  const t = established(options);
  const out = t.machine.handle({ type: 'place-call' });
  const callId = events(out, 'call-pending')[0]!.call.callId;
  const up = t.machine.handle(
    msg({ ...SAMPLE_MESSAGES.OutgoingCallReply, callId: 128, peerCallId: callId, packetRecvWindowSize: 64 }),
  );
  return { ...t, callId, out, up };
}

test('TCP open → SCCRQ version 1.0 and wait-ctl-reply; SCCRP success → established (RFC 2637 §3.1.1)', () => {
  const { machine, opened } = pns({ identity: { hostName: 'client' } });
  const request = sentOne(opened, 'StartControlConnectionRequest');
  assert.deepEqual(
    [request.protocolVersion, request.maximumChannels, request.hostName],
    [0x0100, 0, 'client'],
  );
  assert.equal(machine.state, 'wait-ctl-reply');
  const out = machine.handle(msg(PPTPD_SCCRP));
  assert.equal(machine.state, 'established');
  assert.equal(events(out, 'established')[0]?.peer.vendorString, 'linux');
});

test('no SCCRP within 60 s → close (RFC 2637 §3.1.4)', () => {
  const { h } = pns();
  h.clock.advance(59_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  assert.deepEqual(kinds(h.drain()), ['close:reply-timeout']);
});

test('SCCRP with an error result → close', () => {
  const { machine } = pns();
  assert.deepEqual(kinds(machine.handle(msg({ ...PPTPD_SCCRP, resultCode: 5 }))), ['close:start-rejected']);
});

test('SCCRP in an unsupported version → StopCCRQ reason 2 Stop-Protocol, close on the reply (RFC 2637 §3.1.1)', () => {
  const { machine } = pns();
  const out = machine.handle(msg({ ...PPTPD_SCCRP, protocolVersion: 0x0200 }));
  assert.equal(sentOne(out, 'StopControlConnectionRequest').reason, 2);
  assert.equal(machine.state, 'wait-stop-reply');
  const done = machine.handle(msg({ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 }));
  assert.deepEqual(kinds(done), ['close:unsupported-version']);
});

test("place-call → OCRQ with a fresh Call ID; OCRP Connected → call-up with the PAC's Call ID (RFC 2637 §3.2.4.2)", () => {
  const { out, up, callId } = placed();
  const request = sentOne(out, 'OutgoingCallRequest');
  assert.equal(request.callId, callId);
  assert.equal(callId, 500);
  const call = events(up, 'call-up')[0]!.call;
  assert.deepEqual([call.callId, call.peerCallId, call.peerPacketRecvWindowSize], [500, 128, 64]);
});

test('OCRP with an error → call-down rejected, Call ID released', () => {
  const { machine, callIds } = established();
  const callId = events(machine.handle({ type: 'place-call' }), 'call-pending')[0]!.call.callId;
  const out = machine.handle(
    msg({ ...SAMPLE_MESSAGES.OutgoingCallReply, peerCallId: callId, resultCode: 2, errorCode: 4 }),
  );
  assert.equal(events(out, 'call-down')[0]?.reason, 'rejected');
  assert.equal(callIds.inUse, 0);
});

test('an OCRP for no pending call is ignored', () => {
  const { machine } = established();
  assert.deepEqual(kinds(machine.handle(msg(SAMPLE_MESSAGES.OutgoingCallReply))), ['ignored']);
});

test('no OCRP within 1 minute → the whole control connection closes (RFC 2637 §3.2.1)', () => {
  const { h, machine } = established({ timers: { echoIntervalMs: 0 } });
  machine.handle({ type: 'place-call' });
  h.clock.advance(60_000);
  assert.deepEqual(kinds(h.drain()), ['call-down', 'close:call-timeout']);
});

test("clear-call → CCRQ with our Call ID; the PAC's CDN ends the call as local-clear (RFC 2637 §3.2.4.2)", () => {
  const { machine, callId } = placed();
  const out = machine.handle({ type: 'clear-call', callId });
  assert.deepEqual(sentOne(out, 'CallClearRequest'), { type: 'CallClearRequest', callId });
  const down = machine.handle(msg({ ...SAMPLE_MESSAGES.CallDisconnectNotify, callId: 128, resultCode: 4 }));
  assert.equal(events(down, 'call-down')[0]?.reason, 'local-clear');
  assert.equal(machine.state, 'established');
});

test('a CDN the PNS did not ask for ends the call as peer-disconnect (RFC 2637 §3.2.4.2 established)', () => {
  const { machine } = placed();
  const down = machine.handle(msg({ ...SAMPLE_MESSAGES.CallDisconnectNotify, callId: 128 }));
  assert.equal(events(down, 'call-down')[0]?.reason, 'peer-disconnect');
});

test('WAN-Error-Notify for our call is reported (RFC 2637 §2.14)', () => {
  const { machine, callId } = placed();
  const out = machine.handle(msg({ ...SAMPLE_MESSAGES.WanErrorNotify, peerCallId: callId }));
  assert.equal(events(out, 'wan-error')[0]?.message.crcErrors, 1);
});

test('Incoming-Call-Request → Incoming-Call-Reply "Do Not Accept" (RFC 2637 §3.2.3.2)', () => {
  const { machine } = established();
  const reply = sentOne(machine.handle(msg(SAMPLE_MESSAGES.IncomingCallRequest)), 'IncomingCallReply');
  assert.deepEqual([reply.resultCode, reply.peerCallId], [3, 42]);
});

test("the PNS sends Echo-Requests too and answers the PAC's (RFC 2637 §3.1.4 applies to both peers)", () => {
  const { h, machine } = established();
  assert.equal(
    sentOne(machine.handle(msg({ type: 'EchoRequest', identifier: 3 })), 'EchoReply').identifier,
    3,
  );
  h.clock.advance(60_000);
  sentOne(h.drain(), 'EchoRequest');
  h.clock.advance(60_000);
  assert.deepEqual(kinds(h.drain()), ['close:echo-timeout']);
});

test('place-call before the handshake is a programming error', () => {
  const { machine } = pns();
  assert.throws(() => machine.handle({ type: 'place-call' }), /place-call/);
});
