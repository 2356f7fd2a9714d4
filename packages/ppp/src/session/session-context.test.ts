// The session's data path: framing, the DataTransform, the encryption gate and the counters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SessionRegistry, closeReason } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { hex, toHex } from '@switchyard/wire';
import { PppLink } from '../link/ppp-link.js';
import { clientIpv6cpConfReq, clientMppeData } from '../testing/index.js';
import type { DataTransform } from './contracts.js';
import { PppSessionContext, isDataProtocol } from './session-context.js';

function bench(phase: 'establish' | 'network' = 'network') {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '192.0.2.2');
  let id = 0;
  const link = new PppLink({ nextIdentifier: () => ++id });
  for (const event of phase === 'network'
    ? (['lowerUp', 'lcpUp', 'authenticated'] as const)
    : (['lowerUp'] as const))
    link.signal(event);
  const sent: string[] = [];
  const closed: string[] = [];
  const context = new PppSessionContext({
    session,
    role: 'server',
    clock,
    logger: session.logger,
    link,
    facts: { localName: 'pptpd', lcp: { peerMruBytes: 1400, localMruBytes: 1500, mtuBytes: 1400 } },
    transmit: (frame) => sent.push(toHex(frame)),
    close: (reason) => closed.push(reason.code),
    maxFrameBytes: 1500,
  });
  const ip: string[] = [];
  link.register({
    protocol: 0x0021,
    name: 'IP',
    phase: 'network',
    receive: (payload) => ip.push(toHex(payload)),
  });
  return { clock, logs, session, link, context, sent, closed, ip };
}

const mppe: DataTransform = {
  covers: (protocol) => protocol >= 0x21 && protocol <= 0xfa,
  protect: (protocol, payload) => ({
    protocol: 0xfd,
    payload: Uint8Array.of(0x90, 0x00, protocol, ...payload),
  }),
  overheadBytes: 4,
};

test('data protocols are 0x0001–0x3fff except the compressed datagram (RFC 1661 §2; RFC 1962 §4)', () => {
  assert.ok(isDataProtocol(0x0021));
  assert.ok(isDataProtocol(0x0057));
  assert.ok(!isDataProtocol(0x00fd));
  assert.ok(!isDataProtocol(0x8021));
  assert.ok(!isDataProtocol(0xc021));
});

test('sent frames use the negotiated framing and count as session data (RFC 1661 §6.5–6.6)', () => {
  const { context, link, sent, session } = bench();
  link.framing = { acfc: true, pfc: true };
  context.send(0x0021, hex('45 00'));
  context.send(0xc021, hex('09 01 00 08 00 00 00 00'));
  assert.deepEqual(sent, ['214500', 'ff03c0210901000800000000']);
  assert.deepEqual(session.counters, { packetsIn: 0, packetsOut: 1, bytesIn: 0, bytesOut: 2 });
});

test('covered protocols go through the transform; the IP MTU leaves room for its overhead (RFC 3078 §3)', () => {
  const { context, sent } = bench();
  assert.equal(context.dataMtuBytes, 1400);
  context.setDataTransform(mppe);
  assert.equal(context.dataMtuBytes, 1396);
  context.send(0x0021, hex('45'));
  context.send(0x8021, hex('01 01 00 04'));
  assert.deepEqual(sent, ['ff0300fd90002145', 'ff03802101010004']);
});

test('encryption required but not up: IP is dropped and counted, never sent in clear (pppd require-mppe)', () => {
  const { context, sent, session } = bench();
  context.requireEncryption();
  context.send(0x0021, hex('45'));
  assert.deepEqual(sent, []);
  assert.equal(context.counters.unencrypted, 1);
  assert.equal(session.counters.packetsOut, 0);
  context.send(0x8021, hex('01 01 00 04'));
  assert.equal(sent.length, 1, 'control protocols still flow');
});

test('encryption required: clear IP from the peer is dropped; the same packet recovered by the transform passes', () => {
  const { context, ip } = bench();
  context.requireEncryption();
  context.setDataTransform(mppe);
  context.receiveFrame(hex('21 45 00'));
  assert.deepEqual(ip, []);
  assert.equal(context.counters.unencrypted, 1);
  context.deliver(hex('21 45 00'));
  assert.deepEqual(ip, ['4500']);
  assert.equal(context.session.counters.packetsIn, 1);
});

test('data outside the Network phase is not sent (RFC 1661 §3.6); nothing is sent after stop()', () => {
  const early = bench('establish');
  early.context.send(0x0021, hex('45'));
  assert.equal(early.context.counters.notReady, 1);
  const late = bench();
  late.context.stop();
  late.context.send(0xc021, hex('09 01 00 08 00 00 00 00'));
  assert.deepEqual(late.sent, []);
});

test('unknown protocols in Network are Protocol-Rejected and traced; MPPE frames without a handler too (RFC 1661 §5.7)', () => {
  const { context, sent, logs } = bench();
  context.receiveFrame(clientIpv6cpConfReq.bytes);
  assert.equal(context.counters.protocolRejects, 1);
  assert.match(sent[0]!, /^ff03c0210801[0-9a-f]{4}8057/);
  assert.ok(logs.has('sent [LCP ProtRej id=0x1 80 57 01 01 00 0e'));
  context.receiveFrame(clientMppeData.bytes);
  assert.equal(context.counters.protocolRejects, 2);
});

test('malformed frames and frames the phase forbids are counted, not delivered (RFC 1661 §3.4)', () => {
  const { context } = bench('establish');
  context.receiveFrame(hex('ff 02'));
  context.receiveFrame(hex('80 21 01 01 00 04'));
  assert.equal(context.counters.malformed, 1);
  assert.equal(context.counters.discarded, 1);
});

test('close() is the driver’s orderly close', () => {
  const { context, closed } = bench();
  context.close(closeReason('pool-exhausted'));
  assert.deepEqual(closed, ['pool-exhausted']);
});
