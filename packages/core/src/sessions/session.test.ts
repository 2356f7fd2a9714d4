import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, take, toArray } from 'rxjs';
import { SessionRegistry } from './session-registry.js';
import { closeReason } from './close-reason.js';
import { LogCapture, ManualClock } from '../testing/index.js';

const registry = () => new SessionRegistry(new ManualClock(1000), new LogCapture().logger());

test('sessions get unique ids that are never reused', async () => {
  const sessions = registry();
  const a = sessions.create('pptp', '192.0.2.1');
  await a.close(closeReason('admin'));
  const b = sessions.create('pptp', '192.0.2.1');
  assert.notEqual(a.id, b.id);
  assert.equal(sessions.get(a.id), undefined);
  assert.equal(sessions.get(b.id), b);
  assert.equal(b.startedAt, 1000);
});

test('resources are released exactly once, in reverse order, whichever side closes and however often', async () => {
  const sessions = registry();
  const session = sessions.create('pptp', '192.0.2.7');
  const released: string[] = [];
  session.attach('call-id', () => void released.push('call-id'));
  session.attach('lease', async () => {
    await Promise.resolve();
    released.push('lease');
  });
  session.attach('route', () => void released.push('route'));
  // An object resource (SessionResource) is released like a function, with the reason.
  session.attach('arp', { sessionEnded: (reason) => void released.push(`arp ${reason.code}`) });
  const first = session.close(closeReason('peer-terminated', 'LCP Terminate-Request'));
  const second = session.close(closeReason('echo-timeout'));
  await sessions.closeAll(closeReason('shutdown'));
  assert.equal(await first, await second);
  assert.deepEqual(released, ['arp peer-terminated', 'route', 'lease', 'call-id']);
  assert.deepEqual(await session.closed, { code: 'peer-terminated', detail: 'LCP Terminate-Request' });
  assert.equal(session.state, 'closed');
  assert.equal(sessions.size, 0);
});

test('a resource attached while the session is closing is released at once, not leaked', async () => {
  const sessions = registry();
  const session = sessions.create('pptp', '192.0.2.7');
  let released = 0;
  session.attach('slow', () => new Promise<void>((resolve) => setImmediate(resolve)));
  const closing = session.close(closeReason('admin'));
  session.attach('late-lease', () => void released++);
  await closing;
  assert.equal(released, 1);
});

test('a release that throws is logged and the others are still released', async () => {
  const logs = new LogCapture();
  const sessions = new SessionRegistry(new ManualClock(), logs.logger());
  const session = sessions.create('pptp', '192.0.2.7');
  const released: string[] = [];
  session.attach('first', () => void released.push('first'));
  session.attach('broken', () => {
    throw new Error('EPERM');
  });
  await session.close(closeReason('admin'));
  assert.deepEqual(released, ['first']);
  assert.ok(logs.has(/releasing a session resource failed.*resource=broken/, 'error'));
});

test('lifecycle events arrive on the typed bus and on events$ with the session snapshot', async () => {
  const sessions = registry();
  const seen = firstValueFrom(sessions.events$.pipe(take(6), toArray()));
  const downs: string[] = [];
  sessions.bus.on('down', (info, reason) => downs.push(`${info.user}@${info.address}: ${reason.code}`));
  const session = sessions.create('pptp', '192.0.2.9');
  session.setState('authenticating');
  session.authenticated('vpn1');
  session.ipAssigned('10.0.0.201');
  session.counters.packetsIn += 3;
  await session.close(closeReason('idle-timeout'));
  const events = await seen;
  assert.deepEqual(
    events.map((e) => e.type),
    ['up', 'stateChanged', 'authenticated', 'ipAssigned', 'stateChanged', 'down'],
  );
  const down = events[5];
  assert.ok(down?.type === 'down');
  assert.equal(down.args[0].counters.packetsIn, 3);
  assert.equal(down.args[0].state, 'closed');
  assert.deepEqual(downs, ['vpn1@10.0.0.201: idle-timeout']);
});

test('state changes after close are ignored', async () => {
  const sessions = registry();
  const session = sessions.create('pptp', '192.0.2.9');
  await session.close(closeReason('admin'));
  session.setState('network');
  session.authenticated('late');
  assert.equal(session.state, 'closed');
  assert.equal(session.info.user, undefined);
});

test('a release that re-enters close() does not start a second release pass', async () => {
  const sessions = registry();
  const session = sessions.create('pptp', '192.0.2.7');
  const released: string[] = [];
  session.attach('first', () => void released.push('first'));
  session.attach('transport', () => {
    released.push('transport');
    void session.close(closeReason('transport-closed')); // e.g. the link ending synchronously
  });
  await session.close(closeReason('admin'));
  assert.deepEqual(released, ['transport', 'first']);
  assert.deepEqual(await session.closed, { code: 'admin' });
});

test('closed settles for a waiter from before the close and for one from after it', async () => {
  const sessions = registry();
  const session = sessions.create('test', '192.0.2.9');
  const early = session.closed;
  assert.equal(session.closed, early, 'one promise');
  await session.close(closeReason('admin'));
  assert.deepEqual(await early, { code: 'admin' });
  assert.deepEqual(await sessions.create('test', '192.0.2.10').close(closeReason('shutdown')), {
    code: 'shutdown',
  });
  const other = sessions.create('test', '192.0.2.11');
  await other.close(closeReason('echo-timeout'));
  assert.deepEqual(await other.closed, { code: 'echo-timeout' });
});
