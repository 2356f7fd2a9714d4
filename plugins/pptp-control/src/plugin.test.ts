// The pptp-control plugin over real TCP on loopback, with an in-memory CallChannelFactory standing in
// for GRE (the GRE round trip is tested in test/src/integration). A PNS built from our own machine plays
// the client.
import assert from 'node:assert/strict';
import { connect, createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  callChannelFactoryToken,
  closeReason,
  definePlugin,
  tunnelTransportToken,
  type CallChannel,
  type CallChannelParams,
  type CloseReason,
  type FrameReceiver,
  type Link,
  type Plugin,
} from '@switchyard/core';
import { testAppliance, type TestAppliance } from '@switchyard/core/testing';
import { pptpControlPlugin } from './plugin.js';
import { PnsTestClient } from './testing/pns-client.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const until = async (condition: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('pptp-control plugin (PAC) over TCP', { timeout: 30_000 }, () => {
  const opened: { params: CallChannelParams; closed: boolean }[] = [];
  const links: Link[] = [];
  const downs: CloseReason[] = [];
  const memoryChannels = definePlugin({
    id: 'memory-channels',
    provides: [callChannelFactoryToken],
    register: (container) =>
      container.registerInstance(callChannelFactoryToken, {
        open: (params): CallChannel => {
          const record = { params, closed: false };
          opened.push(record);
          let receiver: FrameReceiver | undefined;
          return {
            deliverTo: (r) => (receiver = r),
            send: () => {},
            close: () => {
              record.closed = true;
              receiver?.end();
            },
            counters: () => ({ framesIn: 0, framesOut: 0, bytesIn: 0, bytesOut: 0, dropped: 0 }),
          };
        },
      }),
  });
  const linkCollector = definePlugin({
    id: 'link-collector',
    requires: [tunnelTransportToken],
    start: ({ container, sessions }) => {
      const subscription = container.resolve(tunnelTransportToken).links$.subscribe((l) => links.push(l));
      sessions.bus.on('down', (_info, reason) => downs.push(reason));
      return { stop: () => subscription.unsubscribe() };
    },
  });

  let app: TestAppliance;
  let port = 0;
  const clients: PnsTestClient[] = [];
  const client = async (first?: number) => {
    const c = await PnsTestClient.connect(port, first);
    clients.push(c);
    await c.waitFor('established');
    return c;
  };

  before(async () => {
    port = await freePort();
    app = testAppliance([pptpControlPlugin, memoryChannels, linkCollector] as Plugin<never>[], {
      'pptp-control': { listen: '127.0.0.1', port, stimeout: 1, hostName: 'switchyard-test' },
    });
    await app.appliance.start();
  });
  after(async () => {
    await app.appliance.stop();
    for (const c of clients) c.destroy();
  });

  test('an outgoing call becomes a session and a Link over a channel keyed by both Call IDs', async () => {
    const pns = await client(40000);
    pns.input({ type: 'place-call', parameters: { packetRecvWindowSize: 3 } });
    const up = await pns.waitFor('call-up');
    await until(() => links.length === 1);
    const link = links[0]!;
    assert.equal(link.session.transport, 'pptp');
    assert.equal(link.session.peer, '127.0.0.1');
    assert.deepEqual(opened[0]?.params, {
      peerAddress: '127.0.0.1',
      localCallId: up.call.peerCallId,
      peerCallId: up.call.callId,
      peerReceiveWindow: 3, // what the client announced in its Outgoing-Call-Request
    });
    assert.notEqual(up.call.peerCallId, 0, 'call ids are never 0');
    assert.equal(link.maxFrameBytes > 0, true);
    assert.equal(Object.hasOwn(link, 'send'), false, 'the Link is a class instance: no closures per call');

    // The client clears the call: Call-Disconnect-Notify comes back, the session ends peer-terminated.
    pns.input({ type: 'clear-call', callId: up.call.callId });
    await pns.waitFor('call-down');
    await link.session.closed;
    assert.deepEqual(downs.at(-1), { code: 'peer-terminated', detail: 'Call-Clear-Request' });
    assert.equal(opened[0]?.closed, true);
  });

  test('a session closed on the server side hangs the call up with Call-Disconnect-Notify', async () => {
    const pns = await client(41000);
    pns.input({ type: 'place-call' });
    await pns.waitFor('call-up');
    await until(() => links.length === 2);
    links[1]!.close(closeReason('auth-failed'));
    const down = await pns.waitFor('call-down');
    assert.equal(down.reason, 'peer-disconnect');
    assert.equal(pns.closed, false, 'the control connection stays up');
  });

  test('a connection that sends no Start-Control-Connection-Request is closed after stimeout', async () => {
    const socket = connect({ host: '127.0.0.1', port });
    let closed = false;
    socket.on('close', () => (closed = true));
    const accepted = app.logs.lines().filter((l) => l.includes('control connection from')).length;
    await until(
      () => app.logs.lines().filter((l) => l.includes('control connection from')).length > accepted,
    );
    app.clock.advance(999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(closed, false, 'not before stimeout');
    app.clock.advance(1);
    await until(() => closed);
    assert.ok(app.logs.has('control connection closed: start-timeout'));
  });

  test('malformed input closes only that connection', async () => {
    const healthy = await client(42000);
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', () => socket.write(Buffer.from('GET / HTTP/1.0\r\n\r\n')));
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    assert.ok(app.logs.has(/malformed control message, closing/));
    healthy.input({ type: 'place-call' });
    await healthy.waitFor('call-up');
    assert.equal(healthy.closed, false);
  });

  test('stopping the appliance sends Stop-Control-Connection-Request and ends sessions with shutdown', async () => {
    const pns = await client(43000);
    pns.input({ type: 'place-call' });
    await pns.waitFor('call-up');
    const before = downs.length;
    await app.appliance.stop();
    await pns.waitFor('send', (o) => o.message.type === 'StopControlConnectionReply');
    assert.ok(downs.slice(before).some((r) => r.code === 'shutdown'));
  });
});
