// RawIpSocket across two namespaces joined by a veth pair (root). The sockets are opened inside the
// namespaces with the `netns` option (setns on the calling thread only), so one process plays both ends.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { NodeTunError, RawIpSocket, formatIpv4, packPackets, parseIpv4 } from './index.js';
import { NetnsLab, collectPackets, ip, isRoot } from './testing/index.js';

const A = '10.202.0.1';
const A2 = '10.202.0.3';
const B = '10.202.0.2';
const B2 = '10.202.0.4';
const GRE = 47;

function payloads(count: number, tag: string, size = 0): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.from(`${tag} ${i} `.padEnd(size, '.')));
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('RawIpSocket', { skip: isRoot() ? false : 'needs root', timeout: 20_000 }, () => {
  const lab = new NetnsLab('raw');
  let nsA = '';
  let nsB = '';
  const sockets: RawIpSocket[] = [];
  const open = (
    netns: string,
    options: Partial<Parameters<typeof RawIpSocket.open>[0]> = {},
  ): RawIpSocket => {
    const socket = RawIpSocket.open({ protocol: GRE, netns, ...options });
    sockets.push(socket);
    return socket;
  };

  before(() => {
    nsA = lab.addNamespace();
    nsB = lab.addNamespace();
    const { a, b } = lab.addVethPair(nsA, `${A}/24`, nsB, `${B}/24`);
    ip('-n', nsA, 'addr', 'add', `${A2}/24`, 'dev', a);
    ip('-n', nsB, 'addr', 'add', `${B2}/24`, 'dev', b);
  });
  after(() => {
    for (const socket of sockets) socket.close();
    lab.cleanup();
  });

  test('a GRE batch sent from one namespace arrives in the other with the sender as source', async () => {
    const sender = open(nsA);
    const receiver = open(nsB, { batchSize: 16 });
    const sent = payloads(50, 'gre');
    const arriving = collectPackets(receiver, { count: 50 });
    assert.equal(sender.sendBatch(sent, B), 50);
    const received = await arriving;
    assert.deepEqual(
      received.map((p) => p.data.toString()),
      sent.map((p) => p.toString()),
      'payloads arrive whole, IP header stripped',
    );
    assert.ok(received.every((p) => p.source === parseIpv4(A)));
    assert.equal(formatIpv4(received[0]!.source!), A);
    assert.equal(sender.stats().packetsSent, 50);
    assert.equal(
      sender.stats().bytesSent,
      sent.reduce((sum, p) => sum + p.length, 0),
    );
    assert.equal(receiver.stats().packetsReceived, 50);
    assert.equal(receiver.stats().bytesReceived, sender.stats().bytesSent);
    sender.close();
    receiver.close();
  });

  test('a packed batch goes to per-packet destinations; bound sockets see only their address', async () => {
    const sender = open(nsA);
    const toB = open(nsB, { bindAddress: B });
    const toB2 = open(nsB, { bindAddress: B2 });
    const batch = packPackets(payloads(20, 'packed'));
    const destinations = Uint32Array.from({ length: 20 }, (_, i) => parseIpv4(i % 2 === 0 ? B : B2));
    const atB = collectPackets(toB, { count: 10 });
    const atB2 = collectPackets(toB2, { count: 10 });
    assert.equal(sender.sendBatch(batch, destinations), 20);
    assert.deepEqual(
      (await atB).map((p) => p.data.toString().trim()),
      payloads(10, 'x').map((_, i) => `packed ${2 * i}`),
    );
    assert.deepEqual(
      (await atB2).map((p) => p.data.toString().trim()),
      payloads(10, 'x').map((_, i) => `packed ${2 * i + 1}`),
    );
  });

  test('bindAddress sets the source address of sent packets', async () => {
    const sender = open(nsA, { bindAddress: A2 });
    const receiver = open(nsB);
    const arriving = collectPackets(receiver, { count: 3 });
    assert.equal(sender.sendBatch(payloads(3, 'bound'), B), 3);
    assert.ok((await arriving).every((p) => p.source === parseIpv4(A2)));
  });

  test('ICMP protocol-unreachable errors are counted and stop neither sending nor reading', async () => {
    // Protocol 253 (RFC 3692, experimentation) has no listener in nsB yet, so nsB answers with
    // ICMP protocol-unreachable, which IP_RECVERR queues on the sending socket (POLLERR).
    const a = open(nsA, { protocol: 253 });
    const fromB = collectPackets(a, { count: 1, timeoutMs: 5000 });
    assert.equal(a.send(Buffer.from('nobody home'), B), true);
    await waitFor(() => a.stats().icmpErrors >= 1);
    assert.equal(a.send(Buffer.from('nobody home'), B), true, 'a queued error does not fail the next send');
    await waitFor(() => a.stats().icmpErrors >= 2);
    assert.equal(a.reading, true);
    const b = open(nsB, { protocol: 253 });
    assert.equal(b.send(Buffer.from('still reading'), A), true);
    const [packet] = await fromB;
    assert.equal(packet!.data.toString(), 'still reading');
    assert.equal(packet!.source, parseIpv4(B));
    assert.deepEqual([a.stats().receiveErrors, a.stats().sendErrors], [0, 0]);
  });

  test('an exception thrown by the handler is rethrown asynchronously and reading goes on', () => {
    // In a child: node:test would fail whichever test is running when an uncaught exception appears.
    const script = `
      const { RawIpSocket } = await import(${JSON.stringify(new URL('./index.js', import.meta.url).href)});
      const rx = RawIpSocket.open({ protocol: 252, netns: '${nsB}' });
      const tx = RawIpSocket.open({ protocol: 252, netns: '${nsA}' });
      let batches = 0;
      process.on('uncaughtException', (e) => {
        console.log('uncaught: ' + e.message);
        tx.send(Buffer.from('second'), '${B}');
      });
      rx.start((batch) => {
        if (++batches === 1) throw new Error('handler bug');
        console.log('batch: ' + batch.buffer.toString('utf8', batch.offsets[0], batch.offsets[0] + batch.lengths[0]));
        rx.close();
        tx.close();
      });
      tx.send(Buffer.from('first'), '${B}');
      setTimeout(() => process.exit(3), 3000).unref();`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    assert.equal(output, 'uncaught: handler bug\nbatch: second\n');
  });

  test('an unroutable packet is skipped and counted; the rest of the batch is sent', async () => {
    const sender = open(nsA);
    const receiver = open(nsB);
    const arriving = collectPackets(receiver, { count: 2 });
    const destinations = Uint32Array.from([parseIpv4('192.0.2.1'), parseIpv4(B), parseIpv4(B)]);
    assert.equal(sender.sendBatch(payloads(3, 'route'), destinations), 2);
    assert.equal(sender.stats().sendErrors, 1);
    assert.deepEqual(
      (await arriving).map((p) => p.data.toString().trim()),
      ['route 1', 'route 2'],
    );
  });

  test('a packet larger than maxPacketBytes is counted as truncated, not delivered', async () => {
    const sender = open(nsA);
    const receiver = open(nsB, { maxPacketBytes: 100 });
    const arriving = collectPackets(receiver, { count: 1 });
    sender.sendBatch([Buffer.alloc(200, 1), Buffer.from('small')], B);
    assert.equal((await arriving)[0]!.data.toString(), 'small');
    assert.equal(receiver.stats().truncated, 1);
  });

  test('receiveBufferBytes may exceed net.core.rmem_max as root (SO_RCVBUFFORCE)', () => {
    const socket = open(nsB, { receiveBufferBytes: 16 * 1024 * 1024, sendBufferBytes: 8 * 1024 * 1024 });
    assert.ok(socket.receiveBufferBytes >= 16 * 1024 * 1024, `got ${socket.receiveBufferBytes}`);
    assert.ok(socket.sendBufferBytes >= 8 * 1024 * 1024);
  });

  describe('errors carry stable codes', () => {
    test('binding to an address the namespace does not own is SY_ERR_RAW_BIND', () => {
      assert.throws(
        () => open(nsA, { bindAddress: B }),
        (error: unknown) => {
          assert.ok(error instanceof NodeTunError);
          assert.equal(error.code, 'SY_ERR_RAW_BIND');
          assert.equal(error.syscall, 'bind');
          assert.match(error.message, /EADDRNOTAVAIL/);
          return true;
        },
      );
    });

    test('out-of-range options and packed bounds are SY_ERR_INVALID_ARGUMENT', () => {
      assert.throws(() => open(nsA, { protocol: 0 }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => open(nsA, { protocol: 255 }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => open(nsA, { batchSize: 2048 }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      const socket = open(nsA);
      const bad = {
        buffer: Buffer.alloc(4),
        offsets: Uint32Array.of(2),
        lengths: Uint32Array.of(4),
        count: 1,
      };
      assert.throws(() => socket.sendBatch(bad, B), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => socket.sendBatch(packPackets(payloads(2, 'x')), Uint32Array.of(1)), {
        code: 'SY_ERR_INVALID_ARGUMENT',
      });
      assert.throws(() => socket.send(Buffer.alloc(1), 'not-an-ip'), { code: 'SY_ERR_INVALID_ARGUMENT' });
    });

    test('a closed socket is SY_ERR_CLOSED; close is idempotent', () => {
      const socket = open(nsA);
      socket.close();
      socket.close();
      assert.throws(() => socket.send(Buffer.alloc(1), B), { code: 'SY_ERR_CLOSED' });
      assert.throws(() => socket.start(() => undefined), { code: 'SY_ERR_CLOSED' });
    });
  });
});
