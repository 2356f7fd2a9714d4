// PAP both roles (RFC 1334 §2.2; pppd upap.c): Ack/Nak texts, repeated Requests, Identifier changes,
// pap-restart/pap-max-authreq on the peer, pap-timeout on the authenticator, no password in any log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthExchange, CredentialAnswer } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { hex } from '@switchyard/wire';
import { decodePapPacket, encodePapPacket, fromUtf8, papReplyPacket, utf8 } from '@switchyard/ppp/auth';
import {
  ExchangeEnd,
  type PacketFilter,
  connectExchanges,
  found,
  settle,
} from '@switchyard/ppp/auth/testing';
import { papAuthenticatorExchange } from './pap-authenticator.js';
import { papPeerExchange } from './pap-peer.js';
import { PAP_DEFAULTS, type PapSettings } from './pap-settings.js';

const REQUEST = hex('01 01 00 10 04 76 70 6e 31 06 31 32 33 34 35 36'); // vpn1 / 123456, id 1

function reply(bytes: Uint8Array | undefined): string {
  const decoded = decodePapPacket(bytes ?? new Uint8Array());
  assert.ok(decoded.ok && (decoded.value.kind === 'ack' || decoded.value.kind === 'nak'));
  return `${decoded.value.kind} id=${decoded.value.identifier} ${fromUtf8(decoded.value.message)}`;
}

function authenticator(lookup: () => Promise<CredentialAnswer>, settings: Partial<PapSettings> = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const end = new ExchangeEnd({ clock, logger: logs.logger(), lookup });
  const exchange = papAuthenticatorExchange({ ...PAP_DEFAULTS, ...settings }, end.context);
  exchange.start();
  return { clock, logs, end, exchange };
}

function pair(password: string, filter?: PacketFilter) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const server = new ExchangeEnd({
    clock,
    logger: logs.logger(),
    lookup: async () => found('123456', ['10.0.0.201']),
  });
  const client = new ExchangeEnd({ clock, logger: logs.logger() });
  const a: AuthExchange = papAuthenticatorExchange(PAP_DEFAULTS, server.context);
  const b: AuthExchange = papPeerExchange(PAP_DEFAULTS, client.context, { user: 'vpn1', secret: password });
  connectExchanges({ end: server, exchange: () => a }, { end: client, exchange: () => b }, filter);
  a.start();
  b.start();
  return { clock, logs, server, client };
}

test('the peer sends Authenticate-Request id 1 with its Peer-ID and Password (pppd upap_sauthreq)', () => {
  const { client } = pair('123456');
  assert.deepEqual(client.sent[0], REQUEST);
});

test('right password: Ack "Login ok", done(ok) with the addresses on the authenticator, done(ok) on the peer', async () => {
  const { server, client } = pair('123456');
  await settle();
  assert.equal(reply(server.sent[0]), 'ack id=1 Login ok');
  assert.deepEqual(server.queries, [{ user: 'vpn1', server: 'Nanu-VPN', peerAddress: '172.31.255.2' }]);
  assert.deepEqual(server.result, { ok: true, user: 'vpn1', addresses: ['10.0.0.201'] });
  assert.deepEqual(client.result, { ok: true, user: 'vpn1' });
});

test('wrong password, unknown user and a store outage all get Nak "Login incorrect", with distinct codes', async () => {
  const cases: [() => Promise<CredentialAnswer>, string][] = [
    [async () => found('654321'), 'wrong-secret'],
    [async () => ({ kind: 'not-found' }), 'unknown-user'],
    [async () => ({ kind: 'unavailable', reason: 'ldap down' }), 'store-unavailable'],
  ];
  for (const [lookup, code] of cases) {
    const { end, exchange } = authenticator(lookup);
    exchange.receive(REQUEST);
    await settle();
    assert.equal(reply(end.sent[0]), 'nak id=1 Login incorrect');
    assert.equal(end.result?.ok === false && end.result.code, code);
  }
});

