// The link phases (RFC 1661 §3.2) and the demultiplexer: which protocols each phase admits, and
// Protocol-Reject only in the Network phase (§5.7, §3.5).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex, toHex } from '@switchyard/wire';
import { decodeCpPacket } from '../codec/cp-packet.js';
import { decodePppFrame } from '../codec/ppp-frame.js';
import { PppProtocol } from '../codec/protocols.js';
import { clientIpcpConfReq1, clientIpv6cpConfReq, clientLcpConfReq } from '../testing/index.js';
import { type LinkEvent, type LinkPhase, LINK_PHASES, PHASE_TABLE, nextPhase } from './phase.js';
import { type ProtocolHandler, PppLink } from './ppp-link.js';

function recorder(protocol: number, name: string, phase: ProtocolHandler['phase']) {
  const received: string[] = [];
  const rejected: number[] = [];
  const handler: ProtocolHandler = {
    protocol,
    name,
    phase,
    receive: (payload) => received.push(toHex(payload)),
    protocolRejected: () => rejected.push(protocol),
  };
  return { handler, received, rejected };
}

function link(phase: LinkPhase = 'dead') {
  let id = 0;
  const ppp = new PppLink({ nextIdentifier: () => ++id });
  const lcp = recorder(PppProtocol.LCP, 'LCP', 'establish');
  const chap = recorder(PppProtocol.CHAP, 'CHAP', 'authenticate');
  const ipcp = recorder(PppProtocol.IPCP, 'IPCP', 'network');
  for (const r of [lcp, chap, ipcp]) ppp.register(r.handler);
  const path: Record<LinkPhase, LinkEvent[]> = {
    dead: [],
    establish: ['lowerUp'],
    authenticate: ['lowerUp', 'lcpUp'],
    network: ['lowerUp', 'lcpUp', 'authenticated'],
    terminate: ['lowerUp', 'lcpUp', 'close'],
  };
  for (const event of path[phase]) ppp.signal(event);
  assert.equal(ppp.phase, phase);
  return { ppp, lcp, chap, ipcp };
}

test('phases follow RFC 1661 §3.2: Dead → Establish → Authenticate → Network → Terminate → Dead', () => {
  const { ppp } = link();
  assert.deepEqual(ppp.signal('lowerUp'), { from: 'dead', to: 'establish' });
  assert.deepEqual(ppp.signal('lcpUp'), { from: 'establish', to: 'authenticate' });
  assert.deepEqual(ppp.signal('authenticated'), { from: 'authenticate', to: 'network' });
  assert.deepEqual(ppp.signal('close'), { from: 'network', to: 'terminate' });
  assert.deepEqual(ppp.signal('lcpFinished'), { from: 'terminate', to: 'dead' });
});

test('events that do not apply leave the phase alone; every phase row is total over LINK_PHASES', () => {
  const { ppp } = link('establish');
  assert.equal(ppp.signal('authenticated'), undefined);
  assert.equal(ppp.phase, 'establish');
  for (const row of Object.values(PHASE_TABLE)) {
    for (const target of Object.values(row)) assert.ok(LINK_PHASES.includes(target));
  }
  assert.equal(nextPhase('dead', 'lcpFinished'), undefined);
});

test('LCP going down without Close returns to Establish (RFC 1661 §3.4; pppd link_down)', () => {
  const { ppp } = link('network');
  assert.deepEqual(ppp.signal('lcpDown'), { from: 'network', to: 'establish' });
});

test('LCP failing during Establish goes back to Dead (RFC 1661 §3.2 FAIL)', () => {
  const { ppp } = link('establish');
  assert.deepEqual(ppp.signal('lcpFinished'), { from: 'establish', to: 'dead' });
});

test('Establish and Terminate accept only LCP; other packets are silently discarded (RFC 1661 §3.4, §3.7)', () => {
  for (const phase of ['establish', 'terminate'] as const) {
    const { ppp, lcp, chap, ipcp } = link(phase);
    assert.equal(ppp.receiveBytes(clientLcpConfReq.bytes).kind, 'delivered');
    assert.deepEqual(ppp.receiveBytes(hex('c2 23 01 01 00 04')), {
      kind: 'discarded',
      protocol: PppProtocol.CHAP,
      reason: 'phase',
    });
    assert.deepEqual(ppp.receiveBytes(clientIpcpConfReq1.bytes), {
      kind: 'discarded',
      protocol: PppProtocol.IPCP,
      reason: 'phase',
    });
    assert.equal(lcp.received.length, 1);
    assert.equal(chap.received.length + ipcp.received.length, 0);
  }
});

