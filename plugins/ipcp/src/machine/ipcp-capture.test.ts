// IPCP against the reference capture (pptpd-reference-session.txt, frames 27–41): pppd with `novj`,
// `ms-dns 202.106.46.151`, `ms-dns 202.106.0.20`, localip 10.0.0.254 and vpn1's address 10.0.0.201.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeReason } from '@switchyard/core';
import { encodeCpPacket, encodePppFrame } from '@switchyard/ppp';
import {
  clientIpcpConfAck,
  clientIpcpConfReq1,
  clientIpcpConfReq2,
  clientIpcpConfReq3,
  serverIpcpConfAck,
  serverIpcpConfNak,
  serverIpcpConfRej,
  serverIpcpConfReq,
} from '@switchyard/ppp/testing';
import { toHex } from '@switchyard/wire';
import { FakePool, FakeSink, flush, ipcpBench } from '../testing/bench.js';

const captureConfig = { msDns: ['202.106.46.151', '202.106.0.20'] };

async function started(sink = new FakeSink()) {
  const pool = new FakePool('10.0.0.201', '10.0.0.254');
  const bench = ipcpBench({ config: captureConfig, pool, sink });
  bench.ipcp.start();
  await flush(); // the lease arrives
  return { bench, pool, sink };
}

test('the lease is asked for the authenticated user with its allowed addresses (chap-secrets IP column)', async () => {
  const { bench, pool } = await started();
  assert.deepEqual(pool.requests, [{ sessionId: bench.session.id, user: 'vpn1', allowed: ['10.0.0.201'] }]);
});

test('our Configure-Request equals pppd’s <addr 10.0.0.254>, the lease’s local end (frame 29)', async () => {
  const { bench } = await started();
  assert.equal(toHex(bench.frames[0]!), toHex(serverIpcpConfReq.bytes));
  assert.ok(bench.logs.has(`sent [${serverIpcpConfReq.trace}]`));
});

test('the capture’s exchange byte for byte: VJ Rejected, then 0.0.0.0 and ms-dns Nak’d, then Acked (frames 27–41)', async () => {
  const { bench } = await started();
  bench.sent();
  bench.receive(clientIpcpConfReq1.bytes);
  assert.equal(
    toHex(bench.frames.at(-1)!),
    toHex(serverIpcpConfRej.bytes),
    'Reject wins over Nak (RFC 1661 §5.4)',
  );
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq2.bytes);
  assert.equal(toHex(bench.frames.at(-1)!), toHex(serverIpcpConfNak.bytes));
  bench.receive(clientIpcpConfReq3.bytes);
  assert.equal(toHex(bench.frames.at(-1)!), toHex(serverIpcpConfAck.bytes));
  assert.deepEqual(bench.events, ['up']);
  for (const fixture of [clientIpcpConfReq1, serverIpcpConfRej, serverIpcpConfNak, serverIpcpConfAck]) {
    assert.ok(bench.logs.has(fixture.trace!), fixture.trace);
  }
});

test('IPCP up: the session gets the address and the Network state, the sink a route with the MTU (RFC 1332)', async () => {
  const { bench, sink } = await started();
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq3.bytes);
  await flush();
  assert.equal(bench.session.info.address, '10.0.0.201');
  assert.equal(bench.session.state, 'network');
  assert.deepEqual(bench.context.facts.ipcp, {
    localAddress: '10.0.0.254',
    peerAddress: '10.0.0.201',
    dnsServers: ['202.106.46.151', '202.106.0.20'],
    nbnsServers: [],
  });
  assert.equal(sink.routes[0]?.address, '10.0.0.201');
  assert.equal(sink.routes[0]?.mtu, 1400, 'min(peer MRU 1400, mtu, transport)');
  assert.ok(bench.logs.has('remote IP address 10.0.0.201', 'info'));
});

test('IP packets pass both ways once the route is open; before that they are dropped, not Protocol-Rejected', async () => {
  const { bench, sink } = await started();
  const ipFrame = encodePppFrame(0x0021, Uint8Array.from([0x45, 0, 0, 20]), { acfc: true, pfc: true });
  bench.receive(ipFrame);
  assert.equal(bench.ipcp.ipDropped, 1);
  assert.equal(bench.context.counters.protocolRejects, 0);
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq3.bytes);
  await flush();
  bench.receive(ipFrame);
  assert.deepEqual(sink.received, [Uint8Array.from([0x45, 0, 0, 20])]);
  sink.routes[0]!.deliver(Uint8Array.from([0x45, 1, 2, 3]));
  assert.equal(toHex(bench.frames.at(-1)!), '2145010203', 'PFC + ACFC: protocol 0x21 in one byte');
  assert.equal(bench.session.counters.packetsIn, 2);
  assert.equal(bench.session.counters.packetsOut, 1);
});

test('IPCP going down closes the route (RFC 1661 tld)', async () => {
  const { bench, sink } = await started();
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq3.bytes);
  await flush();
  bench.ipcp.stop();
  assert.equal(sink.closed, 1);
  assert.deepEqual(bench.events, ['up', 'down']);
  assert.equal(bench.context.facts.ipcp, undefined);
});

test('an exhausted pool closes the session with pool-exhausted and a clear log line', async () => {
  const bench = ipcpBench({ config: captureConfig, pool: new FakePool(undefined) });
  bench.ipcp.start();
  await flush();
  assert.deepEqual(bench.closed, [closeReason('pool-exhausted', 'no address available for user vpn1')]);
  assert.ok(bench.logs.has('IPCP: no address available for user vpn1; closing the session', 'warn'));
  assert.deepEqual(bench.sent(), [], 'no Configure-Request without an address to give');
});

test('the lease is tied to the session: closing it releases the address once', async () => {
  const { bench, pool } = await started();
  await bench.session.close(closeReason('peer-terminated'));
  assert.equal(pool.released.length, 1);
});

test('behind a gating NCP, IPCP answers Configure-Requests with Terminate-Ack until started (anchors §6 #14)', async () => {
  const pool = new FakePool('10.0.0.201', '10.0.0.254');
  const bench = ipcpBench({ config: captureConfig, pool });
  bench.ipcp.lowerUp();
  await flush();
  bench.receive(clientIpcpConfReq2.bytes);
  const [reply] = bench.sent();
  assert.equal(reply?.kind, 'terminate');
  assert.equal(reply?.code, 6);
  bench.ipcp.start();
  assert.equal(toHex(bench.frames.at(-1)!), toHex(serverIpcpConfReq.bytes));
});

test('NBNS requests are Rejected without ms-wins, Nak’d with it (anchors §6 #14; RFC 1877 §1.2)', async () => {
  const request = (id: number) =>
    encodePppFrame(
      0x8021,
      encodeCpPacket({
        kind: 'configure',
        code: 1,
        identifier: id,
        options: [
          { type: 3, data: Uint8Array.from([0, 0, 0, 0]) },
          { type: 130, data: Uint8Array.from([0, 0, 0, 0]) },
        ],
      }),
    );
  const { bench } = await started();
  bench.sent();
  bench.receive(request(1));
  assert.ok(bench.logs.has('sent [IPCP ConfRej id=0x1 <ms-wins 0.0.0.0>]'));
  const pool = new FakePool('10.0.0.201', '10.0.0.254');
  const wins = ipcpBench({ config: { msWins: ['10.0.0.5'] }, pool });
  wins.ipcp.start();
  await flush();
  wins.receive(request(1));
  assert.ok(
    wins.logs.has('sent [IPCP ConfNak id=0x1 <addr 10.0.0.201> <ms-wins 10.0.0.5>]'),
    wins.logs.lines().join('\n'),
  );
});
