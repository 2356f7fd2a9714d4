import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChapSecret } from './chap-secrets.js';
import { reservationsOf } from './reservations.js';

const line = (client: string, addresses: string[], n = 1): ChapSecret => ({
  line: n,
  client,
  server: '*',
  secret: 's',
  addresses,
});

test('plain addresses (and /32) of named users are reserved for them; the first line wins', () => {
  const reserved = reservationsOf([
    line('vpn1', ['10.0.0.201']),
    line('vpn2', ['10.0.0.202/32', '10.0.0.203']),
    line('vpn3', ['10.0.0.201'], 3),
  ]);
  assert.deepEqual(
    [...reserved],
    [
      ['10.0.0.201', 'vpn1'],
      ['10.0.0.202', 'vpn2'],
      ['10.0.0.203', 'vpn2'],
    ],
  );
});

test('wildcards, subnets, exclusions, `-`, names and `*` clients reserve nothing', () => {
  const reserved = reservationsOf([
    line('*', ['10.0.0.204']),
    line('vpn4', ['*']),
    line('vpn5', ['-']),
    line('vpn6', ['10.0.1.0/24', '!10.0.0.205']),
    line('vpn7', ['gateway.example']),
    line('vpn8', []),
  ]);
  assert.equal(reserved.size, 0);
});
