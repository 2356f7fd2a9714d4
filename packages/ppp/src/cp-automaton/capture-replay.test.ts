import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { toHex } from '@switchyard/wire';
import { type CpPacket, encodeCpPacket } from '../codec/cp-packet.js';
import { decodePppFrame, encodePppFrame, type PppFraming } from '../codec/ppp-frame.js';
import {
  type CapturedFrame,
  ccpFixture,
  clientCcpConfAck,
  clientCcpConfReq,
  clientIpcpConfAck,
  clientIpcpConfReq1,
  clientIpcpConfReq2,
  clientIpcpConfReq3,
  clientLcpConfAck,
  clientLcpConfReq,
  clientLcpEchoReq,
  clientLcpTermReq,
  ipcpFixture,
  lcpFixture,
  serverCcpConfAck,
  serverCcpConfReq,
  serverIpcpConfAck,
  serverIpcpConfNak,
  serverIpcpConfRej,
  serverIpcpConfReq,
  serverLcpConfAck,
  serverLcpConfReq,
  serverLcpEchoRep,
  serverLcpTermAck,
  serverLcpTermReqAuthFailed,
} from '../testing/index.js';
import { CpAutomaton } from './automaton.js';
import type { ProtocolSpec } from './option-spec.js';
import type { CpOutput } from './outputs.js';

// The engine, given specs shaped like the server pppd's, answers the captured client frames with the
// very bytes pppd sent (pptpd-reference-session.txt / -wrong-password.txt). LCP negotiated pcomp and
// accomp, so NCP frames go out without FF 03 as in the capture.

const COMPRESSED: PppFraming = { acfc: true, pfc: true };

function server(spec: ProtocolSpec) {
  const outputs: CpOutput[] = [];
  const automaton = new CpAutomaton(spec, { clock: new ManualClock(), emit: (o) => outputs.push(o) });
  /** Frames sent since the last call, encoded as on the wire. */
  const frames = (): string[] => {
    const sent = outputs.flatMap((o) => (o.kind === 'send' ? [o.packet] : []));
    outputs.length = 0;
    return sent.map((packet: CpPacket) =>
      toHex(encodePppFrame(spec.protocol, encodeCpPacket(packet), COMPRESSED)),
    );
  };
  const feed = (fixture: CapturedFrame): string[] => {
    const frame = decodePppFrame(fixture.bytes);
    assert.ok(frame.ok && frame.value.protocol === spec.protocol);
    automaton.receiveBytes(frame.value.payload);
    return frames();
  };
  return { automaton, outputs, frames, feed };
}

const LCP_SPEC = lcpFixture({ magic: 0x4eeee626, requireMsChapV2: true });

test('LCP: our Configure-Request and Configure-Ack are pppd’s bytes (session frames 14, 16)', () => {
  const { automaton, frames, feed } = server(LCP_SPEC);
  automaton.open();
  automaton.up();
  assert.deepEqual(frames(), [toHex(serverLcpConfReq.bytes)]);
  assert.deepEqual(feed(clientLcpConfReq), [toHex(serverLcpConfAck.bytes)]);
  assert.deepEqual(feed(clientLcpConfAck), []);
  assert.equal(automaton.state, 'opened');
  assert.deepEqual(
    automaton.negotiated().ours.map((o) => o.name),
    ['asyncmap', 'auth', 'magic', 'pcomp', 'accomp'],
  );
  assert.deepEqual(
    automaton.negotiated().peer.map((o) => [o.name, o.value]),
    [
      ['asyncmap', 0],
      ['magic', 0xff95ae08],
      ['pcomp', true],
      ['accomp', true],
    ],
  );
});

test('LCP: Echo-Reply, Terminate-Ack and our Terminate-Request match the captures (frames 19, 96; wrong-password 25)', () => {
  const { automaton, frames, feed } = server(LCP_SPEC);
  automaton.open();
  automaton.up();
  feed(clientLcpConfReq);
  feed(clientLcpConfAck);
  frames();
  // Linux pptp.ko sent the Echo-Reply without FF 03; ours keeps it (RFC 1661 §6.6), the packet is identical.
  assert.deepEqual(feed(clientLcpEchoReq), ['ff03' + toHex(serverLcpEchoRep.bytes)]);
  automaton.close('Authentication failed');
  assert.deepEqual(frames(), [toHex(serverLcpTermReqAuthFailed.bytes)]);

  const second = server(LCP_SPEC);
  second.automaton.open();
  second.automaton.up();
  second.feed(clientLcpConfReq);
  second.feed(clientLcpConfAck);
  assert.deepEqual(second.feed(clientLcpTermReq), [toHex(serverLcpTermAck.bytes)]);
  assert.equal(second.automaton.state, 'stopping');
});

test('IPCP: Reject of VJ, then Nak assigning address and DNS, then Ack: pppd’s bytes (frames 29, 32, 39, 41)', () => {
  const spec = ipcpFixture({
    local: '10.0.0.254',
    assign: '10.0.0.201',
    dns1: '202.106.46.151',
    dns2: '202.106.0.20',
  });
  const { automaton, frames, feed } = server(spec);
  automaton.open();
  automaton.up();
  assert.deepEqual(frames(), [toHex(serverIpcpConfReq.bytes)]);
  assert.deepEqual(feed(clientIpcpConfReq1), [toHex(serverIpcpConfRej.bytes)]);
  assert.deepEqual(feed(clientIpcpConfAck), []);
  assert.deepEqual(feed(clientIpcpConfReq2), [toHex(serverIpcpConfNak.bytes)]);
  assert.deepEqual(feed(clientIpcpConfReq3), [toHex(serverIpcpConfAck.bytes)]);
  assert.equal(automaton.state, 'opened');
  assert.deepEqual(
    automaton.negotiated().peer.map((o) => o.name),
    ['addr', 'ms-dns1', 'ms-dns2'],
  );
});

test('CCP: MPPE 128-bit stateless request and Ack are pppd’s bytes (frames 24, 26)', () => {
  const { automaton, frames, feed } = server(ccpFixture());
  automaton.open();
  automaton.up();
  assert.deepEqual(frames(), [toHex(serverCcpConfReq.bytes)]);
  assert.deepEqual(feed(clientCcpConfReq), [toHex(serverCcpConfAck.bytes)]);
  feed(clientCcpConfAck);
  assert.equal(automaton.state, 'opened');
});
