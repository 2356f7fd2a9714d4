// MS-CHAPv2 against what the real peers did (shared/captures): with the captured challenges injected,
// our authenticator and our peer send pppd's and the Linux client's bytes exactly, except where we
// deviate from pppd on purpose (the Failure's R=, C= and V=, RFC 2759 §6).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { decodeChapPacket, fromUtf8 } from '@switchyard/ppp/auth';
import {
  CAPTURED_CHAP,
  type CapturedChapExchange,
  ExchangeEnd,
  capturedWrongPassword,
  fixedRandom,
  found,
  settle,
} from '@switchyard/ppp/auth/testing';
import { createMschapV2Authenticator } from './authenticator.js';

function parts(exchange: CapturedChapExchange) {
  const challenge = decodeChapPacket(exchange.challenge);
  const response = decodeChapPacket(exchange.response);
  assert.ok(challenge.ok && challenge.value.kind === 'challenge');
  assert.ok(response.ok && response.value.kind === 'response');
  return {
    identifier: challenge.value.identifier,
    challenge: challenge.value.value,
    peerChallenge: response.value.value.subarray(0, 16),
  };
}

function server(exchange: CapturedChapExchange, nextChallenge = new Uint8Array(16).fill(0x5a)) {
  const { identifier, challenge } = parts(exchange);
  const end = new ExchangeEnd({
    clock: new ManualClock(),
    logger: new LogCapture().logger(),
    localName: exchange.server,
    lookup: async () => found('123456', ['10.0.0.201']), // the captures' chap-secrets line
  });
  const random = fixedRandom(Uint8Array.of(identifier), challenge, nextChallenge);
  const authenticator: AuthExchange = createMschapV2Authenticator({}, random).authenticate(end.context);
  authenticator.start();
  return { end, authenticator };
}

function peer(exchange: CapturedChapExchange) {
  const end = new ExchangeEnd({ clock: new ManualClock(), logger: new LogCapture().logger() });
  const random = fixedRandom(parts(exchange).peerChallenge);
  const credentials = { user: exchange.user, secret: exchange.password };
  const exchangePeer: AuthExchange = createMschapV2Authenticator({}, random).prove(end.context, credentials);
  exchangePeer.start();
  return { end, peer: exchangePeer };
}

test("our authenticator sends pppd's exact Challenge and Success bytes for every captured login", async () => {
  for (const exchange of CAPTURED_CHAP.filter((e) => e.password === '123456')) {
    const { end, authenticator } = server(exchange);
    assert.deepEqual(end.sent[0], exchange.challenge, exchange.source);
    authenticator.receive(exchange.response);
    await settle();
    assert.deepEqual(end.sent[1], exchange.status, exchange.source);
    const result = end.result;
    assert.ok(result?.ok);
    assert.equal(result.user, 'vpn1');
    assert.deepEqual(result.addresses, ['10.0.0.201']);
    assert.equal(result.keys?.kind, 'mschapv2');
    assert.equal(result.keys?.masterKey.length, 16);
  }
});

test("our peer sends the Linux client's exact Response bytes and accepts pppd's Success", () => {
  for (const exchange of CAPTURED_CHAP.filter((e) => e.password === '123456')) {
    const { end, peer: client } = peer(exchange);
    client.receive(exchange.challenge);
    assert.deepEqual(end.sent[0], exchange.response, exchange.source);
    client.receive(exchange.status);
    const result = end.result;
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(result.keys?.kind, 'mschapv2');
  }
});

test('both ends derive the same MasterKey from a captured login', async () => {
  const exchange = CAPTURED_CHAP[0] as CapturedChapExchange;
  const a = server(exchange);
  a.authenticator.receive(exchange.response);
  await settle();
  const b = peer(exchange);
  b.peer.receive(exchange.challenge);
  b.peer.receive(exchange.status);
  assert.ok(a.end.result?.ok && b.end.result?.ok);
  assert.deepEqual(a.end.result.keys, b.end.result.keys);
});

test('wrong password: Failure E=691 R=0 with a new C= and V=3, where pppd sent R=1, the old C= and V=0', async () => {
  const exchange = capturedWrongPassword;
  const next = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
  const { end, authenticator } = server(exchange, next);
  authenticator.receive(exchange.response);
  await settle();
  const ours = decodeChapPacket(end.sent[1] ?? new Uint8Array());
  const pppd = decodeChapPacket(exchange.status);
  assert.ok(ours.ok && ours.value.kind === 'failure' && pppd.ok && pppd.value.kind === 'failure');
  assert.equal(ours.value.identifier, pppd.value.identifier);
  const text = fromUtf8(ours.value.message);
  assert.equal(text, 'E=691 R=0 C=a0a1a2a3a4a5a6a7a8a9aaabacadaeaf V=3 M=Access denied');
  // Put pppd's choices back and the bytes are pppd's: same grammar, same order, same texts.
  const old = Buffer.from(parts(exchange).challenge).toString('hex');
  const asPppd = text
    .replace('R=0', 'R=1')
    .replace(/C=[0-9a-f]{32}/, `C=${old}`)
    .replace('V=3', 'V=0');
  assert.equal(asPppd, fromUtf8(pppd.value.message));
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'wrong-secret',
    reason: 'NT-Response does not match the secret',
  });
});

test("our peer with the wrong password sends the captured Response and gives up on pppd's Failure", () => {
  const exchange = capturedWrongPassword;
  const { end, peer: client } = peer(exchange);
  client.receive(exchange.challenge);
  assert.deepEqual(end.sent[0], exchange.response);
  client.receive(exchange.status);
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'rejected',
    reason: 'authenticator sent Failure: E=691 R=1 C=4e53b7d3c898aff36e286931c6c43943 V=0 M=Access denied',
  });
});
