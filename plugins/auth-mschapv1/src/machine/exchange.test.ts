// MS-CHAPv1 exchanges end to end: the RFC 2433 App. B.2 vector through both roles, key material
// checked against RFC 3079 §2.5, an in-memory pair, wrong and LM-only responses, retries (RFC 2433 §8).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange, CredentialAnswer } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { hashNtPasswordHash } from '@switchyard/crypto';
import { rfc2433Example as ex, rfc3079V1Example } from '@switchyard/crypto/testing';
import {
  type MschapConfig,
  chapValuePacket,
  decodeChapPacket,
  encodeChapPacket,
  fromUtf8,
  utf8,
} from '@switchyard/ppp/auth';
import { ExchangeEnd, connectExchanges, fixedRandom, found, settle } from '@switchyard/ppp/auth/testing';
import { createMschapV1Authenticator } from './authenticator.js';
import { mschapV1Digest } from './mschap-v1-digest.js';

let seed = 0x2433;
const repeatableRandom = (n: number): Uint8Array =>
  Uint8Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });

async function pair(options: {
  password?: string;
  secret?: string;
  challenge?: Uint8Array;
  lookup?: () => Promise<CredentialAnswer>;
  config?: Partial<MschapConfig>;
}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const secret = options.secret ?? 'MyPw';
  const server = new ExchangeEnd({
    clock,
    logger: logs.logger(),
    lookup: options.lookup ?? (async () => found(secret)),
  });
  const client = new ExchangeEnd({ clock, logger: logs.logger() });
  const serverRandom = options.challenge
    ? fixedRandom(Uint8Array.of(9), options.challenge)
    : repeatableRandom;
  const config = options.config ?? {};
  const a: AuthExchange = createMschapV1Authenticator(config, serverRandom).authenticate(server.context);
  const b: AuthExchange = createMschapV1Authenticator(config, repeatableRandom).prove(client.context, {
    user: 'vpn1',
    secret: options.password ?? secret,
  });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  return { server, client };
}

test('RFC 2433 App. B.2 vector through both roles: the peer sends the published NT-Response', async () => {
  const { server, client } = await pair({ challenge: ex.challenge });
  const response = decodeChapPacket(client.sent[0] ?? new Uint8Array());
  assert.ok(response.ok && response.value.kind === 'response');
  assert.deepEqual(response.value.value.subarray(0, 24), new Uint8Array(24), 'LM-Response zero-filled (§6)');
  assert.deepEqual(response.value.value.subarray(24, 48), ex.ntChallengeResponse);
  assert.equal(response.value.value[48], 1, 'use-NT flag');
  const success = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(success.ok && success.value.kind === 'success');
  assert.equal(fromUtf8(success.value.message), 'Access granted');
  const keys = { kind: 'mschapv1', masterKey: hashNtPasswordHash(ex.passwordHash), challenge: ex.challenge };
  assert.deepEqual(server.result?.ok && server.result.keys, keys);
  assert.deepEqual(client.result?.ok && client.result.keys, keys);
});

test("key material is RFC 3079 §2.5's PasswordHashHash and challenge (input of Get_Start_Key)", async () => {
  const v = rfc3079V1Example;
  const { server, client } = await pair({ challenge: v.challenge, secret: v.password });
  const expected = { kind: 'mschapv1', masterKey: v.passwordHashHash, challenge: v.challenge };
  assert.deepEqual(server.result?.ok && server.result.keys, expected);
  assert.deepEqual(client.result?.ok && client.result.keys, expected);
});

test('in memory with random challenges: both succeed with identical key material', async () => {
  const { server, client } = await pair({});
  assert.ok(server.result?.ok && client.result?.ok);
  assert.deepEqual(server.result.keys, client.result.keys);
});

test('wrong password: Failure "E=691 R=0 C=<16 hex> V=2", done(wrong-secret) and the peer done(rejected)', async () => {
  const { server, client } = await pair({ password: 'nope' });
  const failure = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(failure.ok && failure.value.kind === 'failure');
  assert.match(fromUtf8(failure.value.message), /^E=691 R=0 C=[0-9a-f]{16} V=2$/);
  assert.equal(server.result?.ok === false && server.result.code, 'wrong-secret');
  assert.equal(client.result?.ok === false && client.result.code, 'rejected');
});

test('an LM-only Response (use-NT flag 0) is refused as pppd does: done(malformed)', async () => {
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    lookup: async () => found('MyPw'),
  });
  const server = createMschapV1Authenticator({}, fixedRandom(Uint8Array.of(3), ex.challenge)).authenticate(
    end.context,
  );
  server.start();
  const value = new Uint8Array(49);
  value.set(ex.ntChallengeResponse, 24); // right NT-Response, but the flag says "use LM"
  server.receive(encodeChapPacket(chapValuePacket('response', 3, value, utf8('vpn1'))));
  await settle();
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'malformed',
    reason: 'peer sent only the LAN Manager response (not supported)',
  });
});

test("R=1 with C= gives the retry's challenge; without C= it is the old one + 23 in the first octet (RFC 2433 §8)", () => {
  const last = ex.challenge;
  assert.deepEqual(
    mschapV1Digest.retryChallenge('E=691 R=1 C=0102030405060708 V=2', last),
    Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
  );
  const implied = mschapV1Digest.retryChallenge('E=691 R=1', last);
  assert.deepEqual(implied, Uint8Array.of(0x10 + 23, 0x2d, 0xb5, 0xdf, 0x08, 0x5d, 0x30, 0x41));
  assert.equal(mschapV1Digest.retryChallenge('E=691 R=0 C=0102030405060708', last), undefined);
  assert.equal(mschapV1Digest.retryChallenge('E=691 R=1 C=01020304', last), undefined);
});

test('R=1 then success in memory: a transient store failure is retried against C=', async () => {
  let calls = 0;
  const lookup = async (): Promise<CredentialAnswer> =>
    calls++ === 0 ? { kind: 'unavailable', reason: 'blip' } : found('MyPw');
  const { server, client } = await pair({ lookup, config: { maxRetries: 1 } });
  const failure = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(failure.ok && failure.value.kind === 'failure');
  assert.match(fromUtf8(failure.value.message), /^E=691 R=1 C=[0-9a-f]{16} V=2$/);
  assert.ok(server.result?.ok && client.result?.ok);
  assert.deepEqual(server.result.keys, client.result.keys);
});

test('the peer drops a Challenge that is not 8 bytes', () => {
  const end = new ExchangeEnd({ clock: new ManualClock(), logger: new LogCapture().logger() });
  const client = createMschapV1Authenticator({}, repeatableRandom).prove(end.context, {
    user: 'vpn1',
    secret: 'x',
  });
  client.start();
  client.receive(encodeChapPacket(chapValuePacket('challenge', 1, new Uint8Array(16), utf8('srv'))));
  assert.equal(end.sent.length, 0);
});
