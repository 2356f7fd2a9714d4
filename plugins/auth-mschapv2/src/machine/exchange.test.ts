// MS-CHAPv2 exchanges end to end: the RFC 2759 §9.2 vector through both roles, an authenticator and a
// peer joined in memory (same MPPE keys), wrong passwords, R=1 retries, a forged S=, domains, timers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  AuthExchange,
  AuthResult,
  CredentialAnswer,
  CredentialQuery,
  MppeKeyMaterial,
} from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { generateNtResponse, getMasterKey, hashNtPasswordHash, ntPasswordHash } from '@switchyard/crypto';
import { rfc2759Example as ex, rfc3079V2Example } from '@switchyard/crypto/testing';
import {
  type MschapConfig,
  chapStatusPacket,
  chapValuePacket,
  decodeChapPacket,
  encodeChapPacket,
  encodeMschapV2Response,
  fromUtf8,
  utf8,
} from '@switchyard/ppp/auth';
import { ExchangeEnd, connectExchanges, fixedRandom, found, settle } from '@switchyard/ppp/auth/testing';
import { createMschapV2Authenticator } from './authenticator.js';

type Lookup = (query: CredentialQuery) => Promise<CredentialAnswer>;

interface PairOptions {
  readonly serverConfig?: Partial<MschapConfig>;
  readonly peerConfig?: Partial<MschapConfig>;
  readonly lookup?: Lookup;
  readonly user?: string;
  readonly password?: string;
  readonly serverRandom?: (n: number) => Uint8Array;
  readonly peerRandom?: (n: number) => Uint8Array;
}

/** An authenticator and a peer joined in memory, both started. */
async function pair(options: PairOptions = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const server = new ExchangeEnd({
    clock,
    logger: logs.logger(),
    lookup: options.lookup ?? (async () => found('clientPass', ['10.0.0.201'])),
  });
  const client = new ExchangeEnd({ clock, logger: logs.logger() });
  const a: AuthExchange = createMschapV2Authenticator(
    options.serverConfig ?? {},
    options.serverRandom ?? repeatableRandom,
  ).authenticate(server.context);
  const b: AuthExchange = createMschapV2Authenticator(
    options.peerConfig ?? {},
    options.peerRandom ?? repeatableRandom,
  ).prove(client.context, { user: options.user ?? 'User', secret: options.password ?? 'clientPass' });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b });
  b.start();
  a.start();
  await settle();
  return { clock, logs, server, client, a, b };
}

/** Pseudo-random but repeatable bytes, so failures replay. */
let seed = 0x2759;
function repeatableRandom(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });
}

const keysOf = (result: AuthResult | undefined): MppeKeyMaterial | undefined =>
  result?.ok ? result.keys : undefined;

test('RFC 2759 §9.2 vector through both roles: NT-Response, S= and MasterKey are the published values', async () => {
  const { server, client } = await pair({
    serverRandom: fixedRandom(Uint8Array.of(0x01), ex.authenticatorChallenge),
    peerRandom: fixedRandom(ex.peerChallenge),
  });
  const response = decodeChapPacket(client.sent[0] ?? new Uint8Array());
  assert.ok(response.ok && response.value.kind === 'response');
  assert.deepEqual(response.value.value.subarray(24, 48), ex.ntResponse);
  const success = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(success.ok && success.value.kind === 'success');
  assert.equal(fromUtf8(success.value.message), `${ex.authenticatorResponse} M=Access granted`);
  assert.deepEqual(keysOf(server.result), { kind: 'mschapv2', masterKey: rfc3079V2Example.masterKey });
  assert.deepEqual(keysOf(client.result), keysOf(server.result));
});

test('in memory with random challenges: both succeed with identical MPPE key material', async () => {
  const { server, client } = await pair();
  assert.ok(server.result?.ok && client.result?.ok);
  assert.equal(server.result.user, 'User');
  assert.deepEqual(server.result.addresses, ['10.0.0.201']);
  assert.equal(server.result.keys?.masterKey.length, 16);
  assert.deepEqual(server.result.keys, client.result.keys);
});

test('wrong password: Failure E=691 R=0 … V=3 M=Access denied; both sides done(ok: false)', async () => {
  const { server, client } = await pair({ password: 'wrong' });
  const failure = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(failure.ok && failure.value.kind === 'failure');
  assert.match(fromUtf8(failure.value.message), /^E=691 R=0 C=[0-9a-f]{32} V=3 M=Access denied$/);
  assert.equal(server.result?.ok === false && server.result.code, 'wrong-secret');
  assert.equal(client.result?.ok === false && client.result.code, 'rejected');
});