test('Authenticate accepts LCP and authentication only; NCPs wait for Network (RFC 1661 §3.5; anchors §6 #14)', () => {
  const { ppp, chap, ipcp } = link('authenticate');
  assert.equal(ppp.receiveBytes(hex('c2 23 02 01 00 04')).kind, 'delivered');
  assert.equal(ppp.receiveBytes(clientIpcpConfReq1.bytes).kind, 'discarded');
  assert.deepEqual(chap.received, ['02010004']);
  assert.deepEqual(ipcp.received, []);
});

test('Network accepts every registered protocol, delivering the Information field (RFC 1661 §3.6)', () => {
  const { ppp, lcp, chap, ipcp } = link('network');
  for (const bytes of [clientLcpConfReq.bytes, hex('c2 23 01 02 00 04'), clientIpcpConfReq1.bytes]) {
    assert.equal(ppp.receiveBytes(bytes).kind, 'delivered');
  }
  assert.equal(lcp.received[0], toHex(clientLcpConfReq.bytes.subarray(4)));
  assert.equal(chap.received.length, 1);
  assert.equal(ipcp.received[0], toHex(clientIpcpConfReq1.bytes.subarray(2)));
});

test('an unknown protocol in Network is Protocol-Rejected in an uncompressed LCP frame (RFC 1661 §5.7; anchors §6 #14)', () => {
  const { ppp } = link('network');
  ppp.framing = { acfc: true, pfc: true };
  const receipt = ppp.receiveBytes(clientIpv6cpConfReq.bytes);
  assert.ok(receipt.kind === 'protocolReject');
  assert.equal(receipt.protocol, PppProtocol.IPV6CP);
  const frame = decodePppFrame(receipt.frame);
  assert.ok(frame.ok);
  assert.equal(frame.value.addressControl, true, 'LCP keeps FF 03 (RFC 1661 §6.6)');
  assert.equal(frame.value.protocol, PppProtocol.LCP);
  const packet = decodeCpPacket(frame.value.payload);
  assert.ok(packet.ok && packet.value.kind === 'protocolReject');
  assert.equal(packet.value.identifier, 1);
  assert.equal(packet.value.rejectedProtocol, PppProtocol.IPV6CP);
  assert.deepEqual(packet.value.rejectedInformation, clientIpv6cpConfReq.bytes.subarray(2));
});

test('unknown protocols before Network are discarded, not rejected (RFC 1661 §3.5; pppd get_input)', () => {
  for (const phase of ['establish', 'authenticate', 'terminate'] as const) {
    const { ppp } = link(phase);
    const receipt = ppp.receiveBytes(clientIpv6cpConfReq.bytes);
    assert.deepEqual(
      receipt,
      { kind: 'discarded', protocol: PppProtocol.IPV6CP, reason: 'unknown-protocol' },
      phase,
    );
  }
});

test('nothing is delivered in Dead; malformed frames are discarded (RFC 1661 §3.3)', () => {
  const { ppp, lcp } = link('dead');
  assert.equal(ppp.receiveBytes(clientLcpConfReq.bytes).kind, 'discarded');
  assert.equal(lcp.received.length, 0);
  const malformed = link('network').ppp.receiveBytes(hex('ff 02 c0 21'));
  assert.equal(malformed.kind === 'discarded' && malformed.reason, 'malformed');
});

test('Rejected-Information is truncated to the peer MRU (RFC 1661 §5.7)', () => {
  const { ppp } = link('network');
  ppp.peerMruBytes = 16;
  const receipt = ppp.receiveBytes(new Uint8Array([0x80, 0x57, ...new Uint8Array(100)]));
  assert.ok(receipt.kind === 'protocolReject');
  assert.equal(receipt.packet.rejectedInformation.length, 10);
});

test('a Protocol-Reject from the peer reaches the protocol’s handler (RFC 1661 §5.7)', () => {
  const { ppp, ipcp } = link('network');
  assert.equal(ppp.protocolRejected(PppProtocol.IPCP), true);
  assert.equal(ppp.protocolRejected(PppProtocol.IPV6CP), false);
  assert.deepEqual(ipcp.rejected, [PppProtocol.IPCP]);
});

test('one handler per protocol: registering a second is a wiring bug', () => {
  const { ppp } = link();
  assert.throws(
    () => ppp.register(recorder(PppProtocol.IPCP, 'other-IPCP', 'network').handler),
    /already handled by IPCP/,
  );
  assert.equal(ppp.unregister(PppProtocol.IPCP), true);
  ppp.register(recorder(PppProtocol.IPCP, 'other-IPCP', 'network').handler);
});

test('frame() applies the negotiated compressions except to LCP (RFC 1661 §6.5–6.6)', () => {
  const { ppp } = link('network');
  ppp.framing = { acfc: true, pfc: true };
  assert.equal(toHex(ppp.frame(PppProtocol.IP, hex('45'))), '2145');
  assert.equal(toHex(ppp.frame(PppProtocol.LCP, hex('09'))), 'ff03c02109');
});
