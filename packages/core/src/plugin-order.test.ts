import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderPlugins } from './plugin-order.js';
import { createToken } from './tokens.js';
import { ErrorCodes } from './errors.js';
import type { Plugin } from './plugin.js';

const a = createToken<number>('test.a');
const b = createToken<number>('test.b');
const store = createToken<number>('test.store');

test('plugins start after the providers of what they require or use', () => {
  const plugins: Plugin[] = [
    { id: 'consumer', requires: [b], uses: [store] },
    { id: 'middle', provides: [b], requires: [a] },
    { id: 'base', provides: [a] },
    { id: 'secrets', provides: [store] },
    { id: 'radius', provides: [store] },
  ];
  assert.deepEqual(
    orderPlugins(plugins).map((p) => p.id),
    ['base', 'middle', 'secrets', 'radius', 'consumer'],
  );
});

test('a missing provider names the plugin and the token', () => {
  assert.throws(() => orderPlugins([{ id: 'lcp', requires: [a] }]), {
    code: ErrorCodes.pluginMissingDependency,
    message: "plugin 'lcp' requires 'test.a', which no listed plugin provides",
  });
});

test('an optional (uses) token without provider is fine', () => {
  assert.deepEqual(
    orderPlugins([{ id: 'x', uses: [a] }]).map((p) => p.id),
    ['x'],
  );
});

test('cycles and duplicate ids are boot errors', () => {
  assert.throws(
    () =>
      orderPlugins([
        { id: 'p', provides: [a], requires: [b] },
        { id: 'q', provides: [b], requires: [a] },
      ]),
    { code: ErrorCodes.pluginCycle, message: 'plugin dependency cycle: p -> q -> p' },
  );
  assert.throws(() => orderPlugins([{ id: 'p' }, { id: 'p' }]), { code: ErrorCodes.pluginDuplicate });
});
