import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SmallMap } from './small-map.js';

test('SmallMap: get, set (add and replace), delete, size, clear, values as a snapshot', () => {
  const map = new SmallMap<number, string>();
  assert.equal(map.get(1), undefined);
  map.set(1, 'a');
  map.set(2, 'b');
  map.set(1, 'A');
  assert.equal(map.size, 2);
  assert.equal(map.get(1), 'A');
  const snapshot = map.values();
  assert.equal(map.delete(1), true);
  assert.equal(map.delete(1), false);
  assert.deepEqual([...snapshot], ['A', 'b'], 'an earlier snapshot is not changed by later calls');
  assert.deepEqual([...map.values()], ['b']);
  map.clear();
  assert.equal(map.size, 0);
  assert.equal(map.get(2), undefined);
});
