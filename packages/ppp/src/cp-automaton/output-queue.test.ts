import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutputQueue } from './output-queue.js';
import type { CpOutput } from './outputs.js';

const layer = (signal: 'up' | 'down' | 'started' | 'finished'): CpOutput => ({ kind: 'layer', signal });
const name = (output: CpOutput) => (output.kind === 'layer' ? output.signal : output.kind);

test('outputs of re-entrant calls wait behind the current ones, in order, and nothing is kept after', () => {
  const seen: string[] = [];
  const queue: OutputQueue = new OutputQueue((output) => {
    seen.push(name(output));
    if (output.kind === 'layer' && output.signal === 'up') queue.deliver([layer('finished')]);
    if (output.kind === 'layer' && output.signal === 'finished') queue.deliver([layer('started')]);
  });
  assert.deepEqual(queue.deliver([layer('up'), layer('down')]).map(name), ['up', 'down']);
  assert.deepEqual(seen, ['up', 'down', 'finished', 'started']);
  assert.equal(queue['pending'], undefined, 'no queue array held between deliveries');
});

test('a throwing sink drops what was queued: nothing stale is replayed by the next delivery', () => {
  const seen: string[] = [];
  let fail = true;
  const queue: OutputQueue = new OutputQueue((output) => {
    seen.push(name(output));
    if (output.kind === 'layer' && output.signal === 'up') queue.deliver([layer('finished')]);
    if (fail && output.kind === 'layer' && output.signal === 'down') throw new Error('bug');
  });
  assert.throws(() => queue.deliver([layer('up'), layer('down')]));
  fail = false;
  queue.deliver([layer('started')]);
  assert.deepEqual(seen, ['up', 'down', 'started']);
});
