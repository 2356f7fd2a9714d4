// The generic CHAP authenticator (pppd chap-new.c) with a transparent digest: Identifier matching,
// repeated replies, Challenge retransmission and give-up, MS-CHAP-style retries, distinct failures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange, CredentialAnswer } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { CHAP_DEFAULTS, type ChapSettings } from './chap-digest.js';
import { chapAuthenticatorExchange } from './chap-authenticator.js';
import { type ChapPacket, chapValuePacket, decodeChapPacket, encodeChapPacket } from './chap-packet.js';
import { ExchangeEnd, found, settle } from './exchange-harness.js';
import { fromUtf8, utf8 } from './exchange-support.js';
import { stubDigest, stubResponse } from './stub-digest.js';

/** Counts up from `start`: deterministic, and a new value each call. */
function countingRandom(start = 0x40): (length: number) => Uint8Array {
  let next = start;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

function setup(options: { lookup?: () => Promise<CredentialAnswer>; settings?: Partial<ChapSettings> } = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const end = new ExchangeEnd({
    clock,
    logger: logs.logger(),
    lookup: options.lookup ?? (async () => found('s3cret', ['10.0.0.201'])),
  });
  const settings = { ...CHAP_DEFAULTS, ...options.settings };
  const exchange: AuthExchange = chapAuthenticatorExchange(
    stubDigest,
    settings,
    countingRandom(),
    end.context,
  );
  return { clock, logs, end, exchange };
}

const decode = (bytes: Uint8Array | undefined): ChapPacket => {
  assert.ok(bytes);
  const decoded = decodeChapPacket(bytes);
  assert.ok(decoded.ok);
  return decoded.value;
};

function challengeOf(end: ExchangeEnd, index = 0): { identifier: number; value: Uint8Array } {
  const packet = decode(end.sent[index]);
  assert.ok(packet.kind === 'challenge');
  return { identifier: packet.identifier, value: packet.value };
}

const response = (identifier: number, secret: string, challenge: Uint8Array, name = 'vpn1') =>
  encodeChapPacket(
    chapValuePacket('response', identifier, stubResponse(identifier, secret, challenge), utf8(name)),
  );

function statusText(bytes: Uint8Array | undefined): string {
  const packet = decode(bytes);
  assert.ok(packet.kind === 'success' || packet.kind === 'failure');
  return `${packet.kind} id=${packet.identifier} ${fromUtf8(packet.message)}`;
}

test('Challenge carries our name; the right Response gets Success and done(ok) with the addresses', async () => {
  const { end, exchange } = setup();
  exchange.start();
  const challenge = decode(end.sent[0]);
  assert.ok(challenge.kind === 'challenge');
  assert.equal(fromUtf8(challenge.name), 'Nanu-VPN');
  exchange.receive(response(challenge.identifier, 's3cret', challenge.value));
  await settle();
  assert.deepEqual(end.queries, [{ user: 'vpn1', server: 'Nanu-VPN', peerAddress: '172.31.255.2' }]);
  assert.equal(statusText(end.sent[1]), `success id=${challenge.identifier} welcome`);
  assert.deepEqual(end.result, { ok: true, user: 'vpn1', addresses: ['10.0.0.201'] });
});

test("a Response whose Identifier is not the Challenge's is silently discarded (RFC 1994 §4.1)", async () => {
  const { end, exchange } = setup();
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response((identifier + 1) & 0xff, 's3cret', value));
  await settle();
  assert.equal(end.sent.length, 1);
  assert.equal(end.results.length, 0);
  exchange.receive(response(identifier, 's3cret', value));
  await settle();
  assert.equal(end.result?.ok, true);
});

test('the same Challenge is resent every chap-restart; after chap-max-challenge, done(timeout)', () => {
  const { clock, end, exchange } = setup();
  exchange.start();
  clock.advance(2999);
  assert.equal(end.sent.length, 1);
  clock.advance(1);
  assert.equal(end.sent.length, 2);
  assert.deepEqual(end.sent[1], end.sent[0], 'a retransmission is the very same packet, as pppd sends it');
  clock.advance(3000 * 8);
  assert.equal(end.sent.length, 10);
  assert.equal(end.results.length, 0);
  clock.advance(3000);
  assert.equal(end.sent.length, 10);
  assert.deepEqual(end.result, {
    ok: false,
    code: 'timeout',
    reason: 'no CHAP Response after 10 Challenges',
  });
  assert.equal(clock.pendingCount, 0);
});

test('a repeated Response after Success gets the same Success again, without a second lookup or done', async () => {
  const { end, exchange } = setup();
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response(identifier, 's3cret', value));
  await settle();
  exchange.receive(response(identifier, 'anything', value));
  await settle();
  assert.deepEqual(end.sent[2], end.sent[1]);
  assert.equal(end.queries.length, 1);
  assert.equal(end.results.length, 1);
});

