import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '@switchyard/core';
import type { LoadedSecrets } from './io/read-secrets.js';
import { SecretsFileStore, type SecretsSource } from './store.js';

/** A source whose stamp() calls wait until released, counting them; load() serves `secret`. */
function gatedSource() {
  const state = { version: 1, secret: 'one', stamps: 0, pending: [] as (() => void)[] };
  const source: SecretsSource = {
    path: '/etc/ppp/chap-secrets',
    stamp: () => {
      state.stamps += 1;
      const version = state.version; // the file as it is when stat(2) runs
      return new Promise((resolve) => state.pending.push(() => resolve(String(version))));
    },
    load: async (): Promise<LoadedSecrets> => ({
      path: '/etc/ppp/chap-secrets',
      entries: [{ client: 'u', server: '*', secret: state.secret, addresses: [], line: 1 }],
      problems: [],
      warnings: [],
      stamp: String(state.version),
    }),
  };
  const release = async () => {
    while (state.pending.length > 0) {
      for (const go of state.pending.splice(0)) go();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { state, source, release };
}

const quiet = createLogger({ level: 'error', sink: () => undefined });

test('logins in flight together share stamp checks: two stat calls for 64 lookups', async () => {
  const { state, source, release } = gatedSource();
  const store = new SecretsFileStore(source, { reloadOnChange: true });
  await store.open(quiet);
  const lookups = Array.from({ length: 64 }, () => store.lookup({ user: 'u', server: 'x' }));
  await release();
  const answers = await Promise.all(lookups);
  assert.ok(answers.every((a) => a.kind === 'found'));
  assert.equal(state.stamps, 2);
});

test('a login that starts while a check runs still sees an edit made before it started', async () => {
  const { state, source, release } = gatedSource();
  const store = new SecretsFileStore(source, { reloadOnChange: true });
  await store.open(quiet);
  const first = store.lookup({ user: 'u', server: 'x' }); // its stat runs on the old file
  await new Promise((resolve) => setImmediate(resolve));
  state.version = 2;
  state.secret = 'two';
  const second = store.lookup({ user: 'u', server: 'x' });
  await release();
  assert.deepEqual(await first, { kind: 'found', secret: 'one', addresses: [] });
  assert.deepEqual(await second, { kind: 'found', secret: 'two', addresses: [] });
});
