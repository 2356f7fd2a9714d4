import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askCredentialStores, type CredentialStore } from './credential-store.js';

const store = (name: string, answer: Awaited<ReturnType<CredentialStore['lookup']>>): CredentialStore => ({
  name,
  lookup: async () => answer,
});
const query = { user: 'vpn1', server: 'pptpd' };

test('credential stores are asked in order; the first found wins', async () => {
  const answer = await askCredentialStores(
    [
      store('secrets-file', { kind: 'not-found' }),
      store('radius', { kind: 'found', secret: 's', addresses: ['10.0.0.9'] }),
      store('ldap', { kind: 'found', secret: 'other', addresses: [] }),
    ],
    query,
  );
  assert.deepEqual(answer, { kind: 'found', secret: 's', addresses: ['10.0.0.9'] });
});

test('no store found the user: unavailable (fail closed, with reasons) beats not-found', async () => {
  assert.deepEqual(await askCredentialStores([store('a', { kind: 'not-found' })], query), {
    kind: 'not-found',
  });
  assert.deepEqual(
    await askCredentialStores(
      [store('radius', { kind: 'unavailable', reason: 'timeout' }), store('file', { kind: 'not-found' })],
      query,
    ),
    { kind: 'unavailable', reason: 'radius: timeout' },
  );
  assert.deepEqual(await askCredentialStores([], query), { kind: 'not-found' });
});
