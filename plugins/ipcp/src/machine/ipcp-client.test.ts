// IPCP in the client role against the capture's server (pptpd-reference-session.txt): our requests must
// match pppd's client (`usepeerdns noipdefault`, minus the VJ option it asked for and lost).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clientIpcpConfAck,
  clientIpcpConfReq2,
  clientIpcpConfReq3,
  serverIpcpConfAck,
  serverIpcpConfNak,
  serverIpcpConfReq,
} from '@switchyard/ppp/testing';
import { toHex } from '@switchyard/wire';
import { FakeSink, flush, ipcpBench } from '../testing/bench.js';

/** The capture's frame with another Identifier (byte 3 of an ACFC-compressed IPCP frame). */
const withId = (bytes: Uint8Array, id: number) => {
  const copy = bytes.slice();
  copy[3] = id;
  return copy;
};

test('the client asks <addr 0.0.0.0> <ms-dns1 0.0.0.0> <ms-dns2 0.0.0.0> (capture frame 36, pppd usepeerdns)', () => {
  const bench = ipcpBench({ role: 'client' });
  bench.ipcp.start();
  assert.equal(toHex(bench.frames[0]!), toHex(withId(clientIpcpConfReq2.bytes, 1)));
});

test('the client adopts the server’s Nak, gets Acked, and reports address and DNS (frames 39–41)', async () => {
  const sink = new FakeSink();
  const bench = ipcpBench({ role: 'client', sink });
  bench.ipcp.start();
  bench.receive(serverIpcpConfReq.bytes);
  assert.equal(toHex(bench.frames.at(-1)!), toHex(clientIpcpConfAck.bytes), 'the server’s address is Acked');
  bench.receive(withId(serverIpcpConfNak.bytes, 1));
  assert.equal(toHex(bench.frames.at(-1)!), toHex(withId(clientIpcpConfReq3.bytes, 2)));
  bench.receive(withId(serverIpcpConfAck.bytes, 2));
  await flush();
  assert.deepEqual(bench.events, ['up']);
  assert.deepEqual(bench.context.facts.ipcp, {
    localAddress: '10.0.0.201',
    peerAddress: '10.0.0.254',
    dnsServers: ['202.106.46.151', '202.106.0.20'],
    nbnsServers: [],
  });
  assert.equal(bench.session.info.address, '10.0.0.201');
  assert.ok(bench.logs.has('primary   DNS address 202.106.46.151', 'info'));
  assert.equal(sink.routes[0]?.address, '10.0.0.201');
});
