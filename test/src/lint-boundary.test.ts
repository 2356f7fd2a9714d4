// The lint rule that keeps I/O out of pure code (STYLE.md §3.6): codec/ and machine/ folders and the
// pure packages may not import sockets, files, child processes or the native binding; io/ may.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function importErrors(filePath: string, module: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${module}';\nexport const x = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('pure folders may not import I/O modules or the native binding', async () => {
  for (const [file, module] of [
    ['plugins/gre/src/codec/probe.ts', 'node:dgram'],
    ['plugins/pptp-control/src/machine/probe.ts', 'node:net'],
    ['packages/ppp/src/link/probe.ts', 'node:fs'],
    ['packages/crypto/src/probe.ts', 'node:child_process'],
    ['plugins/tun/src/machine/probe.ts', '@switchyard/node-tun'],
    ['plugins/mppe/src/machine/probe.ts', '@switchyard/crypto-native'],
    ['plugins/gre/src/codec/probe.ts', '../io/gre-endpoint.js'],
  ] as const) {
    const errors = await importErrors(file, module);
    assert.equal(errors.length, 1, `${file} importing ${module}: ${errors.join('; ')}`);
  }
});

test('io/ folders, plugin wiring and tests may do I/O', async () => {
  assert.deepEqual(await importErrors('plugins/gre/src/io/probe.ts', 'node:dgram'), []);
  assert.deepEqual(await importErrors('plugins/pptp-control/src/plugin.ts', 'node:os'), []);
  assert.deepEqual(await importErrors('plugins/gre/src/codec/probe.test.ts', 'node:fs'), []);
});
