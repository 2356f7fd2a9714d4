// GRE round trip between two network namespaces (root): two endpoints, one per namespace, each with a
// channel for the other's call, exchange PPP frames both ways through the real raw sockets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SystemClock } from '@switchyard/core';
import { LogCapture, frameReceiver } from '@switchyard/core/testing';
import { RawIpSocket } from '@switchyard/node-tun';
import { NetnsLab, isRoot } from '@switchyard/node-tun/testing';
import { encodeGrePacket } from '../codec/gre-packet.js';
import type { GreConfig } from '../config.js';
import { GreEndpoint } from './gre-endpoint.js';

const A = '10.203.0.1';
const B = '10.203.0.2';
const config: GreConfig = {
  receiveBufferBytes: 1 << 20,
  sendWindow: 'ignore',
  reorderCapacity: 64,
  reorderTimeoutMs: 50,
  ackDelayMs: 50,
};

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(
  'GRE endpoints in two namespaces',
  { skip: isRoot() ? false : 'needs root', timeout: 20_000 },
  () => {
    const lab = new NetnsLab('gre');
    const endpoints: GreEndpoint[] = [];
    let nsA = '';
    let nsB = '';
    const endpoint = (netns: string) => {
      const e = new GreEndpoint({
        clock: new SystemClock(),
        logger: new LogCapture().logger(),
        config,
        netns,
      });
      e.start();
      endpoints.push(e);
      return e;
    };

    before(() => {
      nsA = lab.addNamespace();
      nsB = lab.addNamespace();
      lab.addVethPair(nsA, `${A}/24`, nsB, `${B}/24`);
    });
    after(() => {
      for (const e of endpoints) e.stop();
      lab.cleanup();
    });

    test('frames cross both ways in order, with sequence numbers and acknowledgments', async () => {
      const server = endpoint(nsA);
      const client = endpoint(nsB);
      const toClient = server.open({
        peerAddress: B,
        localCallId: 7,
        peerCallId: 40001,
        peerReceiveWindow: 64,
      });
      const toServer = client.open({
        peerAddress: A,
        localCallId: 40001,
        peerCallId: 7,
        peerReceiveWindow: 64,
      });
      const atServer: string[] = [];
      const atClient: string[] = [];
      toClient.deliverTo(frameReceiver((f) => atServer.push(Buffer.from(f).toString())));
      toServer.deliverTo(frameReceiver((f) => atClient.push(Buffer.from(f).toString())));

      const frames = Array.from({ length: 200 }, (_, i) => `ppp frame ${i}`);
      for (const f of frames) toServer.send(Buffer.from(f));
      await waitFor(() => atServer.length === frames.length);
      assert.deepEqual(atServer, frames);
      for (const f of frames.slice(0, 20)) toClient.send(Buffer.from(`reply ${f}`));
      await waitFor(() => atClient.length === 20);
      assert.equal(atClient[19], 'reply ppp frame 19');

      const s = toClient.sequencer.counters;
      assert.equal(s.rxDelivered, 200);
      assert.equal(s.rxDuplicate + s.rxLate + s.rxLost, 0);
      assert.ok(s.txPiggybackedAcks >= 1, 'the server piggybacks its ack on its first reply');
      // The client's 200 frames were acknowledged by piggybacked acks or ack-only packets.
      await waitFor(() => toServer.sequencer.outstanding === 0);
      assert.equal(toClient.counters().framesIn, 200);
    });

    test('delivered frames belong to the subscriber: later receive batches do not overwrite them', async () => {
      const server = endpoint(nsA);
      const client = endpoint(nsB);
      const toClient = server.open({
        peerAddress: B,
        localCallId: 21,
        peerCallId: 22,
        peerReceiveWindow: 64,
      });
      const toServer = client.open({
        peerAddress: A,
        localCallId: 22,
        peerCallId: 21,
        peerReceiveWindow: 64,
      });
      const kept: Uint8Array[] = [];
      toClient.deliverTo(frameReceiver((f) => kept.push(f))); // no copy: PPP keeps option values as views
      const frames = Array.from({ length: 100 }, (_, i) => `frame ${i} `.padEnd(40, String(i % 10)));
      for (const f of frames) toServer.send(Buffer.from(f));
      await waitFor(() => kept.length === frames.length);
      assert.deepEqual(
        kept.map((f) => Buffer.from(f).toString()),
        frames,
      );
      toServer.close();
      toClient.close();
    });

    test('a PNS that expects its call gets the packets sent before it opened the channel', async () => {
      const pac = endpoint(nsA);
      const pns = endpoint(nsB);
      const cancel = pns.expect(A, 31);
      const toPns = pac.open({ peerAddress: B, localCallId: 32, peerCallId: 31, peerReceiveWindow: 64 });
      toPns.send(Buffer.from('LCP ConfReq 1'));
      toPns.send(Buffer.from('LCP ConfReq 2'));
      await waitFor(() => pns.demux.counters.routed === 2);
      const toPac = pns.open({ peerAddress: A, localCallId: 31, peerCallId: 32, peerReceiveWindow: 64 });
      const seen: string[] = [];
      toPac.deliverTo(frameReceiver((f) => seen.push(Buffer.from(f).toString())));
      toPns.send(Buffer.from('LCP ConfReq 3'));
      await waitFor(() => seen.length === 3);
      assert.deepEqual(seen, ['LCP ConfReq 1', 'LCP ConfReq 2', 'LCP ConfReq 3']);
      cancel(); // a no-op once open() took the call over
      assert.equal(pns.demux.counters.unknownCall, 0);
      assert.equal(toPac.sequencer.counters.rxLost, 0);
      // Let the PNS's acknowledgment land before closing, so no stray packet reaches the next test.
      await waitFor(() => toPns.sequencer.outstanding === 0);
      toPac.close();
      toPns.close();
    });

    test('a packet for a known call from another address, or for an unknown call, is dropped and counted', async () => {
      const server = endpoint(nsA);
      const channel = server.open({
        peerAddress: '10.203.0.99',
        localCallId: 9,
        peerCallId: 1,
        peerReceiveWindow: 8,
      });
      let delivered = 0;
      channel.deliverTo(frameReceiver(() => delivered++));
      const intruder = RawIpSocket.open({ protocol: 47, netns: nsB });
      try {
        intruder.send(encodeGrePacket({ callId: 9, sequenceNumber: 1 }, new Uint8Array([0xc0, 0x21])), A);
        intruder.send(encodeGrePacket({ callId: 4242, sequenceNumber: 1 }, new Uint8Array([0xc0, 0x21])), A);
        intruder.send(new Uint8Array([0x30, 0x81, 0x88, 0x0b]), A); // truncated header
        await waitFor(() => {
          const c = server.stats();
          return c.wrongSource === 1 && c.unknownCall === 1 && c.malformed === 1;
        });
        assert.equal(delivered, 0);
      } finally {
        intruder.close();
      }
    });

    test('a closed channel stops delivering and frees its demux entry', async () => {
      const server = endpoint(nsA);
      const channel = server.open({ peerAddress: B, localCallId: 11, peerCallId: 12, peerReceiveWindow: 8 });
      let completed = false;
      channel.deliverTo(
        frameReceiver(
          () => {},
          () => (completed = true),
        ),
      );
      channel.close();
      channel.close();
      assert.equal(completed, true);
      assert.equal(server.demux.size, 0);
      channel.send(new Uint8Array([1])); // dropped quietly
    });
  },
);
