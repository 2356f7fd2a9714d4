import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyLimiter, type LimitedJob } from './limiter.js';

/** A job the test finishes by hand. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const j: LimitedJob & { finish: () => void } = {
    start: () => {
      log.push(`start ${name}`);
      return new Promise<void>((resolve) => (finish = resolve));
    },
    cancel: () => log.push(`cancel ${name}`),
    finish: () => finish(),
  };
  return j;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('at most `limit` jobs run; the others start in submission order as slots free up', async () => {
  const log: string[] = [];
  const limiter = new ConcurrencyLimiter(2);
  const jobs = ['a', 'b', 'c', 'd'].map((n) => job(log, n));
  for (const j of jobs) limiter.submit(j);
  assert.deepEqual(log, ['start a', 'start b']);
  assert.equal(limiter.active, 2);
  assert.equal(limiter.waiting, 2);
  jobs[1]!.finish();
  await turn();
  assert.deepEqual(log, ['start a', 'start b', 'start c']);
  jobs[0]!.finish();
  await turn();
  assert.deepEqual(log.at(-1), 'start d');
  assert.equal(limiter.waiting, 0);
});

test('10,000 submissions never run more than the limit at once, and all of them run', async () => {
  const limiter = new ConcurrencyLimiter(16);
  let running = 0;
  let peak = 0;
  let done = 0;
  for (let i = 0; i < 10_000; i++) {
    limiter.submit({
      start: async () => {
        running++;
        peak = Math.max(peak, running);
        await Promise.resolve();
        running--;
        done++;
      },
      cancel: () => assert.fail('nothing is cancelled'),
    });
  }
  await limiter.idle();
  assert.equal(done, 10_000);
  assert.equal(peak, 16);
});

test('a job that throws or rejects frees its slot', async () => {
  const limiter = new ConcurrencyLimiter(1);
  const log: string[] = [];
  limiter.submit({ start: () => { throw new Error('bug'); }, cancel: () => {} }); // prettier-ignore
  limiter.submit({ start: () => Promise.reject(new Error('failed')), cancel: () => {} });
  const last = job(log, 'last');
  limiter.submit(last);
  await turn();
  assert.deepEqual(log, ['start last']);
});

test('idle() waits for running and queued jobs; cancelWaiting() drops only those not started', async () => {
  const log: string[] = [];
  const limiter = new ConcurrencyLimiter(1);
  const a = job(log, 'a');
  limiter.submit(a);
  limiter.submit(job(log, 'b'));
  limiter.submit(job(log, 'c'));
  let idle = false;
  void limiter.idle().then(() => (idle = true));
  assert.equal(limiter.cancelWaiting(), 2);
  assert.deepEqual(log, ['start a', 'cancel b', 'cancel c']);
  await turn();
  assert.equal(idle, false, 'a still runs');
  a.finish();
  await turn();
  assert.equal(idle, true);
});

test('a limit below 1 is a bug', () => {
  assert.throws(() => new ConcurrencyLimiter(0));
});
