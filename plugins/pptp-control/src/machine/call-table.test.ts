import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallTable } from './call-table.js';

test('CallTable: get, set (add and replace by Call ID), delete, size, clear, values as a snapshot', () => {
  const table = new CallTable<{ callId: number; name: string }>();
  assert.equal(table.get(1), undefined);
  table.set({ callId: 1, name: 'a' });
  table.set({ callId: 2, name: 'b' });
  table.set({ callId: 1, name: 'A' });
  assert.equal(table.size, 2);
  assert.equal(table.get(1)?.name, 'A');
  const snapshot = table.values();
  assert.equal(table.delete(1)?.name, 'A');
  assert.equal(table.delete(1), undefined);
  assert.deepEqual(
    snapshot.map((c) => c.name),
    ['A', 'b'],
    'an earlier snapshot is not changed by later calls',
  );
  assert.deepEqual(
    table.values().map((c) => c.name),
    ['b'],
  );
  assert.equal(table.delete(2)?.name, 'b');
  assert.equal(table.size, 0);
  table.set({ callId: 3, name: 'c' });
  table.clear();
  assert.equal(table.size, 0);
  assert.equal(table.get(3), undefined);
});
