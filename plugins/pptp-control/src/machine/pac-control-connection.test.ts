import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '@switchyard/wire';
import { decodePptpMessage, encodePptpMessage } from '../codec/message-codec.js';
import type { OutgoingCallRequest, PptpMessage, StartControlConnectionRequest } from '../codec/messages.js';
import * as captures from '../testing/captures.js';
import { events, harness, kinds, sent, sentOne } from '../testing/harness.js';
import { SAMPLE_MESSAGES } from '../testing/sample-messages.js';
import { CallIdAllocator } from './call-id-allocator.js';
import { PPTPD_PAC_IDENTITY } from './identity.js';
import { PacControlConnection, type PacControlOptions } from './pac-control-connection.js';

function decoded(bytes: Uint8Array): PptpMessage {
  const d = decodePptpMessage(bytes);
  assert.ok(d.ok);
  return d.value;
}
const msg = (message: PptpMessage) => ({ type: 'message', message }) as const;
const LINUX_SCCRQ = decoded(captures.linuxSccrq) as StartControlConnectionRequest;
const LINUX_OCRQ = decoded(captures.linuxOcrq) as OutgoingCallRequest;
const ocrq = (callId: number): OutgoingCallRequest => ({ ...LINUX_OCRQ, callId });

function pac(options: Partial<PacControlOptions> = {}) {
  const h = harness();
  const callIds = options.callIds ?? new CallIdAllocator();
  const machine = new PacControlConnection({ ...h.deps, callIds, ...options });
  machine.handle({ type: 'open' });
  return { h, machine, callIds };
}

function established(options: Partial<PacControlOptions> = {}) {
  const t = pac(options);
  t.machine.handle(msg(LINUX_SCCRQ));
  return t;
}

test('SCCRQ from pptp-linux → SCCRP byte-identical to pptpd 1.4.0 with its identity (RFC 2637 §3.1.2; session frame 8)', () => {
  const { machine } = pac({ identity: PPTPD_PAC_IDENTITY });
  const out = machine.handle(msg(LINUX_SCCRQ));
  assert.equal(
    toHex(encodePptpMessage(sentOne(out, 'StartControlConnectionReply'))),
    toHex(captures.pptpdSccrp),
  );
  assert.equal(machine.state, 'established');
  assert.deepEqual(events(out, 'established')[0]?.peer.vendorString, 'cananian');
});

test('by default SCCRP offers framing 3, bearer 3 and the allocator capacity as Maximum Channels (identity.ts)', () => {
  const { machine } = pac({ callIds: new CallIdAllocator({ capacity: 100 }), identity: { hostName: 'vpn' } });
  const reply = sentOne(machine.handle(msg(LINUX_SCCRQ)), 'StartControlConnectionReply');
  assert.equal(reply.framingCapabilities, 3);
  assert.equal(reply.bearerCapabilities, 3);
  assert.equal(reply.maximumChannels, 100);
  assert.equal(reply.hostName, 'vpn');
  assert.equal(reply.protocolVersion, 0x0100);
});

test("OCRQ → OCRP equal to pptpd's except our non-zero Call ID, and call-up carries what GRE needs (RFC 2637 §2.8)", () => {
  const { machine } = established({ packetRecvWindowSize: 3, callIds: new CallIdAllocator({ first: 128 }) });
  const out = machine.handle(msg(LINUX_OCRQ));
  const expected = captures.pptpdOcrp.slice();
  expected[12] = 0x00;
  expected[13] = 0x80; // pptpd's first Call ID is 0; ours is never 0 (anchors §6 #9)
  assert.equal(toHex(encodePptpMessage(sentOne(out, 'OutgoingCallReply'))), toHex(expected));
  const up = events(out, 'call-up')[0]?.call;
  assert.deepEqual(
    [up?.callId, up?.peerCallId, up?.peerPacketRecvWindowSize, up?.connectSpeed],
    [128, 56429, 3, 10_000_000],
  );
});

