// The Network phase's ordering of NCPs (RFC 1661 §3.6; pppd starts IPCP only after CCP when MPPE is
// required, anchors §5.3) and its endings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason, type CloseReason } from '@switchyard/core';
import type { NetworkControlFactory, ProtocolEvents } from '@switchyard/ppp';
import { contextBench } from '../testing/context.js';
import { NetworkPhase } from './network-phase.js';

function fakeNcp(name: string, gatesOthers: boolean, log: string[]) {
  let events: ProtocolEvents | undefined;
  const factory: NetworkControlFactory = {
    name,
    create: (_context, e) => {
      events = e;
      return {
        name,
        gatesOthers,
        lowerUp: () => log.push(`${name}.lowerUp`),
        start: () => log.push(`${name}.start`),
        stop: () => log.push(`${name}.stop`),
        dispose: () => log.push(`${name}.dispose`),
      };
    },
  };
  return { factory, events: () => events! };
}

function phase(...ncps: [string, boolean][]) {
  const log: string[] = [];
  const fakes = ncps.map(([name, gates]) => fakeNcp(name, gates, log));
  const bench = contextBench();
  const failures: CloseReason[] = [];
  const network = new NetworkPhase({
    context: bench.context,
    factories: fakes.map((f) => f.factory),
    firstUp: () => log.push('firstUp'),
    up: (name) => log.push(`up ${name}`),
    down: (name) => log.push(`down ${name}`),
    failed: (reason) => failures.push(reason),
  });
  return { log, fakes, network, failures, bench };
}

test('without a gating NCP every NCP starts at once (RFC 1661 §3.6)', () => {
  const { log, network, bench } = phase(['IPCP', false], ['IPV6CP', false]);
  network.start();
  assert.deepEqual(log, ['IPCP.start', 'IPV6CP.start']);
  assert.equal(bench.context.requiresEncryption, false);
});

test('a gating NCP starts first; the others are Up but not Open until it is up (pppd: IPCP after CCP)', () => {
  const { log, fakes, network, bench } = phase(['CCP', true], ['IPCP', false]);
  network.start();
  assert.deepEqual(log, ['CCP.start', 'IPCP.lowerUp']);
  assert.equal(bench.context.requiresEncryption, true, 'from now on nothing covered goes in clear');
  fakes[0]!.events().up();
  assert.deepEqual(log.slice(2), ['up CCP', 'IPCP.start']);
  fakes[1]!.events().up();
  assert.deepEqual(log.slice(4), ['up IPCP', 'firstUp']);
});

test('a gating NCP finishing without opening ends the session with its reason, or mppe-refused', () => {
  const withReason = phase(['CCP', true], ['IPCP', false]);
  withReason.network.start();
  withReason.fakes[0]!.events().finished(closeReason('mppe-refused', 'peer rejected MPPE'));
  assert.deepEqual(withReason.failures, [closeReason('mppe-refused', 'peer rejected MPPE')]);
  const without = phase(['CCP', true], ['IPCP', false]);
  without.network.start();
  without.fakes[0]!.events().finished();
  assert.deepEqual(without.failures, [closeReason('mppe-refused', 'CCP finished without opening')]);
  assert.ok(!without.log.includes('IPCP.start'), 'IPCP never opened');
});

test('when the last NCP finishes: "No network protocols running" (pppd np_finished)', () => {
  const { fakes, network, failures } = phase(['IPCP', false], ['IPV6CP', false]);
  network.start();
  fakes[0]!.events().finished();
  assert.deepEqual(failures, []);
  fakes[1]!.events().finished();
  assert.deepEqual(failures, [closeReason('negotiation-failed', 'No network protocols running')]);
});

test('no NCP at all fails at once; a factory may decline (e.g. nomppe)', () => {
  const none = phase();
  none.network.start();
  assert.deepEqual(none.failures, [closeReason('negotiation-failed', 'No network protocols running')]);
});

test('stop() downs and disposes every NCP and ignores their late events', () => {
  const { log, fakes, network } = phase(['CCP', true], ['IPCP', false]);
  network.start();
  const late = fakes[0]!.events();
  network.stop();
  assert.deepEqual(log.slice(2), ['CCP.stop', 'CCP.dispose', 'IPCP.stop', 'IPCP.dispose']);
  late.up();
  assert.equal(log.length, 6);
});

test('an NCP’s events are methods of its entry, not closures; a later phase ignores the old ones', () => {
  const { log, fakes, network } = phase(['IPCP', false]);
  network.start();
  const old = fakes[0]!.events();
  assert.equal(Object.hasOwn(old, 'up'), false);
  network.start();
  old.up();
  assert.deepEqual(
    log.filter((line) => line.startsWith('up')),
    [],
  );
  fakes[0]!.events().up();
  assert.deepEqual(
    log.filter((line) => line.startsWith('up')),
    ['up IPCP'],
  );
});
