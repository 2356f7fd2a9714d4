import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '@switchyard/crypto/testing';
import { PppProtocol, decodePppFrame } from '@switchyard/ppp';
import { serverCcpConfReq } from '@switchyard/ppp/testing';
import { defaultMppeConfig, mppeSettings } from '../config.js';
import { ccpEnd, mppeOption, mppePair } from '../testing/index.js';
import { MppeControlFactory } from './control-factory.js';

const IP_PACKET = Uint8Array.of(0x45, 0, 0, 20, 0, 1, 0, 0, 64, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2);

test('server and client (require-mppe-128) negotiate in memory: Opened, 128-bit stateless both ways', () => {
  const pair = mppePair();
  assert.equal(pair.serverCcp.automaton.state, 'opened');
  assert.equal(pair.clientCcp.automaton.state, 'opened');
  assert.deepEqual([pair.serverEvents, pair.clientEvents], [['up'], ['up']]);
  for (const end of [pair.server, pair.client]) {
    assert.ok(end.logs.has('MPPE 128-bit stateless compression enabled', 'info'));
    assert.equal(end.closedWith, undefined);
    assert.equal(end.transforms.length, 1, 'installed once, at start');
  }
  assert.ok(pair.serverCcp.gatesOthers, 'IPCP waits for CCP while MPPE is required');
  assert.equal(pair.server.transform?.overheadBytes, 4, 'pppd MPPE_PAD: off the IP MTU');
  pair.sendIp('server', IP_PACKET);
  pair.sendIp('client', IP_PACKET);
  assert.deepEqual(
    [pair.client.received, pair.server.received].map((got) => got.map((r) => toHex(r.payload))),
    [[toHex(IP_PACKET)], [toHex(IP_PACKET)]],
  );
});

test('our first CCP Configure-Request is byte-identical to pppd’s (capture frame 24)', () => {
  const { context, ccp } = ccpEnd({ requireMppe128: true });
  ccp.start();
  const sent = decodePppFrame(context.wire[0]!);
  const captured = decodePppFrame(serverCcpConfReq.bytes);
  assert.ok(sent.ok && captured.ok);
  assert.equal(sent.value.protocol, PppProtocol.CCP);
  assert.equal(toHex(sent.value.payload), toHex(captured.value.payload));
});

test('require-mppe (40/128) server and a 40-bit-only client settle on 40-bit', () => {
  const pair = mppePair({ server: { requireMppe: true }, client: { requireMppe40: true } });
  assert.equal(pair.serverCcp.automaton.state, 'opened');
  assert.ok(pair.server.logs.has('MPPE 40-bit stateless compression enabled'));
  assert.ok(pair.client.logs.has('MPPE 40-bit stateless compression enabled'));
  pair.sendIp('client', IP_PACKET);
  assert.equal(pair.server.received.length, 1);
});

test('stateful both ways when both ends ask for it and allow it', () => {
  const stateful = { requireMppe128: true, mppeRequestStateful: true };
  const pair = mppePair({ server: stateful, client: stateful });
  assert.ok(pair.server.logs.has('MPPE 128-bit stateful compression enabled'));
  pair.sendIp('server', IP_PACKET);
  assert.equal(pair.server.wire.at(-1)?.[4], 0x10, 'stateful header: D only, no A on the first packet');
  assert.equal(pair.client.received.length, 1);
});

test('a peer asking for stateful mode gets stateless unless mppeStateful (pppd nomppe-stateful default)', () => {
  const pair = mppePair({ client: { requireMppe128: true, mppeRequestStateful: true } });
  assert.ok(pair.server.logs.has('MPPE 128-bit stateless compression enabled'));
  assert.ok(pair.client.logs.has('MPPE 128-bit stateless compression enabled'));
  const allowing = mppePair({
    server: { requireMppe128: true, mppeStateful: true },
    client: { requireMppe128: true, mppeRequestStateful: true },
  });
  // The server receives stateless (it asked for it) and sends stateful (the client asked): pppd's split line.
  assert.ok(
    allowing.server.logs.has('MPPE 128-bit stateless / MPPE 128-bit stateful compression enabled'),
    allowing.server.logs.lines('info').join('\n'),
  );
  allowing.sendIp('server', IP_PACKET);
  allowing.sendIp('client', IP_PACKET);
  assert.deepEqual([allowing.client.received.length, allowing.server.received.length], [1, 1]);
});

test('Windows: first request offers only +H, a duplicated Nak, then renegotiation in Opened (anchors §5.3)', () => {
  const { context, ccp, events, peer } = ccpEnd({ requireMppe128: true });
  ccp.start();
  assert.deepEqual(peer.take(), ['CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>']);
  peer.configure(1, 1, [mppeOption(0x01000000)]);
  assert.deepEqual(peer.take(), ['CCP ConfNak id=0x1 <mppe +H -M +S -L -D -C>']);
  // Windows Naks our request with what it wants; a duplicate of that Nak follows.
  peer.configure(3, 1, [mppeOption(0x01000040)]);
  assert.deepEqual(peer.take(), ['CCP ConfReq id=0x2 <mppe +H -M +S -L -D -C>']);
  peer.configure(3, 1, [mppeOption(0x01000040)]);
  assert.deepEqual(peer.take(), [], 'the duplicate has a stale Identifier: discarded');
  peer.configure(1, 2, [mppeOption(0x01000040)]);
  peer.configure(2, 2, [mppeOption(0x01000040)]);
  assert.deepEqual(peer.take(), ['CCP ConfAck id=0x2 <mppe +H -M +S -L -D -C>']);
  assert.equal(ccp.automaton.state, 'opened');
  assert.deepEqual(events, ['up']);
  // A fresh request after Opened: pppd 2.4 closed the link here ("MPPE disabled"); we renegotiate.
  peer.configure(1, 3, [mppeOption(0x01000040)]);
  assert.deepEqual(peer.take(), [
    'CCP ConfReq id=0x3 <mppe +H -M +S -L -D -C>',
    'CCP ConfAck id=0x3 <mppe +H -M +S -L -D -C>',
  ]);
  assert.deepEqual(events, ['up', 'down']);
  context.send(PppProtocol.IP, IP_PACKET);
  assert.equal(context.droppedByTransform, 1, 'no IP in clear while CCP renegotiates');
  peer.configure(2, 3, [mppeOption(0x01000040)]);
  assert.deepEqual(events, ['up', 'down', 'up']);
  assert.equal(context.closedWith, undefined);
  context.send(PppProtocol.IP, IP_PACKET);
  assert.equal(toHex(context.wire.at(-1)!.subarray(0, 5)), 'ff0300fd90', 'encrypted again, cc restarts at 0');
});

