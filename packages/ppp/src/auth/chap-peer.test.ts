// The generic CHAP peer (pppd chap-new.c chap_respond/chap_handle_status) with a transparent digest,
// alone and joined in memory to the generic authenticator, with loss injected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { CHAP_DEFAULTS, type ChapSettings } from './chap-digest.js';
import { chapAuthenticatorExchange } from './chap-authenticator.js';
import { chapPeerExchange } from './chap-peer.js';
import { chapStatusPacket, chapValuePacket, decodeChapPacket, encodeChapPacket } from './chap-packet.js';
import { ExchangeEnd, connectExchanges, found, settle } from './exchange-harness.js';
import { utf8 } from './exchange-support.js';
import { stubDigest } from './stub-digest.js';

const countingRandom = (start: number) => {
  let next = start;
  return (length: number) => Uint8Array.from({ length }, () => next++ & 0xff);
};

function peer(settings: Partial<ChapSettings> = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const end = new ExchangeEnd({ clock, logger: logs.logger() });
  const exchange = chapPeerExchange(
    stubDigest,
    { ...CHAP_DEFAULTS, ...settings },
    countingRandom(1),
    end.context,
    {
      user: 'vpn1',
      secret: 's3cret',
    },
  );
  exchange.start();
  return { clock, logs, end, exchange };
}

const challenge = (identifier: number, value: number[]) =>
  encodeChapPacket(chapValuePacket('challenge', identifier, Uint8Array.from(value), utf8('Nanu-VPN')));
const status = (kind: 'success' | 'failure', identifier: number, text: string) =>
  encodeChapPacket(chapStatusPacket(kind, identifier, utf8(text)));

test('the peer answers a Challenge with its name and the same Identifier (RFC 1994 §4.1)', () => {
  const { end, exchange } = peer();
  assert.equal(end.sent.length, 0, 'the authenticator speaks first');
  exchange.receive(challenge(0x21, [1, 2, 3, 4]));
  const decoded = decodeChapPacket(end.sent[0] ?? new Uint8Array());
  assert.ok(decoded.ok && decoded.value.kind === 'response');
  assert.equal(decoded.value.identifier, 0x21);
  assert.deepEqual(decoded.value.name, utf8('vpn1'));
  exchange.receive(status('success', 0x21, 'welcome'));
  assert.deepEqual(end.result, { ok: true, user: 'vpn1' });
});

test('the Response is repeated every restart until a status comes; after the maximum, done(timeout)', () => {
  const { clock, end, exchange } = peer({ maxChallenge: 3 });
  exchange.receive(challenge(5, [9, 9, 9, 9]));
  clock.advance(3000);
  clock.advance(3000);
  assert.equal(end.sent.length, 3);
  assert.deepEqual(end.sent[2], end.sent[0]);
  clock.advance(3000);
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'timeout',
    reason: 'no CHAP Success or Failure after 3 Responses',
  });
});

test('a retransmitted Challenge gets the identical Response; a status for another Identifier is ignored', () => {
  const { end, exchange } = peer();
  exchange.receive(challenge(5, [1, 1, 1, 1]));
  exchange.receive(challenge(5, [1, 1, 1, 1]));
  assert.deepEqual(end.sent[1], end.sent[0]);
  exchange.receive(status('success', 6, 'welcome'));
  assert.equal(end.results.length, 0);
  exchange.receive(status('failure', 5, 'E=691 R=0 C=00000000'));
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'rejected',
    reason: 'authenticator sent Failure: E=691 R=0 C=00000000',
  });
});

test('a Success the digest does not accept ends with unverified-authenticator', () => {
  const { end, exchange } = peer();
  exchange.receive(challenge(5, [1, 1, 1, 1]));
  exchange.receive(status('success', 5, 'forged'));
  assert.equal(end.result?.ok === false && end.result.code, 'unverified-authenticator');
});

test('on R=1 with retries allowed the peer answers C= with Identifier + 1; without, it gives up', () => {
  const withRetry = peer({ maxRetries: 1 });
  withRetry.exchange.receive(challenge(0xff, [1, 1, 1, 1]));
  withRetry.exchange.receive(status('failure', 0xff, 'E=691 R=1 C=0a0b0c0d V=3'));
  const retried = decodeChapPacket(withRetry.end.sent[1] ?? new Uint8Array());
  assert.ok(retried.ok && retried.value.kind === 'response');
  assert.equal(retried.value.identifier, 0, 'the Identifier wraps to 0');
  assert.deepEqual(retried.value.value.subarray(-4), Uint8Array.of(10, 11, 12, 13));
  assert.equal(withRetry.end.results.length, 0);
  const without = peer();
  without.exchange.receive(challenge(1, [1, 1, 1, 1]));
  without.exchange.receive(status('failure', 1, 'E=691 R=1 C=0a0b0c0d V=3'));
  assert.equal(without.end.result?.ok === false && without.end.result.code, 'rejected');
});

test('after success a re-challenge is answered and its outcome goes to rechecked(), not done()', () => {
  const { end, exchange } = peer();
  exchange.receive(challenge(1, [1, 1, 1, 1]));
  exchange.receive(status('success', 1, 'welcome'));
  exchange.receive(challenge(2, [2, 2, 2, 2]));
  exchange.receive(status('success', 2, 'welcome'));
  assert.equal(end.sent.length, 2);
  assert.equal(end.results.length, 1);
  assert.deepEqual(
    end.rechecks.map((r) => r.ok),
    [true],
  );
  exchange.receive(challenge(3, [3, 3, 3, 3]));
  exchange.receive(status('failure', 3, 'E=691 R=0 V=3'));
  assert.equal(end.results.length, 1);
  assert.equal(end.rechecks[1]?.ok === false && end.rechecks[1].code, 'rejected');
});

function pair(settings: Partial<ChapSettings>, lose: (packet: Uint8Array, n: number) => boolean) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const full = { ...CHAP_DEFAULTS, ...settings };
  const server = new ExchangeEnd({ clock, logger: logs.logger(), lookup: async () => found('s3cret') });
  const client = new ExchangeEnd({ clock, logger: logs.logger() });
  const a: AuthExchange = chapAuthenticatorExchange(stubDigest, full, countingRandom(0x80), server.context);
  const b: AuthExchange = chapPeerExchange(stubDigest, full, countingRandom(1), client.context, {
    user: 'vpn1',
    secret: 's3cret',
  });
  let n = 0;
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b }, (packet) =>
    lose(packet, n++) ? [] : [packet],
  );
  b.start();
  a.start();
  return { clock, server, client };
}

test('in memory: a lost Challenge, a lost Response and a lost Success are all recovered by timers', async () => {
  for (const lost of [0, 1, 2]) {
    const { clock, server, client } = pair({}, (_p, n) => n === lost);
    await settle();
    clock.advance(3000);
    await settle();
    assert.equal(server.result?.ok, true, `packet ${lost} lost`);
    assert.deepEqual(client.result, { ok: true, user: 'vpn1' }, `packet ${lost} lost`);
  }
});
