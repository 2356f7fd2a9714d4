import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { PppProtocol } from '../codec/protocols.js';
import { numberOption } from '../testing/index.js';
import { CpAutomaton } from './automaton.js';
import type { ProtocolSpec } from './option-spec.js';
import type { CpOutput } from './outputs.js';
import {
  type Action,
  type Event,
  type State,
  EVENTS,
  STATES,
  TABLE,
  TERMINATING_STATES,
  TIMER_STATES,
} from './table.js';

// Walks every (state, event) cell of RFC 1661 §4.1 on a ManualClock and checks what the engine *does*:
// the resulting state, the packets and layer signals its actions produce, the Restart counter and timer.

const SPEC: ProtocolSpec = {
  protocol: PppProtocol.LCP,
  name: 'LCP',
  options: [numberOption({ type: 1, name: 'mru', width: 2, desired: 1400 })],
};

/** Legal event sequences from Initial into each state (RFC 1661 §4.1). */
const PATHS: Record<State, readonly Event[]> = {
  initial: [],
  starting: ['open'],
  closed: ['up'],
  stopped: ['open', 'up', 'rxj-'],
  closing: ['up', 'open', 'close'],
  stopping: ['up', 'open', 'close', 'open'],
  reqSent: ['open', 'up'],
  ackRcvd: ['open', 'up', 'rca'],
  ackSent: ['open', 'up', 'rcr+'],
  opened: ['open', 'up', 'rca', 'rcr+'],
};

/** What each action visibly produces; irc and zrc only touch the counter, ser needs a reply (none here). */
const VISIBLE: Record<Action, string | undefined> = {
  tlu: 'layer up',
  tld: 'layer down',
  tls: 'layer started',
  tlf: 'layer finished',
  irc: undefined,
  zrc: undefined,
  scr: 'send 1',
  sca: 'send 2',
  scn: 'send 4',
  str: 'send 5',
  sta: 'send 6',
  scj: 'send 7',
  ser: undefined,
};

const describeOutput = (output: CpOutput): string | undefined =>
  output.kind === 'send'
    ? `send ${output.packet.code}`
    : output.kind === 'layer'
      ? `layer ${output.signal}`
      : undefined;

function driveTo(state: State): { automaton: CpAutomaton; clock: ManualClock; outputs: CpOutput[] } {
  const clock = new ManualClock();
  const outputs: CpOutput[] = [];
  const automaton = new CpAutomaton(SPEC, { clock, emit: (output) => outputs.push(output) });
  for (const event of PATHS[state]) automaton.handle(event);
  assert.equal(automaton.state, state, `path to ${state}`);
  outputs.length = 0;
  return { automaton, clock, outputs };
}

/** RFC 1661 §4.4: irc loads Max-Terminate (2) or Max-Configure (10); each scr/str decrements; zrc zeroes. */
function expectedCounter(before: number, next: State, actions: readonly Action[]): number {
  let counter = before;
  for (const action of actions) {
    if (action === 'irc') counter = TERMINATING_STATES.has(next) ? 2 : 10;
    if (action === 'zrc') counter = 0;
    if (action === 'scr' || action === 'str') counter--;
  }
  return counter;
}

for (const state of STATES) {
  for (const event of EVENTS) {
    const cell = TABLE[event][state];
    const label = cell === null ? '- (illegal)' : `${cell.slice(1).join(',') || 'no action'} → ${cell[0]}`;
    test(`${event} in ${state}: ${label} (RFC 1661 §4.1)`, () => {
      const { automaton, clock, outputs } = driveTo(state);
      const counterBefore = automaton.restartCounter;
      const timerBefore = automaton.timerRunning;
      const returned = automaton.handle(event);
      assert.deepEqual(returned, outputs, 'handle() returns what it emitted');
      if (cell === null) {
        assert.deepEqual(outputs, [{ kind: 'illegal', event, state }]);
        assert.equal(automaton.state, state, 'no transition on an illegal event (§4.4)');
        assert.equal(automaton.timerRunning, timerBefore);
        return;
      }
      const [next, ...actions] = cell;
      assert.equal(automaton.state, next);
      assert.deepEqual(outputs.at(-1), {
        kind: 'transition',
        event,
        from: state,
        to: next,
        actions,
        packet: undefined,
      });
      assert.deepEqual(
        outputs.map(describeOutput).filter((text) => text !== undefined),
        actions.map((action) => VISIBLE[action]).filter((text) => text !== undefined),
        'actions in the RFC order',
      );
      assert.equal(
        automaton.restartCounter,
        expectedCounter(counterBefore, next, actions),
        'Restart counter',
      );
      assert.equal(automaton.timerRunning, TIMER_STATES.has(next), 'timer runs iff the state has TO events');
      assert.ok(clock.pendingCount <= 1, 'at most one Restart timer');
      if (actions.some((action) => action === 'scr' || action === 'str' || action === 'zrc')) {
        // scr, str and zrc (re)start the timer now: nothing fires before a full interval (§4.1).
        outputs.length = 0;
        clock.advance(2999);
        assert.equal(outputs.length, 0);
        clock.advance(1);
        const timeout = outputs.find((output) => output.kind === 'transition');
        assert.ok(timeout?.kind === 'transition' && (timeout.event === 'to+' || timeout.event === 'to-'));
      }
    });
  }
}