test('a wrong secret gets Failure R=0 and done(wrong-secret); a repeat gets the same Failure', async () => {
  const { end, exchange } = setup();
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response(identifier, 'guess', value));
  await settle();
  assert.match(statusText(end.sent[1]), new RegExp(`^failure id=${identifier} E=691 R=0 C=[0-9a-f]{8}$`));
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'wrong-secret',
    reason: 'response does not match',
  });
  exchange.receive(response(identifier, 's3cret', value));
  await settle();
  assert.deepEqual(end.sent[2], end.sent[1], 'the reply code for a Challenge never changes');
  assert.equal(end.results.length, 1);
});

test('unknown user, unavailable store and a throwing store end with distinct codes and reasons', async () => {
  const cases: [() => Promise<CredentialAnswer>, string, RegExp][] = [
    [async () => ({ kind: 'not-found' }), 'unknown-user', /^no secret for "vpn1" \(server "Nanu-VPN"\)$/],
    [
      async () => ({ kind: 'unavailable', reason: 'radius: timeout' }),
      'store-unavailable',
      /radius: timeout/,
    ],
    [() => Promise.reject(new Error('boom')), 'store-unavailable', /lookup failed: Error: boom/],
  ];
  for (const [lookup, code, reason] of cases) {
    const { end, exchange } = setup({ lookup });
    exchange.start();
    const { identifier, value } = challengeOf(end);
    exchange.receive(response(identifier, 's3cret', value));
    await settle();
    const result = end.result;
    assert.ok(result && !result.ok);
    assert.equal(result.code, code);
    assert.match(result.reason, reason);
    assert.match(statusText(end.sent[1]), /^failure /);
  }
});

test('with maxRetries 1: Failure R=1 and a new C=, no outcome yet; a retry that fails again gets R=0 and ends', async () => {
  const { end, exchange, logs } = setup({ settings: { maxRetries: 1 } });
  exchange.start();
  const first = challengeOf(end);
  exchange.receive(response(first.identifier, 'guess', first.value));
  await settle();
  const failure = statusText(end.sent[1]);
  const c = /C=([0-9a-f]{8})$/.exec(failure)?.[1];
  assert.match(failure, / R=1 /);
  assert.ok(c);
  assert.equal(end.results.length, 0, 'no outcome while a retry is allowed');
  assert.ok(
    logs.has('authentication attempt 1 failed for user "vpn1": response does not match; retry allowed'),
  );
  const next = (first.identifier + 1) & 0xff;
  exchange.receive(response(next, 's3cret', first.value));
  await settle();
  assert.equal(end.sent.length, 3);
  assert.match(
    statusText(end.sent[2]),
    / R=0 /,
    'an answer to the old challenge fails, and no retry remains',
  );
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'wrong-secret',
    reason: 'response does not match',
  });
});

test("a retried Response to the Failure's C= challenge succeeds; the old Identifier still gets its Failure", async () => {
  const { end, exchange } = setup({ settings: { maxRetries: 2 } });
  exchange.start();
  const first = challengeOf(end);
  exchange.receive(response(first.identifier, 'guess', first.value));
  await settle();
  const c = Buffer.from(/C=([0-9a-f]{8})$/.exec(statusText(end.sent[1]))?.[1] ?? '', 'hex');
  exchange.receive(response((first.identifier + 1) & 0xff, 's3cret', c));
  await settle();
  assert.match(statusText(end.sent[2]), /^success /);
  assert.equal(end.result?.ok, true);
  exchange.receive(response(first.identifier, 'guess', first.value));
  assert.deepEqual(end.sent[3], end.sent[1]);
});

test('no retried Response within retryTimeoutMs ends with the failure that allowed it', async () => {
  const { clock, end, exchange } = setup({ settings: { maxRetries: 1, retryTimeoutMs: 30_000 } });
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response(identifier, 'guess', value));
  await settle();
  clock.advance(29_999);
  assert.equal(end.results.length, 0);
  assert.equal(end.sent.length, 2, 'nothing is retransmitted while the user is prompted (RFC 2759 §6)');
  clock.advance(1);
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'wrong-secret',
    reason: 'response does not match; no retry within 30 s',
  });
});

test('stripDomain looks "DOMAIN\\user" up as "user"; by default the name is looked up as sent', async () => {
  for (const [stripDomain, user] of [
    [true, 'vpn1'],
    [false, 'BIGCO\\vpn1'],
  ] as const) {
    const { end, exchange } = setup({ settings: { stripDomain } });
    exchange.start();
    const { identifier, value } = challengeOf(end);
    exchange.receive(response(identifier, 's3cret', value, 'BIGCO\\vpn1'));
    await settle();
    assert.equal(end.queries[0]?.user, user);
    assert.equal(end.result?.ok && end.result.user, user);
  }
});

test('stop() during the lookup: no reply, no done, no timer', async () => {
  const { clock, end, exchange } = setup();
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response(identifier, 's3cret', value));
  exchange.stop();
  await settle();
  clock.advance(60_000);
  assert.equal(end.sent.length, 1);
  assert.equal(end.results.length, 0);
});

