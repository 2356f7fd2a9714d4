// IPCP calls the IpLayerHooks at pppd's points (ipcp.c ipcp_up/ipcp_down): beforeUp once Opened and
// before the route opens, which waits for it; up once the route is open; down after the route closed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IpLayerHooks, IpLayerInfo } from '@switchyard/core';
import { clientIpcpConfAck, clientIpcpConfReq3 } from '@switchyard/ppp/testing';
import { FakePool, FakeSink, flush, ipcpBench } from '../testing/bench.js';

/** The reference capture's ms-dns (its Configure-Requests carry them). */
const captureConfig = { msDns: ['202.106.46.151', '202.106.0.20'] };

class RecordingHooks implements IpLayerHooks {
  readonly calls: string[] = [];
  gate: Promise<void> | undefined;
  constructor(private readonly sink: FakeSink) {}
  beforeUp(_s: unknown, ip: IpLayerInfo): Promise<void> | undefined {
    this.calls.push(`beforeUp ${ip.peerAddress} routes=${this.sink.routes.length}`);
    return this.gate;
  }
  up(_s: unknown, ip: IpLayerInfo): void {
    this.calls.push(`up ${ip.localAddress} ${ip.peerAddress} routes=${this.sink.routes.length}`);
  }
  down(_s: unknown, ip: IpLayerInfo): void {
    this.calls.push(`down ${ip.peerAddress} closed=${this.sink.closed}`);
  }
}

async function opened(hooks: (sink: FakeSink) => RecordingHooks) {
  const sink = new FakeSink();
  const h = hooks(sink);
  const bench = ipcpBench({
    config: captureConfig,
    pool: new FakePool('10.0.0.201', '10.0.0.254'),
    sink,
    hooks: h,
  });
  bench.ipcp.start();
  await flush();
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq3.bytes);
  await flush();
  return { bench, sink, hooks: h };
}

test('beforeUp before the route, up once it is open, down after it closed (pppd ipcp_up/ipcp_down)', async () => {
  const { bench, hooks } = await opened((sink) => new RecordingHooks(sink));
  assert.deepEqual(hooks.calls, ['beforeUp 10.0.0.201 routes=0', 'up 10.0.0.254 10.0.0.201 routes=1']);
  bench.ipcp.stop();
  assert.deepEqual(hooks.calls.at(-1), 'down 10.0.0.201 closed=1');
  bench.ipcp.dispose();
  assert.equal(hooks.calls.length, 3, 'down once');
});

test('the route waits for the beforeUp promise (ip-pre-up); IPCP down meanwhile: no route, no up, one down', async () => {
  let release!: () => void;
  const { sink, hooks } = await opened((s) => {
    const h = new RecordingHooks(s);
    h.gate = new Promise((resolve) => (release = resolve));
    return h;
  });
  assert.equal(sink.routes.length, 0, 'held by ip-pre-up');
  release();
  await flush();
  assert.equal(sink.routes.length, 1);
  assert.equal(hooks.calls.at(-1), 'up 10.0.0.254 10.0.0.201 routes=1');

  const second = await opened((s) => {
    const h = new RecordingHooks(s);
    h.gate = new Promise(() => {});
    return h;
  });
  second.bench.ipcp.dispose(); // released while ip-pre-up runs
  await flush();
  assert.deepEqual(second.hooks.calls, ['beforeUp 10.0.0.201 routes=0', 'down 10.0.0.201 closed=0']);
  assert.equal(second.sink.routes.length, 0);
});

test('without hooks IPCP holds nothing for them: same route, no extra property on the session object', async () => {
  const sink = new FakeSink();
  const bench = ipcpBench({ config: captureConfig, pool: new FakePool('10.0.0.201', '10.0.0.254'), sink });
  bench.ipcp.start();
  await flush();
  bench.receive(clientIpcpConfAck.bytes);
  bench.receive(clientIpcpConfReq3.bytes);
  await flush();
  assert.equal(sink.routes.length, 1);
  const setup = (bench.ipcp as unknown as { setup: object }).setup;
  assert.equal(Object.hasOwn(setup, 'hooks'), false);
});
