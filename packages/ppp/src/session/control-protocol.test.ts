// ControlProtocol: the automaton wired to a session context, with pppd-style traces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SessionRegistry } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { toHex } from '@switchyard/wire';
import { PppLink } from '../link/ppp-link.js';
import { ipcpFixture, serverIpcpConfReq } from '../testing/index.js';
import { ControlProtocol } from './control-protocol.js';
import { PppSessionContext } from './session-context.js';

function bench() {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '192.0.2.2');
  const link = new PppLink({ nextIdentifier: () => 1 });
  for (const event of ['lowerUp', 'lcpUp', 'authenticated'] as const) link.signal(event);
  link.framing = { acfc: true, pfc: true };
  const sent: string[] = [];
  const context = new PppSessionContext({
    session,
    role: 'server',
    clock,
    logger: session.logger,
    link,
    facts: { localName: 'pptpd' },
    transmit: (frame) => sent.push(toHex(frame)),
    close: () => undefined,
    maxFrameBytes: 1500,
  });
  const layers: string[] = [];
  const spec = ipcpFixture({ local: '10.0.0.254', assign: '10.0.0.201', dns1: '1.1.1.1', dns2: '8.8.8.8' });
  const cp = new ControlProtocol(context, spec, { phase: 'network', layer: (s) => layers.push(s) });
  return { clock, logs, link, sent, layers, cp };
}

test('outputs go out framed and traced the pppd way; transitions are traced (STYLE §3.8)', () => {
  const { cp, sent, logs, layers } = bench();
  cp.automaton.up();
  cp.automaton.open();
  assert.deepEqual(sent, [toHex(serverIpcpConfReq.bytes)]);
  assert.ok(logs.has(`sent [${serverIpcpConfReq.trace}]`));
  assert.ok(logs.has('ipcp: closed => reqSent (open)'));
  assert.deepEqual(layers, []);
});

test('received packets reach the automaton through the demultiplexer, traced as rcvd', () => {
  const { cp, link, logs, sent } = bench();
  cp.automaton.up();
  link.receiveBytes(Uint8Array.from([0x80, 0x21, 0x05, 0x07, 0x00, 0x04]));
  assert.ok(logs.has('rcvd [IPCP TermReq id=0x7]'));
  assert.equal(sent.at(-1), '8021060700 04'.replace(' ', ''), 'Closed answers Terminate-Ack');
});

test('dispose() unregisters the protocol and stops the Restart timer; nothing is sent afterwards', () => {
  const { cp, link, clock, sent } = bench();
  cp.automaton.up();
  cp.automaton.open();
  cp.dispose();
  clock.advance(30_000);
  assert.equal(sent.length, 1);
  assert.equal(link.unregister(0x8021), false, 'already unregistered');
});

test('a Protocol-Reject of the protocol is its RXJ- (RFC 1661 §5.7): it stops', () => {
  const { cp, link, layers } = bench();
  cp.automaton.up();
  cp.automaton.open();
  link.protocolRejected(0x8021);
  assert.deepEqual(layers, ['finished']);
  assert.equal(cp.automaton.state, 'stopped');
});

test('the protocol is its own link handler: no per-session handler object', () => {
  const { link, cp } = bench();
  assert.throws(() => link.register(cp), /already handled by IPCP/);
  assert.equal(cp.protocol, 0x8021);
  assert.equal(cp.phase, 'network');
});
