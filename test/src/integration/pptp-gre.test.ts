// PPTP control and GRE together (root): an appliance with pptp-control and gre accepts a call from our
// PNS over TCP on loopback, and PPP frames cross the real raw GRE sockets both ways with the Call IDs
// the control connection negotiated.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  Appliance,
  SystemClock,
  definePlugin,
  tunnelTransportToken,
  type Link,
  type Plugin,
} from '@switchyard/core';
import { LogCapture, frameReceiver } from '@switchyard/core/testing';
import { GreEndpoint, grePlugin } from '@switchyard/plugin-gre';
import { pptpControlPlugin } from '@switchyard/plugin-pptp-control';
import { PnsTestClient } from '@switchyard/plugin-pptp-control/testing';

const isRoot = process.getuid?.() === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(
  'PPTP call over TCP and GRE',
  { skip: isRoot ? false : 'needs root (raw GRE socket)', timeout: 20_000 },
  () => {
    const links: Link[] = [];
    // Echoes every PPP frame back, prefixed, so the client sees the server's side of the Link working.
    const echo = definePlugin({
      id: 'echo',
      requires: [tunnelTransportToken],
      start: ({ container }) => {
        const sub = container.resolve(tunnelTransportToken).links$.subscribe((link) => {
          links.push(link);
          link.deliverTo(frameReceiver((frame) => link.send(new Uint8Array([0xee, ...frame]))));
        });
        return { stop: () => sub.unsubscribe() };
      },
    });
    const logs = new LogCapture();
    let appliance: Appliance;
    let clientGre: GreEndpoint;
    let port = 0;

    before(async () => {
      port = await freePort();
      appliance = new Appliance({
        plugins: [pptpControlPlugin, grePlugin, echo] as Plugin<never>[],
        config: { 'pptp-control': { listen: '127.0.0.1', port }, gre: { receiveBufferBytes: 1 << 20 } },
        clock: new SystemClock(),
        logSink: logs.sink,
      });
      await appliance.start();
      clientGre = new GreEndpoint({
        clock: new SystemClock(),
        logger: new LogCapture().logger(),
        config: {
          receiveBufferBytes: 1 << 20,
          sendWindow: 'ignore',
          reorderCapacity: 64,
          reorderTimeoutMs: 50,
          ackDelayMs: 50,
        },
      });
      clientGre.start();
    });
    after(async () => {
      clientGre.stop();
      await appliance.stop();
    });

    test('frames sent on the client channel reach the session Link and its replies come back', async () => {
      const pns = await PnsTestClient.connect(port, 50000);
      try {
        await pns.waitFor('established');
        pns.input({ type: 'place-call', parameters: { packetRecvWindowSize: 3 } });
        const { call } = await pns.waitFor('call-up');
        const channel = clientGre.open({
          peerAddress: '127.0.0.1',
          localCallId: call.callId,
          peerCallId: call.peerCallId,
          peerReceiveWindow: call.peerPacketRecvWindowSize,
        });
        const replies: number[][] = [];
        channel.deliverTo(frameReceiver((f) => replies.push([...f])));
        for (let i = 0; i < 50; i++) channel.send(new Uint8Array([0xc0, 0x21, i]));
        await until(() => replies.length === 50);
        assert.deepEqual(replies[0], [0xee, 0xc0, 0x21, 0]);
        assert.deepEqual(replies[49], [0xee, 0xc0, 0x21, 49]);
        assert.equal(links.length, 1);
        assert.equal(channel.sequencer.counters.rxDuplicate + channel.sequencer.counters.rxLost, 0);

        pns.input({ type: 'clear-call', callId: call.callId });
        await pns.waitFor('call-down');
        await links[0]!.session.closed;
        channel.close();
      } finally {
        pns.destroy();
      }
    });
  },
);
