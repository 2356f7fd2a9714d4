import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchedWriter, createLogger, formatLogJson, formatLogText, type LogRecord } from './logger.js';

test('records below the level are dropped; debug is kept only at level debug (pptpd `debug`)', () => {
  const records: LogRecord[] = [];
  const info = createLogger({ level: 'info', sink: (r) => records.push(r) });
  info.debug('trace');
  info.info('connect');
  info.error('boom');
  assert.deepEqual(
    records.map((r) => r.message),
    ['connect', 'boom'],
  );
  assert.equal(info.debugEnabled, false);
  assert.equal(createLogger({ level: 'debug', sink: () => {} }).debugEnabled, true);
});

test('child loggers add structured fields; text and JSON renderings carry them', () => {
  const records: LogRecord[] = [];
  const root = createLogger({ level: 'debug', sink: (r) => records.push(r) });
  root.child({ plugin: 'lcp' }).child({ session: 4 }).info('opened', { mru: 1400, peer: 'a b' });
  const record = records[0]!;
  assert.deepEqual(record.fields, { plugin: 'lcp', session: 4, mru: 1400, peer: 'a b' });
  assert.match(formatLogText(record), /^\S+Z info {2}\[plugin=lcp session=4\] opened mru=1400 peer="a b"$/);
  assert.deepEqual(JSON.parse(formatLogJson(record)), {
    time: record.time.toISOString(),
    level: 'info',
    msg: 'opened',
    plugin: 'lcp',
    session: 4,
    mru: 1400,
    peer: 'a b',
  });
});

test('child loggers share their methods: sessions keep thousands of them', () => {
  const root = createLogger({ level: 'info', sink: () => {} });
  const [a, b] = [root.child({ session: 1 }), root.child({ session: 2 })];
  for (const method of ['error', 'warn', 'info', 'debug', 'child'] as const) {
    assert.equal(a[method], b[method], method);
  }
});

test('lines of one event-loop turn leave in one write, in order; flush() sends what is pending at once', async () => {
  const writes: string[] = [];
  const log = batchedWriter((chunk) => writes.push(chunk));
  log.write('a\n');
  log.write('b\n');
  assert.deepEqual(writes, []);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(writes, ['a\nb\n']);
  log.write('c\n');
  log.flush();
  assert.deepEqual(writes, ['a\nb\n', 'c\n']);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(writes, ['a\nb\n', 'c\n'], 'nothing written twice');
});
