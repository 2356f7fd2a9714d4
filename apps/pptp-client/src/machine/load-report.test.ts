import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientEnd } from './end.js';
import { buildReport, formatReport, type SessionRecord } from './load-report.js';

const traffic = (sent: number, received: number) => ({
  sentPackets: sent,
  sentBytes: sent * 100,
  refused: 0,
  receivedPackets: received,
  receivedBytes: received * 100,
  otherPackets: 1,
  badChecksums: 0,
});

test('totals, rates, errors and drops come out of the per-session records', () => {
  const records: SessionRecord[] = [
    {
      index: 0,
      setupMs: 10,
      localAddress: '10.0.0.200',
      end: clientEnd('admin'),
      endedIn: 'teardown',
      traffic: traffic(100, 100),
    },
    {
      index: 1,
      setupMs: 30,
      localAddress: '10.0.0.201',
      end: clientEnd('peer-terminated'),
      endedIn: 'traffic',
      traffic: traffic(50, 40),
    },
    { index: 2, setupMs: 5, setupError: clientEnd('auth-failed', 'E=691') },
    { index: 3 },
  ];
  const report = buildReport({
    server: '172.31.255.1',
    startedAt: '2026-01-01T00:00:00.000Z',
    concurrency: 2,
    setupWallMs: 40,
    teardownWallMs: 10,
    holdMs: 0,
    traffic: {
      spec: { target: '10.0.0.5', port: 7, sizeBytes: 100, rate: 10, durationSeconds: 1 },
      durationMs: 1000,
    },
    records,
  });
  assert.deepEqual(report.sessions, { requested: 4, established: 2, failed: 1, dropped: 1, skipped: 1 });
  assert.deepEqual(report.errors, { 'auth-failed': 1, 'peer-terminated': 1 });
  assert.equal(report.setup.sessionsPerSecond, 50);
  assert.equal(report.setup.ms.max, 30);
  assert.deepEqual(report.traffic?.sent, { packets: 150, bytes: 15000 });
  assert.deepEqual(report.traffic?.received, { packets: 140, bytes: 14000 });
  assert.equal(report.traffic?.sentPps, 150);
  assert.equal(report.traffic?.sentMbitPerSecond, 0.12);
  assert.equal(report.traffic?.otherReceived, 2);
  assert.equal(report.teardown.sessionsPerSecond, 100);
  const text = formatReport(report);
  assert.match(text, /sessions: 2\/4 established, 1 failed, 1 dropped/);
  assert.match(text, /errors: auth-failed 1, peer-terminated 1/);
  assert.match(text, /sent 150 packets/);
});