test('LCP going down (stop, dispose) is no renegotiation: the data path stops without "CCP renegotiating"', () => {
  const pair = mppePair();
  pair.serverCcp.stop();
  pair.serverCcp.dispose();
  assert.deepEqual(pair.serverEvents, ['up', 'down']);
  assert.equal(pair.serverCcp.dataPath.running, false);
  assert.equal(pair.server.logs.has('CCP renegotiating'), false);
  pair.clientCcp.dispose();
  assert.equal(pair.client.logs.has('CCP renegotiating'), false);
});

test('Reset-Request in Opened is answered with a Reset-Ack carrying its Identifier (RFC 1962 §3.1)', () => {
  const { ccp, peer } = ccpEnd({ requireMppe128: true });
  ccp.start();
  peer.packet({ kind: 'other', code: 14, identifier: 0x42, data: new Uint8Array(0) });
  peer.take();
  assert.equal(ccp.counters.resetRequestsReceived, 0, 'ignored outside Opened, as pppd does');
  peer.configure(1, 1, [mppeOption(0x01000040)]);
  peer.configure(2, 1, [mppeOption(0x01000040)]);
  peer.take();
  peer.packet({ kind: 'other', code: 14, identifier: 0x42, data: new Uint8Array(0) });
  assert.deepEqual(peer.take(), ['CCP ResetAck id=0x42']);
  assert.equal(ccp.counters.resetRequestsReceived, 1);
  peer.packet({ kind: 'other', code: 9, identifier: 7, data: new Uint8Array(0) });
  assert.match(peer.take()[0] ?? '', /^CCP CodeRej id=0x\w+ 09 07 00 04$/, 'unknown codes are Code-Rejected');
});

test('MPPE off (pppd default): silent until the peer speaks, then every option is rejected', () => {
  const { context, ccp, events, peer } = ccpEnd({ requireMppe128: false });
  assert.equal(ccp.gatesOthers, false);
  ccp.start();
  assert.deepEqual(peer.take(), [], 'pppd opens CCP in silent mode when it wants no compression');
  peer.configure(1, 1, [mppeOption(0x01000060), { type: 26, data: Uint8Array.of(0x78, 0x00) }]);
  assert.deepEqual(peer.take(), [
    'CCP ConfReq id=0x1',
    'CCP ConfRej id=0x1 <mppe +H -M +S +L -D -C> <deflate 15>',
  ]);
  peer.configure(1, 2, []);
  peer.configure(2, 1, []);
  assert.deepEqual(peer.take(), ['CCP ConfAck id=0x2']);
  assert.equal(ccp.automaton.state, 'opened');
  assert.deepEqual(events, ['up']);
  assert.deepEqual(context.transforms, [], 'no transform: IP goes in clear');
  assert.equal(context.logs.has('compression enabled'), false);
});

test('noccp: the factory builds nothing, so the driver Protocol-Rejects CCP', () => {
  const { context } = ccpEnd();
  const factory = new MppeControlFactory(mppeSettings({ ...defaultMppeConfig, noccp: true }));
  assert.equal(factory.create(context, context.recordEvents()), undefined);
});

test('dispose unregisters both protocols, removes the transform and adds the counters to the totals', () => {
  const pair = mppePair();
  pair.sendIp('server', IP_PACKET);
  pair.serverCcp.dispose();
  assert.equal(pair.server.transform, undefined);
  const receipt = pair.server.link.receiveBytes(
    pair.client.link.frame(PppProtocol.CCP, Uint8Array.of(1, 9, 0, 4)),
  );
  assert.equal(receipt.kind, 'protocolReject', 'CCP is no longer handled');
  pair.serverCcp.dispose();
});

test('CCP and its data path are their own link handlers, spec hooks and transform: no per-session closures', () => {
  const { context, ccp } = ccpEnd({ requireMppe128: true });
  assert.throws(() => context.link.register(ccp), /already handled by CCP/);
  assert.throws(() => context.link.register(ccp.dataPath), /already handled by MPPE/);
  assert.equal(ccp.dataPath.transform, ccp.dataPath);
  assert.equal(ccp.dataPath['options'], ccp, 'the control is its data path’s options');
  assert.equal(ccp.automaton.spec.extraCode, Object.getPrototypeOf(ccp.automaton.spec).extraCode);
  const mppe = ccp.automaton.spec.options[0]!;
  assert.equal(mppe.judge, Object.getPrototypeOf(mppe).judge, 'the MPPE option spec is a class instance');
});
