import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeReason, type Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { sessionLogPlugin } from './plugin.js';

test('one log line per lifecycle event, the close line with reason, duration and counters', async () => {
  const { appliance, clock, logs } = testAppliance([sessionLogPlugin] as Plugin<never>[]);
  await appliance.start();
  const session = appliance.sessions.create('pptp', '192.0.2.10');
  session.authenticated('vpn1');
  session.ipAssigned('10.0.0.201');
  Object.assign(session.counters, { bytesIn: 840, packetsIn: 10, bytesOut: 1200, packetsOut: 12 });
  clock.advance(65_000);
  await session.close(closeReason('echo-timeout', 'no LCP Echo-Reply after 4 requests'));
  const lines = logs.lines().filter((l) => l.includes('[plugin=session-log') && !l.includes(' debug '));
  assert.equal(lines.length, 4, lines.join('\n'));
  assert.match(lines[0]!, /connect from 192\.0\.2\.10/);
  assert.match(lines[1]!, /user vpn1 authenticated/);
  assert.match(lines[2]!, /address 10\.0\.0\.201 assigned/);
  assert.match(lines[3]!, /^\S+ warn .*session closed: echo-timeout \(no LCP Echo-Reply after 4 requests\)/);
  assert.match(lines[3]!, /seconds=65 sent="1200 bytes\/12 packets" received="840 bytes\/10 packets"/);
  await appliance.stop();
});
