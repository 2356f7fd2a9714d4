// The Restart timer and counters (RFC 1661 §4.6) on a ManualClock: TO+/TO- for Configure and Terminate,
// zrc, the [p] and [r] options, settings, and output order when the sink re-enters the automaton.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import type { CpPacket } from '../codec/cp-packet.js';
import { PppProtocol } from '../codec/protocols.js';
import { numberOption } from '../testing/index.js';
import { type CpAutomatonOptions, CpAutomaton } from './automaton.js';
import type { ProtocolSpec } from './option-spec.js';
import type { CpOutput } from './outputs.js';

const SPEC: ProtocolSpec = {
  protocol: PppProtocol.IPCP,
  name: 'IPCP',
  options: [numberOption({ type: 3, name: 'addr', width: 4, desired: 0x0a0000fe })],
};

function setup(settings: Partial<CpAutomatonOptions> = {}) {
  const clock = new ManualClock();
  const outputs: CpOutput[] = [];
  const automaton = new CpAutomaton(SPEC, { clock, emit: (output) => outputs.push(output), ...settings });
  const sent = (): CpPacket[] => outputs.flatMap((o) => (o.kind === 'send' ? [o.packet] : []));
  const signals = (): string[] => outputs.flatMap((o) => (o.kind === 'layer' ? [o.signal] : []));
  return { clock, outputs, automaton, sent, signals };
}

function opened(settings: Partial<CpAutomatonOptions> = {}) {
  const harness = setup(settings);
  harness.automaton.open();
  harness.automaton.up();
  harness.automaton.handle('rca');
  harness.automaton.handle('rcr+');
  assert.equal(harness.automaton.state, 'opened');
  harness.outputs.length = 0;
  return harness;
}

test('Configure-Request goes out Max-Configure (10) times, then TO- → Stopped with tlf (RFC 1661 §4.6, §4.1 TO-)', () => {
  const { clock, automaton, sent, signals } = setup();
  automaton.open();
  automaton.up();
  assert.equal(automaton.restartCounter, 9, 'irc loads 10, the first scr counts (§4.4 irc)');
  for (let i = 1; i < 10; i++) {
    clock.advance(3000);
    assert.equal(automaton.state, 'reqSent', 'TO+ → scr/6');
  }
  assert.equal(sent().length, 10);
  assert.ok(
    sent().every((p) => p.code === 1 && p.identifier === 1),
    'retransmissions keep the Identifier (§5.1, pppd)',
  );
  clock.advance(2999);
  assert.equal(automaton.state, 'reqSent');
  clock.advance(1);
  assert.equal(automaton.state, 'stopped', 'TO- → tlf/3');
  assert.deepEqual(signals(), ['started', 'finished']);
  assert.equal(automaton.timerRunning, false);
  clock.advance(60_000);
  assert.equal(sent().length, 10, 'nothing more is sent');
});

test('Terminate-Request goes out Max-Terminate (2) times with new Identifiers, then TO- → Closed (RFC 1661 §4.6)', () => {
  const { clock, automaton, sent, signals } = opened();
  automaton.close('MPPE disabled');
  assert.equal(automaton.state, 'closing');
  clock.advance(3000);
  assert.equal(automaton.state, 'closing', 'TO+ → str/4');
  clock.advance(3000);
  assert.equal(automaton.state, 'closed', 'TO- → tlf/2');
  const requests = sent();
  assert.deepEqual(
    requests.map((p) => p.code),
    [5, 5],
  );
  assert.notEqual(
    requests[0]?.identifier,
    requests[1]?.identifier,
    'pppd: f->reqid = ++f->id per Terminate-Request',
  );
  assert.ok(
    requests.every((p) => p.kind === 'terminate' && Buffer.from(p.data).toString() === 'MPPE disabled'),
  );
  assert.deepEqual(signals(), ['down', 'finished']);
});

test('Terminate-Request in Opened: tld, zrc, sta, then one Restart interval later TO- → Stopped, tlf (RFC 1661 §4.1 RTR)', () => {
  const { clock, automaton, sent, signals } = opened();
  automaton.receive({ kind: 'terminate', code: 5, identifier: 9, data: new Uint8Array(0) });
  assert.equal(automaton.state, 'stopping');
  assert.deepEqual(sent(), [{ kind: 'terminate', code: 6, identifier: 9, data: new Uint8Array(0) }]);
  assert.equal(automaton.restartCounter, 0);
  clock.advance(3000);
  assert.equal(automaton.state, 'stopped');
  assert.equal(sent().length, 1, 'zrc: no Terminate-Request of our own');
  assert.deepEqual(signals(), ['down', 'finished']);
});

