// Runs the pure-vs-OpenSSL comparisons of md4.test and rc4.test in a child `node
// --openssl-legacy-provider`, so both paths are checked even when this run lacks the legacy provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nativeSupport } from './native.js';

const LEGACY = '--openssl-legacy-provider';

function childEnv(): NodeJS.ProcessEnv {
  // A parent `node --test` sets NODE_TEST_CONTEXT, which would make the child report in its private
  // protocol instead of TAP.
  const env = { ...process.env };
  delete env['NODE_TEST_CONTEXT'];
  return env;
}

function legacyProviderWorks(): boolean {
  const probe = spawnSync(process.execPath, [LEGACY, '-e', "require('crypto').createHash('md4')"], {
    env: childEnv(),
  });
  return probe.status === 0;
}

const native = nativeSupport.md4 && nativeSupport.rc4;

test(
  'pure MD4/RC4 equal OpenSSL MD4/RC4 under node --openssl-legacy-provider (child process)',
  {
    skip: native
      ? 'this process already runs the native comparisons'
      : !legacyProviderWorks() && 'no legacy provider',
  },
  () => {
    const files = ['md4.test.js', 'rc4.test.js'].map((name) => fileURLToPath(new URL(name, import.meta.url)));
    const child = spawnSync(process.execPath, [LEGACY, '--test', '--test-reporter=tap', ...files], {
      env: childEnv(),
      encoding: 'utf8',
    });
    const output = `${child.stdout}\n${child.stderr}`;
    assert.equal(child.status, 0, output);
    for (const name of ['pure MD4 and OpenSSL MD4 agree', 'pure RC4 and OpenSSL RC4 agree']) {
      const line = output.split('\n').find((l) => l.includes(name) && /^\s*ok /.test(l));
      assert.ok(line !== undefined, `"${name}" passed in the child:\n${output}`);
      assert.ok(!line.includes('# SKIP'), `"${name}" ran rather than skipped: ${line}`);
    }
  },
);
