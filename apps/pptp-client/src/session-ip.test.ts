import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PacketPort, PacketRoute } from '@switchyard/core';
import { SessionIp, type ClientSink } from './session-ip.js';

const ipv4 = (length: number) => Uint8Array.from({ length }, (_, i) => (i === 0 ? 0x45 : i & 0xff));

test('each packet is counted once each way, whether it comes from sendIp or from the sink', async () => {
  const toPeer: Uint8Array[] = [];
  const toSink: Uint8Array[] = [];
  let sinkRoute: PacketRoute | undefined;
  const sink: ClientSink = {
    open: async (route, ipcp) => {
      sinkRoute = route;
      assert.equal(
        ipcp?.peerAddress,
        '10.0.0.254',
        'the sink learns the peer for its point-to-point address',
      );
      return { send: (p) => void toSink.push(p), close: () => {} } satisfies PacketPort;
    },
  };
  const ip = new SessionIp(sink, () => ({ peerAddress: '10.0.0.254', dnsServers: [], nbnsServers: [] }));
  const seen: number[] = [];
  ip.packets$.subscribe((p) => seen.push(p.length));
  assert.equal(ip.send(ipv4(40)), false, 'no route before IPCP is up');
  const port = await ip.open({ address: '10.0.0.201', mtu: 1400, deliver: (p) => void toPeer.push(p) });
  await ip.opened;
  assert.equal(ip.mtu, 1400);
  assert.equal(ip.send(ipv4(100)), true); // the API
  sinkRoute?.deliver(ipv4(60)); // the TUN device
  assert.equal(ip.send(Uint8Array.of(0x60, 0, 0, 0, ...new Uint8Array(40))), false, 'IPv6 is refused');
  port.send(ipv4(80)); // from the tunnel
  assert.deepEqual(
    toPeer.map((p) => p.length),
    [100, 60],
  );
  assert.deepEqual(
    toSink.map((p) => p.length),
    [80],
  );
  assert.deepEqual(seen, [80]);
  assert.deepEqual(ip.counters, {
    packetsSent: 2,
    bytesSent: 160,
    packetsReceived: 1,
    bytesReceived: 80,
    sendRefused: 2,
  });
  port.close();
  assert.equal(ip.send(ipv4(40)), false, 'no route once IPCP went down');
  let completed = false;
  ip.packets$.subscribe({ complete: () => (completed = true) });
  ip.complete();
  assert.equal(completed, true);
});
