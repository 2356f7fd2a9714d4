import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MppeKeySchedule } from '@switchyard/crypto';
import { rfc3079V1Example, rfc3079V2Example } from '@switchyard/crypto/testing';
import { startKeys } from './session-keys.js';

const v2 = { kind: 'mschapv2', masterKey: rfc3079V2Example.masterKey } as const;

test('MS-CHAPv2 server: send key Magic3 (RFC 3079 §3.5.3), receive key Magic2; the client mirrors it', () => {
  const server = startKeys(v2, 'server');
  const client = startKeys(v2, 'client');
  assert.deepEqual(server?.send, rfc3079V2Example.sendStartKey);
  assert.deepEqual(server?.receive, rfc3079V2Example.receiveStartKey);
  assert.deepEqual(client?.send, server?.receive);
  assert.deepEqual(client?.receive, server?.send);
});

test('the initial session keys of every strength match RFC 3079 §3.5 (no RC4 step, erratum 3)', () => {
  const server = startKeys(v2, 'server');
  assert.ok(server);
  for (const strength of [40, 56, 128] as const) {
    assert.deepEqual(
      new MppeKeySchedule(server.send, strength).sessionKey,
      rfc3079V2Example.sendSessionKey[strength],
    );
    assert.deepEqual(
      new MppeKeySchedule(server.receive, strength).sessionKey,
      rfc3079V2Example.receiveSessionKey[strength],
    );
  }
});

test('MS-CHAPv1: Get_Start_Key(challenge, PasswordHashHash) both ways, as pppd (RFC 3079 §2.5.3)', () => {
  const keys = startKeys(
    { kind: 'mschapv1', masterKey: rfc3079V1Example.passwordHashHash, challenge: rfc3079V1Example.challenge },
    'server',
  );
  assert.ok(keys);
  assert.deepEqual(keys.send, rfc3079V1Example.initialSessionKey);
  assert.deepEqual(keys.receive, keys.send);
  assert.notEqual(keys.receive, keys.send, 'two buffers');
  assert.deepEqual(new MppeKeySchedule(keys.send, 128).sessionKey, rfc3079V1Example.currentSessionKey);
});

test('unusable material gives no keys', () => {
  assert.equal(startKeys({ kind: 'mschapv2', masterKey: new Uint8Array(8) }, 'server'), undefined);
  assert.equal(startKeys({ kind: 'mschapv1', masterKey: new Uint8Array(16) }, 'server'), undefined);
});

test('the kept pair hands out copies: nothing done with a key given to a cipher changes the next one', () => {
  const keys = startKeys(v2, 'server');
  assert.ok(keys);
  const send = keys.send;
  send.fill(0);
  assert.deepEqual(keys.send, rfc3079V2Example.sendStartKey);
  assert.notEqual(keys.receive, keys.receive, 'a new array each time');
  assert.equal(keys.receive.length, 16);
});