test('unknown user and an unavailable store fail with their own codes', async () => {
  const unknown = await pair({ lookup: async () => ({ kind: 'not-found' }) });
  assert.equal(unknown.server.result?.ok === false && unknown.server.result.code, 'unknown-user');
  const down = await pair({ lookup: async () => ({ kind: 'unavailable', reason: 'radius timeout' }) });
  assert.deepEqual(down.server.result, {
    ok: false,
    user: 'User',
    code: 'store-unavailable',
    reason: 'credential store unavailable: radius timeout',
  });
});

test('R=1 then success: the retry answers C= with id+1, and the keys come from the successful Response', async () => {
  let calls = 0;
  const lookup: Lookup = async () =>
    calls++ === 0 ? { kind: 'unavailable', reason: 'blip' } : found('clientPass');
  const { server, client } = await pair({
    lookup,
    serverConfig: { maxRetries: 1 },
    peerConfig: { maxRetries: 1 },
  });
  const failure = decodeChapPacket(server.sent[1] ?? new Uint8Array());
  assert.ok(failure.ok && failure.value.kind === 'failure');
  const text = fromUtf8(failure.value.message);
  assert.match(text, /^E=691 R=1 C=[0-9a-f]{32} V=3 M=Access denied$/);
  const retry = decodeChapPacket(client.sent[1] ?? new Uint8Array());
  assert.ok(retry.ok && retry.value.kind === 'response');
  assert.equal(retry.value.identifier, (failure.value.identifier + 1) & 0xff);
  const value = retry.value.value;
  const expectedNt = generateNtResponse({
    authenticatorChallenge: Buffer.from(/C=([0-9a-f]{32})/.exec(text)?.[1] ?? '', 'hex'),
    peerChallenge: value.subarray(0, 16),
    userName: 'User',
    secret: 'clientPass',
  });
  assert.deepEqual(value.subarray(24, 48), expectedNt, 'the retried NT-Response answers the new challenge');
  const masterKey = getMasterKey(hashNtPasswordHash(ntPasswordHash('clientPass')), expectedNt);
  assert.deepEqual(keysOf(server.result), { kind: 'mschapv2', masterKey });
  assert.deepEqual(keysOf(client.result), { kind: 'mschapv2', masterKey });
});

test('a manual retry with the right password after a wrong one is accepted (RFC 2433 App. B.1.3)', async () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({
    clock,
    logger: new LogCapture().logger(),
    lookup: async () => found('clientPass'),
  });
  const next = new Uint8Array(16).fill(7);
  const random = fixedRandom(Uint8Array.of(0x10), ex.authenticatorChallenge, next);
  const server = createMschapV2Authenticator({ maxRetries: 2 }, random).authenticate(end.context);
  server.start();
  const respond = (id: number, challenge: Uint8Array, secret: string) => {
    const ntResponse = generateNtResponse({
      authenticatorChallenge: challenge,
      peerChallenge: ex.peerChallenge,
      userName: 'User',
      secret,
    });
    const value = encodeMschapV2Response({ peerChallenge: ex.peerChallenge, ntResponse, flags: 0 });
    server.receive(encodeChapPacket(chapValuePacket('response', id, value, utf8('User'))));
  };
  respond(0x10, ex.authenticatorChallenge, 'wrong');
  await settle();
  respond(0x11, next, 'clientPass');
  await settle();
  const success = decodeChapPacket(end.sent[2] ?? new Uint8Array());
  assert.ok(success.ok && success.value.kind === 'success' && success.value.identifier === 0x11);
  assert.equal(end.result?.ok, true);
});

test('the peer ends the session on a forged or missing S= (RFC 2759 §5)', async () => {
  for (const forged of ['S=407A5589115FD0D6209F510FE9C04566932CDA57 M=Access granted', 'M=Access granted']) {
    const end = new ExchangeEnd({ clock: new ManualClock(), logger: new LogCapture().logger() });
    const client = createMschapV2Authenticator({}, fixedRandom(ex.peerChallenge)).prove(end.context, {
      user: 'User',
      secret: 'clientPass',
    });
    client.start();
    client.receive(
      encodeChapPacket(chapValuePacket('challenge', 5, ex.authenticatorChallenge, utf8('Nanu-VPN'))),
    );
    client.receive(encodeChapPacket(chapStatusPacket('success', 5, utf8(forged))));
    const result = end.result;
    assert.ok(result && !result.ok);
    assert.equal(result.code, 'unverified-authenticator');
  }
});