test('the peer reports the Nak with its message', async () => {
  const { client } = pair('654321');
  await settle();
  assert.deepEqual(client.result, {
    ok: false,
    user: 'vpn1',
    code: 'rejected',
    reason: 'authenticator sent Authenticate-Nak "Login incorrect"',
  });
});

test('a repeated Request gets the same reply code with its own Identifier, without a second check (RFC 1334 §2.2.1)', async () => {
  for (const secret of ['123456', 'other']) {
    const { end, exchange } = authenticator(async () => found(secret));
    exchange.receive(REQUEST);
    await settle();
    const again = REQUEST.slice();
    again[1] = 2;
    exchange.receive(again);
    await settle();
    assert.equal(reply(end.sent[1]), reply(end.sent[0]).replace('id=1', 'id=2'));
    assert.equal(end.queries.length, 1);
    assert.equal(end.results.length, 1);
  }
});

test('the peer repeats every pap-restart with a new Identifier; after pap-max-authreq it gives up', () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  papPeerExchange({ ...PAP_DEFAULTS, maxAuthReq: 3 }, end.context, {
    user: 'vpn1',
    secret: '123456',
  }).start();
  clock.advance(6000);
  assert.deepEqual(
    end.sent.map((p) => p[1]),
    [1, 2, 3],
  );
  clock.advance(3000);
  assert.deepEqual(end.result, {
    ok: false,
    user: 'vpn1',
    code: 'timeout',
    reason: 'no PAP Authenticate-Ack or -Nak after 3 Requests',
  });
});

test('the peer accepts a reply to any Request it sent, and ignores others', () => {
  const clock = new ManualClock();
  const end = new ExchangeEnd({ clock, logger: new LogCapture().logger() });
  const peer = papPeerExchange(PAP_DEFAULTS, end.context, { user: 'vpn1', secret: '123456' });
  peer.start();
  clock.advance(3000);
  peer.receive(encodePapPacket(papReplyPacket('ack', 9, utf8(''))));
  assert.equal(end.results.length, 0);
  peer.receive(encodePapPacket(papReplyPacket('ack', 1, utf8('Login ok'))));
  assert.deepEqual(end.result, { ok: true, user: 'vpn1' });
});

test('a lost Ack is recovered: the repeated Request gets the Ack again', async () => {
  let dropped = false;
  const { clock, server, client } = pair('123456', (packet, direction) => {
    if (direction === 'toPeer' && !dropped) {
      dropped = true;
      return [];
    }
    return [packet];
  });
  await settle();
  assert.equal(client.results.length, 0);
  clock.advance(3000);
  await settle();
  assert.equal(reply(server.sent[1]), 'ack id=2 Login ok');
  assert.equal(client.result?.ok, true);
  assert.equal(server.results.length, 1);
});

test('pap-timeout: no Request within 30 s ends the authenticator with done(timeout); 0 waits forever', () => {
  const { clock, end } = authenticator(async () => found('x'));
  clock.advance(30_000);
  assert.deepEqual(end.result, {
    ok: false,
    code: 'timeout',
    reason: 'no PAP Authenticate-Request within 30 s',
  });
  const forever = authenticator(async () => found('x'), { timeoutMs: 0 });
  forever.clock.advance(3_600_000);
  assert.equal(forever.end.results.length, 0);
  assert.equal(forever.clock.pendingCount, 0);
});

test('the password never reaches the log, even with debug traces on (pppd hide-password)', async () => {
  const { logs } = pair('123456');
  await settle();
  assert.ok(logs.has('sent [PAP AuthReq id=0x1 user="vpn1" password=<hidden>]'));
  assert.ok(logs.has('sent [PAP AuthAck id=0x1 "Login ok"]'));
  assert.equal(logs.has('123456'), false);
});

test('stop() during the lookup: no reply and no done', async () => {
  const { end, exchange } = authenticator(async () => found('123456'));
  exchange.receive(REQUEST);
  exchange.stop();
  await settle();
  assert.equal(end.sent.length, 0);
  assert.equal(end.results.length, 0);
});