test('malformed packets, Challenges and unknown codes are dropped without a reply', async () => {
  const { end, exchange, logs } = setup();
  exchange.start();
  exchange.receive(Uint8Array.of(2, 1, 0));
  exchange.receive(encodeChapPacket(chapValuePacket('challenge', 1, Uint8Array.of(1), utf8('x'))));
  exchange.receive(Uint8Array.of(7, 1, 0, 4));
  await settle();
  assert.equal(end.sent.length, 1);
  assert.ok(logs.has('CHAP: dropped malformed packet'));
  assert.ok(logs.has('rcvd [CHAP Challenge id=0x1 <01>, name = "x"]'));
});

test('after Success the exchange keeps only its replies, not the challenge (it lives as long as the session)', async () => {
  const { end, exchange } = setup();
  exchange.start();
  const { identifier, value } = challengeOf(end);
  exchange.receive(response(identifier, 's3cret', value));
  await settle();
  const held = exchange as unknown as { challenge: Uint8Array; challengePacket: Uint8Array };
  assert.equal(held.challenge.length + held.challengePacket.length, 0);
  exchange.receive(response(identifier, 's3cret', value));
  assert.deepEqual(end.sent[2], end.sent[1], 'a repeat still gets the same Success');
});

/** An exchange past its first Success, with its first Challenge. */
async function authenticated(settings: Partial<ChapSettings> = {}) {
  const bench = setup({ settings });
  bench.exchange.start();
  const first = challengeOf(bench.end);
  bench.exchange.receive(response(first.identifier, 's3cret', first.value));
  await settle();
  assert.equal(bench.end.result?.ok, true);
  return { ...bench, first };
}

test('chap-interval: a new Challenge that long after each success; the right Response passes again, and keeps passing', async () => {
  const { clock, end, exchange, first } = await authenticated({ intervalMs: 60_000 });
  clock.advance(59_999);
  assert.equal(end.sent.length, 2, 'nothing before the interval');
  clock.advance(1);
  const second = challengeOf(end, 2);
  assert.equal(second.identifier, (first.identifier + 1) & 0xff, 'a new Identifier');
  assert.notDeepEqual(second.value, first.value, 'a new challenge value');
  exchange.receive(response(second.identifier, 's3cret', second.value));
  await settle();
  assert.equal(statusText(end.sent[3]), `success id=${second.identifier} welcome`);
  assert.deepEqual(
    end.rechecks.map((r) => r.ok),
    [true],
  );
  assert.equal(end.results.length, 1, 'done() only once');
  clock.advance(60_000);
  const third = challengeOf(end, 4);
  exchange.receive(response(third.identifier, 's3cret', third.value));
  await settle();
  assert.deepEqual(
    end.rechecks.map((r) => r.ok),
    [true, true],
  );
  exchange.stop();
  clock.advance(120_000);
  assert.equal(end.sent.length, 6, 'stopped: no more rechallenges');
});

test('chap-interval: a wrong, unanswered or other-user Response to a rechallenge is reported as a failed recheck', async () => {
  // Wrong secret: Failure, a failed recheck, and no further rechallenge.
  const wrong = await authenticated({ intervalMs: 1000 });
  wrong.clock.advance(1000);
  const again = challengeOf(wrong.end, 2);
  wrong.exchange.receive(response(again.identifier, 'wrong', again.value));
  await settle();
  assert.match(statusText(wrong.end.sent[3]), /^failure/);
  assert.equal(wrong.end.rechecks[0]?.ok === false && wrong.end.rechecks[0].code, 'wrong-secret');
  wrong.clock.advance(10_000);
  assert.equal(wrong.end.sent.length, 4, 'no rechallenge after a failure');
  // No answer: retransmitted chap-max-challenge times, then a timeout.
  const silent = await authenticated({ intervalMs: 1000, maxChallenge: 3 });
  silent.clock.advance(1000 + 3 * CHAP_DEFAULTS.restartMs);
  assert.equal(silent.end.sent.length, 2 + 3, 'the rechallenge and its two retransmissions');
  assert.equal(silent.end.rechecks[0]?.ok === false && silent.end.rechecks[0].code, 'timeout');
  // Another account's name and secret: not the peer that authenticated.
  const other = await authenticated({ intervalMs: 1000 });
  other.clock.advance(1000);
  const asked = challengeOf(other.end, 2);
  other.exchange.receive(response(asked.identifier, 's3cret', asked.value, 'vpn2'));
  await settle();
  assert.match(statusText(other.end.sent[3]), /^failure/);
  const recheck = other.end.rechecks[0];
  assert.ok(recheck && !recheck.ok);
  assert.match(recheck.reason, /answered as "vpn2", not "vpn1"/);
});

test('without chap-interval (pppd default 0) the peer is never challenged again', async () => {
  const { clock, end } = await authenticated();
  clock.advance(24 * 3600_000);
  assert.equal(end.sent.length, 2);
});