test('a duplicate Response after Success gets the same Success; done and the keys come once', async () => {
  const { server, client, a } = await pair();
  a.receive(client.sent[0] ?? new Uint8Array());
  await settle();
  assert.deepEqual(server.sent.at(-1), server.sent[1]);
  assert.equal(server.results.length, 1);
});

test('stripDomain: "BIGCO\\User" is looked up as "User"; the hash ignores the domain either way', async () => {
  for (const stripDomain of [true, false]) {
    const { server } = await pair({ user: 'BIGCO\\User', serverConfig: { stripDomain } });
    assert.equal(server.queries[0]?.user, stripDomain ? 'User' : 'BIGCO\\User');
    assert.equal(server.result?.ok, true);
  }
});

test('a Response with the Flags octet set gets "S=…" without M=, as pppd sends it', async () => {
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    lookup: async () => found('clientPass'),
  });
  const server = createMschapV2Authenticator(
    {},
    fixedRandom(Uint8Array.of(1), ex.authenticatorChallenge),
  ).authenticate(end.context);
  server.start();
  const value = encodeMschapV2Response({
    peerChallenge: ex.peerChallenge,
    ntResponse: ex.ntResponse,
    flags: 1,
  });
  server.receive(encodeChapPacket(chapValuePacket('response', 1, value, utf8('User'))));
  await settle();
  const success = decodeChapPacket(end.sent[1] ?? new Uint8Array());
  assert.ok(success.ok && success.value.kind === 'success');
  assert.equal(fromUtf8(success.value.message), ex.authenticatorResponse);
});

test('a Response Value that is not 49 bytes gets Failure and done(malformed)', async () => {
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    lookup: async () => found('clientPass'),
  });
  const server = createMschapV2Authenticator({}, fixedRandom(Uint8Array.of(1))).authenticate(end.context);
  server.start();
  server.receive(encodeChapPacket(chapValuePacket('response', 1, new Uint8Array(48), utf8('User'))));
  await settle();
  assert.equal(decodeChapPacket(end.sent[1] ?? new Uint8Array()).ok, true);
  assert.equal(end.result?.ok === false && end.result.code, 'malformed');
});

test('timers: the Challenge is resent every 3 s, and after 10 without a Response the exchange fails', () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  const server = createMschapV2Authenticator({}, repeatableRandom).authenticate(end.context);
  server.start();
  for (let i = 1; i <= 10; i++) {
    assert.equal(end.sent.length, i);
    clock.advance(3000);
  }
  assert.equal(end.sent.length, 10);
  assert.deepEqual(end.result, {
    ok: false,
    code: 'timeout',
    reason: 'no CHAP Response after 10 Challenges',
  });
});

test('timers: configured restartSeconds and maxChallenge are honoured', () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  createMschapV2Authenticator({ restartSeconds: 1, maxChallenge: 2 }, repeatableRandom)
    .authenticate(end.context)
    .start();
  clock.advance(1000);
  assert.equal(end.sent.length, 2);
  clock.advance(1000);
  assert.equal(end.result?.ok, false);
});

test('a lost Success is recovered: the peer repeats its Response and gets the same Success', async () => {
  const { clock, server, client } = await pairWithLoss();
  clock.advance(3000);
  await settle();
  assert.equal(server.results.length, 1);
  assert.deepEqual(keysOf(client.result), keysOf(server.result));
});

async function pairWithLoss() {
  const clock = new ManualClock();
  const server = new ExchangeEnd({
    clock,
    logger: new LogCapture().logger(),
    lookup: async () => found('clientPass'),
  });
  const client = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  const a = createMschapV2Authenticator({}, repeatableRandom).authenticate(server.context);
  const b = createMschapV2Authenticator({}, repeatableRandom).prove(client.context, {
    user: 'User',
    secret: 'clientPass',
  });
  let lostSuccess = false;
  connectExchanges(
    { end: server, exchange: () => a },
    { end: client, exchange: () => b },
    (packet, direction) => {
      if (direction === 'toPeer' && packet[0] === 3 && !lostSuccess) {
        lostSuccess = true;
        return [];
      }
      return [packet];
    },
  );
  b.start();
  a.start();
  await settle();
  assert.equal(client.results.length, 0, 'the Success was lost');
  return { clock, server, client };
}