test('passive option: Configure timeouts end in Stopped without tlf (RFC 1661 §4.1 [p])', () => {
  const { clock, automaton, signals } = setup({ passive: true });
  automaton.open();
  automaton.up();
  clock.advance(30_000);
  assert.equal(automaton.state, 'stopped');
  assert.deepEqual(signals(), ['started']);
});

test("silent option (pppd): Up waits in Stopped, sends nothing; the peer's Configure-Request starts it", () => {
  const { clock, automaton, sent, signals } = setup({ silent: true });
  automaton.open();
  automaton.up();
  assert.equal(automaton.state, 'stopped');
  clock.advance(60_000);
  assert.deepEqual(sent(), [], 'no Configure-Request of ours, and no timer');
  automaton.receive({ kind: 'configure', code: 1, identifier: 7, options: [] });
  assert.equal(automaton.state, 'ackSent');
  assert.deepEqual(
    sent().map((p) => p.code),
    [1, 2],
    'our request, then the Ack of theirs (the Stopped row: irc, scr, sca)',
  );
  assert.deepEqual(signals(), ['started']);
  const again = setup({ silent: true });
  again.automaton.up();
  again.automaton.open(); // Open while Closed: the same wait
  assert.equal(again.automaton.state, 'stopped');
  assert.deepEqual(again.sent(), []);
});

test('restart interval and Max-Configure are configurable (RFC 1661 §4.6 "MUST be configurable")', () => {
  const { clock, automaton, outputs } = setup({ restartIntervalMs: 1000, maxConfigure: 3 });
  automaton.open();
  automaton.up();
  clock.advance(2000);
  assert.equal(outputs.filter((o) => o.kind === 'send').length, 3);
  assert.equal(automaton.state, 'reqSent');
  clock.advance(1000);
  assert.equal(automaton.state, 'stopped');
});

test('leaving the timer states cancels the Restart timer (RFC 1661 §4.1, after the table)', () => {
  const { clock, automaton, outputs } = setup();
  automaton.open();
  automaton.up();
  automaton.down();
  assert.equal(automaton.state, 'starting');
  assert.equal(clock.pendingCount, 0);
  outputs.length = 0;
  clock.advance(60_000);
  assert.deepEqual(outputs, []);
});

test('restart option: Open in Opened renegotiates by Down then Up (RFC 1661 §4.3 Open, [r])', () => {
  const { automaton, sent, signals } = opened({ restartOnOpen: true });
  automaton.open();
  assert.equal(automaton.state, 'reqSent');
  assert.deepEqual(signals(), ['down']);
  assert.deepEqual(
    sent().map((p) => p.code),
    [1],
  );
});

test('impossible settings and duplicate option types are rejected at construction', () => {
  const clock = new ManualClock();
  assert.throws(() => new CpAutomaton(SPEC, { clock, emit: () => {}, maxConfigure: 0 }), /maxConfigure/);
  assert.throws(
    () => new CpAutomaton(SPEC, { clock, emit: () => {}, restartIntervalMs: 1.5 }),
    /restartIntervalMs/,
  );
  const twice: ProtocolSpec = { ...SPEC, options: [...SPEC.options, ...SPEC.options] };
  assert.throws(() => new CpAutomaton(twice, { clock, emit: () => {} }), /listed twice/);
});

test('a sink that calls back into the automaton sees outputs in action order (re-entrancy)', () => {
  const clock = new ManualClock();
  const seen: string[] = [];
  const automaton: CpAutomaton = new CpAutomaton(SPEC, {
    clock,
    emit: (output) => {
      seen.push(
        output.kind === 'transition'
          ? `${output.from}>${output.to}`
          : output.kind === 'layer'
            ? output.signal
            : output.kind,
      );
      // LCP's owner answers tlf with a lower-layer Down (RFC 1661 §4.4 tlf).
      if (output.kind === 'layer' && output.signal === 'finished') automaton.down();
    },
  });
  automaton.open();
  automaton.up();
  seen.length = 0;
  automaton.handle('rxj-');
  assert.deepEqual(seen, ['finished', 'reqSent>stopped', 'started', 'stopped>starting']);
  assert.equal(automaton.state, 'starting');
});