test('stimeout: a connection that sends no SCCRQ within 10 s is closed (pptpd DoS guard)', () => {
  const { h } = pac();
  h.clock.advance(9_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  assert.deepEqual(kinds(h.drain()), ['close:start-timeout']);
});

test('SCCRQ in time cancels stimeout; startTimeoutMs is configurable', () => {
  const { h, machine } = pac({
    startTimeoutMs: 3_000,
    timers: { echoIntervalMs: 0 },
    idleConnectionTimeoutMs: 0,
  });
  h.clock.advance(2_999);
  machine.handle(msg(LINUX_SCCRQ));
  h.clock.advance(600_000);
  assert.deepEqual(kinds(h.drain()), []);
  assert.equal(machine.state, 'established');
});

test('OCRQ before SCCRQ → OCRP result 2 / error 1 Not-Connected, then close (anchors §6 #10)', () => {
  const { machine } = pac();
  const out = machine.handle(msg(LINUX_OCRQ));
  const reply = sentOne(out, 'OutgoingCallReply');
  assert.deepEqual([reply.resultCode, reply.errorCode, reply.peerCallId, reply.callId], [2, 1, 56429, 0]);
  assert.deepEqual(kinds(out), ['send:OutgoingCallReply', 'close:not-connected']);
});

test('Echo-Request before SCCRQ → Echo-Reply with general error Not-Connected, then close (RFC 2637 §2.16)', () => {
  const { machine } = pac();
  const out = machine.handle(msg({ type: 'EchoRequest', identifier: 9 }));
  assert.deepEqual(sentOne(out, 'EchoReply'), {
    type: 'EchoReply',
    identifier: 9,
    resultCode: 2,
    errorCode: 1,
  });
  assert.equal(machine.state, 'closed');
});

test('any other message before SCCRQ closes without a reply; StopCCRQ is answered first', () => {
  assert.deepEqual(kinds(pac().machine.handle(msg(SAMPLE_MESSAGES.SetLinkInfo))), ['close:not-connected']);
  assert.deepEqual(kinds(pac().machine.handle(msg(SAMPLE_MESSAGES.StopControlConnectionRequest))), [
    'send:StopControlConnectionReply',
    'close:peer-stopped',
  ]);
});

test('SCCRQ with a version below 1.0 → SCCRP result 5 carrying version 1.0, then close (RFC 2637 §3.1.2)', () => {
  const { machine } = pac();
  const out = machine.handle(msg({ ...LINUX_SCCRQ, protocolVersion: 0x0001 }));
  const reply = sentOne(out, 'StartControlConnectionReply');
  assert.deepEqual([reply.resultCode, reply.protocolVersion], [5, 0x0100]);
  assert.deepEqual(kinds(out), ['send:StartControlConnectionReply', 'close:unsupported-version']);
});

test('SCCRQ with a newer version gets a success reply with our 1.0; the peer decides (RFC 2637 §3.1.2)', () => {
  const { machine } = pac();
  const reply = sentOne(
    machine.handle(msg({ ...LINUX_SCCRQ, protocolVersion: 0x0200 })),
    'StartControlConnectionReply',
  );
  assert.deepEqual([reply.resultCode, reply.protocolVersion], [1, 0x0100]);
  assert.equal(machine.state, 'established');
});

test('a second SCCRQ on an established connection → SCCRP result 3 "channel exists", connection kept', () => {
  const { machine } = established();
  assert.equal(sentOne(machine.handle(msg(LINUX_SCCRQ)), 'StartControlConnectionReply').resultCode, 3);
  assert.equal(machine.state, 'established');
});

test('Echo-Request → Echo-Reply with the same Identifier (RFC 2637 §2.6)', () => {
  const { machine } = established();
  const out = machine.handle(msg(decoded(captures.linuxEcrq)));
  assert.equal(toHex(encodePptpMessage(sentOne(out, 'EchoReply'))), toHex(captures.pptpdEcrpToLinux));
});

test('60 s without a control message → Echo-Request; a matching reply keeps the connection (RFC 2637 §3.1.4)', () => {
  const { h, machine } = established({ idleConnectionTimeoutMs: 0 });
  h.clock.advance(59_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  const echo = sentOne(h.drain(), 'EchoRequest');
  h.clock.advance(30_000);
  machine.handle(msg({ type: 'EchoReply', identifier: echo.identifier, resultCode: 1, errorCode: 0 }));
  h.clock.advance(59_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  assert.notEqual(sentOne(h.drain(), 'EchoRequest').identifier, echo.identifier);
});

test('an unanswered Echo-Request closes the connection 60 s later and takes its calls down (RFC 2637 §3.1.4)', () => {
  const { h, machine, callIds } = established();
  machine.handle(msg(LINUX_OCRQ));
  h.clock.advance(60_000);
  h.drain();
  h.clock.advance(59_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  const out = h.drain();
  assert.deepEqual(kinds(out), ['call-down', 'close:echo-timeout']);
  assert.equal(events(out, 'call-down')[0]?.reason, 'control-closed');
  assert.equal(callIds.inUse, 0);
});

test('any received message postpones the Echo-Request: silence is measured from the last one', () => {
  const { h, machine } = established({ idleConnectionTimeoutMs: 0 });
  h.clock.advance(40_000);
  machine.handle(msg({ type: 'EchoRequest', identifier: 1 }));
  h.clock.advance(59_999);
  assert.deepEqual(sent(h.drain()), []);
  h.clock.advance(1);
  sentOne(h.drain(), 'EchoRequest');
});

test('an Echo-Reply with the wrong Identifier is ignored and does not cancel the echo timeout', () => {
  const { h, machine } = established({ idleConnectionTimeoutMs: 0 });
  h.clock.advance(60_000);
  const echo = sentOne(h.drain(), 'EchoRequest');
  const out = machine.handle(
    msg({ type: 'EchoReply', identifier: echo.identifier + 1, resultCode: 1, errorCode: 0 }),
  );
  assert.deepEqual(kinds(out), ['ignored']);
  h.clock.advance(60_000);
  assert.deepEqual(kinds(h.drain()), ['close:echo-timeout']);
});

test('Call-Clear-Request → Call-Disconnect-Notify result 4, call down, connection kept (RFC 2637 §3.2.4.1; not pptpd)', () => {
  const { machine, callIds } = established();
  const up = events(machine.handle(msg(LINUX_OCRQ)), 'call-up')[0]!.call;
  const out = machine.handle(msg(decoded(captures.linuxCcrq)));
  const cdn = sentOne(out, 'CallDisconnectNotify');
  assert.deepEqual([cdn.callId, cdn.resultCode, cdn.errorCode], [up.callId, 4, 0]);
  assert.deepEqual(kinds(out), ['send:CallDisconnectNotify', 'call-down']);
  assert.equal(events(out, 'call-down')[0]?.reason, 'peer-clear');
  assert.equal(callIds.inUse, 0);
  assert.equal(machine.state, 'established');
});

test('Call-Clear-Request for an unknown call is ignored, not answered', () => {
  const { machine } = established();
  assert.deepEqual(kinds(machine.handle(msg({ type: 'CallClearRequest', callId: 4242 }))), ['ignored']);
});

test('Set-Link-Info records the ACCMs and is never answered (RFC 2637 §2.15, anchors §6 #11)', () => {
  const { machine } = established();
  const up = events(machine.handle(msg(LINUX_OCRQ)), 'call-up')[0]!.call;
  const out = machine.handle(
    msg({ type: 'SetLinkInfo', peerCallId: up.callId, sendAccm: 0, receiveAccm: 0xa0000 }),
  );
  assert.deepEqual(kinds(out), ['link-info']);
  assert.equal(events(out, 'link-info')[0]?.message.receiveAccm, 0xa0000);
  assert.deepEqual(
    kinds(machine.handle(msg({ type: 'SetLinkInfo', peerCallId: 999, sendAccm: 0, receiveAccm: 0 }))),
    ['ignored'],
  );
});

test('Stop-Control-Connection-Request → Reply result 1, calls down, close (RFC 2637 §3.1.2; ctrl-probe-stop 18/19)', () => {
  const { machine } = established();
  machine.handle(msg(LINUX_OCRQ));
  const out = machine.handle(msg(decoded(captures.probeStopCcrq)));
  assert.equal(
    toHex(encodePptpMessage(sentOne(out, 'StopControlConnectionReply'))),
    toHex(captures.pptpdStopCcrp),
  );
  assert.deepEqual(kinds(out), ['send:StopControlConnectionReply', 'call-down', 'close:peer-stopped']);
});

test('local stop → CDN (Admin Shutdown) per call, then StopCCRQ; the reply closes (pptpd bail(), RFC 2637 §3.1.2)', () => {
  const { machine } = established();
  machine.handle(msg(LINUX_OCRQ));
  const out = machine.handle({ type: 'stop', reason: 3 });
  assert.deepEqual(kinds(out), [
    'send:CallDisconnectNotify',
    'call-down',
    'send:StopControlConnectionRequest',
  ]);
  assert.equal(sentOne(out, 'CallDisconnectNotify').resultCode, 3);
  assert.equal(sentOne(out, 'StopControlConnectionRequest').reason, 3);
  assert.equal(machine.state, 'wait-stop-reply');
  assert.deepEqual(kinds(machine.handle(msg({ type: 'EchoRequest', identifier: 1 }))), ['ignored']);
  const done = machine.handle(msg({ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 }));
  assert.deepEqual(kinds(done), ['close:local-stop']);
});

test('local stop with no Stop-Control-Connection-Reply closes after stopReplyTimeoutMs (pptpd: 5 s)', () => {
  const { h, machine } = established();
  machine.handle({ type: 'stop' });
  h.clock.advance(4_999);
  assert.deepEqual(h.drain(), []);
  h.clock.advance(1);
  assert.deepEqual(kinds(h.drain()), ['close:local-stop']);
});

test('several calls share one control connection with distinct, non-zero Call IDs (RFC 2637 §3.2.2)', () => {
  const { machine } = established();
  const a = events(machine.handle(msg(ocrq(1))), 'call-up')[0]!.call;
  const b = events(machine.handle(msg(ocrq(2))), 'call-up')[0]!.call;
  assert.notEqual(a.callId, b.callId);
  assert.ok(a.callId !== 0 && b.callId !== 0);
  machine.handle(msg({ type: 'CallClearRequest', callId: 1 }));
  assert.deepEqual(
    machine.calls.map((c) => c.peerCallId),
    [2],
  );
});

test('OCRQ beyond maxCalls → OCRP result 2 / error 4 No-Resource and no call (RFC 2637 §2.8, §2.16)', () => {
  const { machine, callIds } = established({ maxCalls: 2 });
  machine.handle(msg(ocrq(1)));
  machine.handle(msg(ocrq(2)));
  const out = machine.handle(msg(ocrq(3)));
  const reply = sentOne(out, 'OutgoingCallReply');
  assert.deepEqual([reply.resultCode, reply.errorCode, reply.callId, reply.peerCallId], [2, 4, 0, 3]);
  assert.deepEqual(events(out, 'call-up'), []);
  assert.equal(callIds.inUse, 2);
});

test('the appliance-wide limit (allocator capacity, pptpd `connections`) refuses the call across connections', () => {
  const callIds = new CallIdAllocator({ capacity: 1 });
  const first = established({ callIds });
  const second = established({ callIds });
  assert.equal(sentOne(first.machine.handle(msg(ocrq(7))), 'OutgoingCallReply').resultCode, 1);
  const refused = sentOne(second.machine.handle(msg(ocrq(7))), 'OutgoingCallReply');
  assert.deepEqual([refused.resultCode, refused.errorCode], [2, 4]);
});

test('call IDs are unique across control connections sharing the allocator (GRE demux, anchors §6 #1/#9)', () => {
  const callIds = new CallIdAllocator();
  const ids = [established({ callIds }), established({ callIds })].flatMap(({ machine }) =>
    [1, 2, 3].map((peer) => events(machine.handle(msg(ocrq(peer))), 'call-up')[0]!.call.callId),
  );
  assert.equal(new Set(ids).size, 6);
});

test('an OCRQ reusing a live peer Call ID → OCRP error 5 Bad-Call-ID (RFC 2637 §3.2.2)', () => {
  const { machine } = established();
  machine.handle(msg(ocrq(5)));
  const reply = sentOne(machine.handle(msg(ocrq(5))), 'OutgoingCallReply');
  assert.deepEqual([reply.resultCode, reply.errorCode], [2, 5]);
});

test('deferred answering: call-pending, then answer-call → OCRP + call-up (RFC 2637 §3.2.4.1 wait_cs_ans)', () => {
  const { machine } = established({ answer: 'deferred' });
  const out = machine.handle(msg(LINUX_OCRQ));
  assert.deepEqual(kinds(out), ['call-pending']);
  const callId = events(out, 'call-pending')[0]!.call.callId;
  const answered = machine.handle({ type: 'answer-call', callId });
  assert.deepEqual(kinds(answered), ['send:OutgoingCallReply', 'call-up']);
  assert.deepEqual(machine.handle({ type: 'answer-call', callId }), [], 'answering twice does nothing');
});

test('deferred answering: reject-call → OCRP with the given result, call released', () => {
  const { machine, callIds } = established({ answer: 'deferred' });
  const callId = events(machine.handle(msg(LINUX_OCRQ)), 'call-pending')[0]!.call.callId;
  const out = machine.handle({ type: 'reject-call', callId, resultCode: 2, errorCode: 4 });
  const reply = sentOne(out, 'OutgoingCallReply');
  assert.deepEqual([reply.resultCode, reply.errorCode, reply.peerCallId], [2, 4, 56429]);
  assert.equal(events(out, 'call-down')[0]?.reason, 'rejected');
  assert.equal(callIds.inUse, 0);
});

test('deferred answering: unanswered for 60 s → OCRP result 6 Time-out (RFC 2637 §3.2.4.1)', () => {
  const { h, machine } = established({ answer: 'deferred' });
  machine.handle(msg(LINUX_OCRQ));
  h.clock.advance(60_000);
  const out = h.drain();
  assert.equal(sentOne(out, 'OutgoingCallReply').resultCode, 6);
  assert.equal(events(out, 'call-down')[0]?.reason, 'answer-timeout');
  assert.equal(machine.state, 'established');
});

test('disconnect-call → Call-Disconnect-Notify with our Call ID and the given result (RFC 2637 §2.13)', () => {
  const { machine } = established();
  const up = events(machine.handle(msg(LINUX_OCRQ)), 'call-up')[0]!.call;
  const out = machine.handle({
    type: 'disconnect-call',
    callId: up.callId,
    resultCode: 1,
    callStatistics: 'bye',
  });
  const cdn = sentOne(out, 'CallDisconnectNotify');
  assert.deepEqual([cdn.callId, cdn.resultCode, cdn.callStatistics], [up.callId, 1, 'bye']);
  assert.equal(events(out, 'call-down')[0]?.reason, 'local-disconnect');
});

test('a connection without calls is stopped after idleConnectionTimeoutMs (no zombie control connections)', () => {
  const { h, machine } = established({ timers: { echoIntervalMs: 0 } });
  const up = events(machine.handle(msg(LINUX_OCRQ)), 'call-up')[0]!.call;
  h.clock.advance(120_000);
  assert.deepEqual(h.drain(), [], 'no idle stop while a call is up');
  machine.handle({ type: 'disconnect-call', callId: up.callId });
  h.clock.advance(60_000);
  const out = h.drain();
  assert.deepEqual(kinds(out), ['send:StopControlConnectionRequest']);
  assert.equal(sentOne(out, 'StopControlConnectionRequest').reason, 1);
  machine.handle(msg({ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 }));
  assert.equal(machine.state, 'closed');
});

test('a malformed stream closes the connection (RFC 2637 §1.4); nothing is processed after close', () => {
  const { machine } = established();
  machine.handle(msg(LINUX_OCRQ));
  const out = machine.handle({
    type: 'malformed',
    error: { reason: 'bad-magic-cookie', offset: 4, message: 'x' },
  });
  assert.deepEqual(kinds(out), ['call-down', 'close:lost-sync']);
  assert.deepEqual(machine.handle(msg(LINUX_OCRQ)), []);
});

test('TCP closed by the peer → every call down, close reported once', () => {
  const { h, machine } = established();
  machine.handle(msg(ocrq(1)));
  machine.handle(msg(ocrq(2)));
  assert.deepEqual(kinds(machine.handle({ type: 'tcp-closed' })), [
    'call-down',
    'call-down',
    'close:peer-closed',
  ]);
  h.clock.advance(600_000);
  assert.deepEqual(h.drain(), [], 'no timer fires after close');
});

test('messages only a PNS should receive are ignored and never answered (pptpd: warning, no reply)', () => {
  const { machine } = established();
  for (const m of [
    SAMPLE_MESSAGES.OutgoingCallReply,
    SAMPLE_MESSAGES.IncomingCallRequest,
    SAMPLE_MESSAGES.IncomingCallConnected,
    SAMPLE_MESSAGES.CallDisconnectNotify,
    SAMPLE_MESSAGES.WanErrorNotify,
    SAMPLE_MESSAGES.StartControlConnectionReply,
  ]) {
    assert.deepEqual(kinds(machine.handle(msg(m))), ['ignored'], m.type);
  }
});

test('state changes are traced for debug logs', () => {
  const { machine } = pac();
  const out = machine.handle(msg(LINUX_SCCRQ));
  assert.deepEqual(events(out, 'state'), [
    { type: 'state', from: 'idle', to: 'established', cause: 'SCCRQ' },
  ]);
});

test('connections given the same identity and timer objects share what is resolved from them', () => {
  const identity = { hostName: 'vpn', vendorString: 'switchyard' };
  const timers = { echoIntervalMs: 30_000 };
  const callIds = new CallIdAllocator();
  const [a, b] = [pac({ identity, timers, callIds }), pac({ identity, timers, callIds })];
  assert.equal(a.machine['identity'], b.machine['identity']);
  assert.equal(a.machine['timers'], b.machine['timers']);
  assert.equal(a.machine['identity'].hostName, 'vpn');
  assert.equal(a.machine['timers'].echoIntervalMs, 30_000);
  assert.notEqual(pac({ identity: { ...identity } }).machine['identity'], a.machine['identity']);
});
