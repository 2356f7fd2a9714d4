// CHAP-MD5 (RFC 1994) end to end: the Response Value against an independent MD5 (Python hashlib),
// pppd's challenge sizes and texts, an in-memory pair, wrong secret without retry, timers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange, CredentialAnswer } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { hex, toHex } from '@switchyard/wire';
import { chapValuePacket, decodeChapPacket, encodeChapPacket, fromUtf8, utf8 } from '@switchyard/ppp/auth';
import { ExchangeEnd, connectExchanges, fixedRandom, found, settle } from '@switchyard/ppp/auth/testing';
import { createChapMd5Authenticator } from './authenticator.js';
import { chapMd5Digest, chapMd5Response } from './md5-digest.js';

const CHALLENGE = hex('10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f');

let seed = 0x1994;
const repeatableRandom = (n: number): Uint8Array =>
  Uint8Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });

async function pair(password: string, lookup: () => Promise<CredentialAnswer> = async () => found('123456')) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const server = new ExchangeEnd({ clock, logger: logs.logger(), lookup });
  const client = new ExchangeEnd({ clock, logger: logs.logger() });
  const a: AuthExchange = createChapMd5Authenticator({}, repeatableRandom).authenticate(server.context);
  const b: AuthExchange = createChapMd5Authenticator({}, repeatableRandom).prove(client.context, {
    user: 'vpn1',
    secret: password,
  });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  return { clock, server, client };
}

test('Response Value = MD5(Identifier ‖ secret ‖ challenge) (RFC 1994 §2.2), checked against hashlib', () => {
  assert.equal(toHex(chapMd5Response(0x2a, '123456', CHALLENGE)), '4b11d9bb6c0e414c02528af91d2a4534');
  assert.equal(toHex(chapMd5Response(0x2b, '123456', CHALLENGE)), '1e5043778b4a134550f31091ed5fa4f1');
});

test("challenges are 16 to 24 bytes, like pppd's chap-md5.c", () => {
  const sizes = new Set<number>();
  for (let i = 0; i < 200; i++) sizes.add(chapMd5Digest.challenge(repeatableRandom).length);
  assert.deepEqual(
    [...sizes].sort((a, b) => a - b),
    [16, 17, 18, 19, 20, 21, 22, 23, 24],
  );
});

test('the authenticator accepts the hashlib-computed Response with "Access granted"', async () => {
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    lookup: async () => found('123456', ['10.0.0.201']),
  });
  const server = createChapMd5Authenticator(
    {},
    fixedRandom(Uint8Array.of(0x2a), Uint8Array.of(0), CHALLENGE),
  ).authenticate(end.context);
  server.start();
  const challenge = decodeChapPacket(end.sent[0] ?? new Uint8Array());
  assert.ok(challenge.ok && challenge.value.kind === 'challenge');
  assert.deepEqual(challenge.value.value, CHALLENGE);
  server.receive(
    encodeChapPacket(
      chapValuePacket('response', 0x2a, hex('4b11d9bb6c0e414c02528af91d2a4534'), utf8('vpn1')),
    ),
  );
  await settle();
  const success = decodeChapPacket(end.sent[1] ?? new Uint8Array());
  assert.ok(success.ok && success.value.kind === 'success');
  assert.equal(fromUtf8(success.value.message), 'Access granted');
  assert.deepEqual(end.result, { ok: true, user: 'vpn1', addresses: ['10.0.0.201'] });
});

test('in memory: both roles succeed; no MPPE keys come from CHAP-MD5', async () => {
  const { server, client } = await pair('123456');
  assert.deepEqual(server.result, { ok: true, user: 'vpn1', addresses: [] });
  assert.deepEqual(client.result, { ok: true, user: 'vpn1' });
});

test('wrong secret: Failure "Access denied", never a retry; the peer is rejected', async () => {
  const { server, client } = await pair('654321');
  const failure = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(failure.ok && failure.value.kind === 'failure');
  assert.equal(fromUtf8(failure.value.message), 'Access denied');
  assert.equal(server.result?.ok === false && server.result.code, 'wrong-secret');
  assert.deepEqual(client.result, {
    ok: false,
    user: 'vpn1',
    code: 'rejected',
    reason: 'authenticator sent Failure: Access denied',
  });
});

test('a Response Value that is not 16 bytes fails as malformed', async () => {
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    lookup: async () => found('x'),
  });
  const server = createChapMd5Authenticator({}, fixedRandom(Uint8Array.of(1))).authenticate(end.context);
  server.start();
  server.receive(encodeChapPacket(chapValuePacket('response', 1, new Uint8Array(15), utf8('vpn1'))));
  await settle();
  assert.equal(end.result?.ok === false && end.result.code, 'malformed');
});

test('timers: with restartSeconds 2 and maxChallenge 4 the authenticator gives up after 8 s', () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  createChapMd5Authenticator({ restartSeconds: 2, maxChallenge: 4 }, repeatableRandom)
    .authenticate(end.context)
    .start();
  clock.advance(7999);
  assert.equal(end.sent.length, 4);
  assert.equal(end.results.length, 0);
  clock.advance(1);
  assert.deepEqual(end.result, { ok: false, code: 'timeout', reason: 'no CHAP Response after 4 Challenges' });
});
