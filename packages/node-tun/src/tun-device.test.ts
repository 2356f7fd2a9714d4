// TunDevice against the real kernel (root): each test's device lives in a namespace this file creates
// and removes in after(), so the host's interfaces and routes are never touched.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { NodeTunError, RawIpSocket, TunDevice, packPackets, parseIpv4 } from './index.js';
import {
  NetnsLab,
  buildIcmpEcho,
  buildIpv4Packet,
  buildUdp,
  collectPackets,
  internetChecksum,
  ip,
  isRoot,
  parseIpv4Header,
} from './testing/index.js';

const LOCAL = '10.201.0.1';
const PEER = '10.201.0.2';

function echoRequest(identifier: number, sequence: number): Buffer {
  const icmp = buildIcmpEcho(8, identifier, sequence, Buffer.from(`switchyard ${sequence}`));
  return buildIpv4Packet({ source: PEER, destination: LOCAL, protocol: 1, payload: icmp });
}

function isEchoReply(packet: Buffer, identifier: number): boolean {
  const header = parseIpv4Header(packet);
  if (header?.protocol !== 1) return false;
  const icmp = packet.subarray(header.headerLength);
  return icmp[0] === 0 && icmp.readUInt16BE(4) === identifier;
}

describe('TunDevice', { skip: isRoot() ? false : 'needs root', timeout: 20_000 }, () => {
  const lab = new NetnsLab('tun');
  let netns = '';
  const open = (options: Parameters<typeof TunDevice.open>[0] = {}): TunDevice =>
    TunDevice.open({ netns, address: LOCAL, peer: PEER, ...options });

  before(() => {
    netns = lab.addNamespace();
  });
  after(() => lab.cleanup());

  test('reports the kernel-chosen name, ifindex and MTU, and configures address, peer and up', () => {
    const tun = open({ name: 'sy%d', mtu: 1400 });
    try {
      assert.match(tun.name, /^sy\d+$/);
      assert.equal(tun.mtu, 1400);
      const link = ip('-n', netns, '-o', 'addr', 'show', 'dev', tun.name);
      assert.match(link, new RegExp(`^${tun.ifindex}: ${tun.name}`));
      assert.match(link, /inet 10\.201\.0\.1 peer 10\.201\.0\.2\/32/);
      assert.match(ip('-n', netns, 'link', 'show', tun.name), /<POINTOPOINT,[^>]*\bUP\b/);
      tun.setUp(false);
      assert.doesNotMatch(ip('-n', netns, 'link', 'show', tun.name), /<[^>]*\bUP\b/);
    } finally {
      tun.close();
    }
    assert.throws(() => ip('-n', netns, 'link', 'show', tun.name), 'closing deletes the interface');
  });

  test('txQueueLength sets the kernel queue in front of the reader (the tun driver’s default is 500)', () => {
    const tun = open({ name: 'sy%d', txQueueLength: 2048 });
    try {
      assert.match(ip('-n', netns, 'link', 'show', tun.name), /qlen 2048\b/);
      tun.setTxQueueLength(700);
      assert.match(ip('-n', netns, 'link', 'show', tun.name), /qlen 700\b/);
      assert.throws(() => tun.setTxQueueLength(0), /txQueueLength/);
    } finally {
      tun.close();
    }
  });

  test('write reads a packet from a view at an offset into a larger buffer, and refuses other typed arrays', async () => {
    // Guards the one-call argument parsing (native/common.cc): the data pointer napi hands back
    // already includes the view's byteOffset, and the element type is checked exactly.
    const tun = open({ name: 'syview' });
    try {
      const request = echoRequest(0x5360, 1);
      const slab = new Uint8Array(request.length + 37).fill(0xee);
      slab.set(request, 29);
      const replies = collectPackets(tun, { count: 1, match: (p) => isEchoReply(p, 0x5360) });
      assert.equal(tun.write(slab.subarray(29, 29 + request.length)), true);
      assert.equal((await replies).length, 1, 'the kernel answered the packet the view shows');
      for (const wrong of [
        new Uint16Array(8),
        new Uint8ClampedArray(8),
        new DataView(new ArrayBuffer(8)),
        'not bytes',
      ]) {
        assert.throws(() => tun.write(wrong as unknown as Uint8Array), { code: 'SY_ERR_INVALID_ARGUMENT' });
      }
    } finally {
      tun.close();
    }
  });

  test('an ICMP echo request written to the device is routed by the kernel and the reply read back', async () => {
    const tun = open({ name: 'syecho' });
    try {
      const replies = collectPackets(tun, { count: 1, match: (p) => isEchoReply(p, 0x5359) });
      assert.equal(tun.write(echoRequest(0x5359, 1)), true);
      const [reply] = await replies;
      const header = parseIpv4Header(reply!.data)!;
      assert.equal(header.source, parseIpv4(LOCAL));
      assert.equal(header.destination, parseIpv4(PEER));
      assert.equal(header.checksumValid, true);
      assert.equal(internetChecksum(reply!.data.subarray(header.headerLength)), 0, 'ICMP checksum');
      assert.equal(reply!.data.subarray(header.headerLength + 8).toString(), 'switchyard 1');
    } finally {
      tun.close();
    }
  });

  test('a UDP datagram written to the device reaches a socket bound in the namespace', async () => {
    const tun = open({ name: 'syudp' });
    const script =
      "const s=require('dgram').createSocket('udp4');" +
      `s.bind(5555,'${LOCAL}',()=>console.log('ready'));` +
      's.on("message",(m,r)=>{console.log(JSON.stringify({m:m.toString(),a:r.address,p:r.port}));process.exit(0)});' +
      'setTimeout(()=>process.exit(2),5000);';
    const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', script]);
    try {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      while (!output.includes('ready')) await once(child.stdout, 'data');
      const udp = buildUdp(PEER, LOCAL, 40000, 5555, Buffer.from('over tun'));
      tun.write(buildIpv4Packet({ source: PEER, destination: LOCAL, protocol: 17, payload: udp }));
      const [code] = (await once(child, 'exit')) as [number];
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(output.split('\n')[1]!), { m: 'over tun', a: PEER, p: 40000 });
    } finally {
      child.kill();
      tun.close();
    }
  });

  test('packets the kernel routes to the peer are read in batches of at most batchSize', async () => {
    const tun = open({ name: 'syread', batchSize: 8 });
    const gre = RawIpSocket.open({ protocol: 47, netns });
    try {
      const sizes: number[] = [];
      const packets = collectPackets(tun, {
        count: 40,
        match: (p) => parseIpv4Header(p)?.protocol === 47,
        onBatch: (count) => sizes.push(count),
      });
      const payloads = Array.from({ length: 40 }, (_, i) => Buffer.from(`gre ${i}`));
      assert.equal(gre.sendBatch(payloads, PEER), 40);
      const received = await packets;
      assert.deepEqual(
        received.map((p) => p.data.subarray(20).toString()),
        payloads.map((p) => p.toString()),
      );
      assert.ok(sizes.every((n) => n >= 1 && n <= 8));
      assert.ok(tun.stats().packetsRead >= 40);
    } finally {
      gre.close();
      tun.close();
    }
  });

  test('writeBatch takes a list or a packed batch and counts every packet', async () => {
    const tun = open({ name: 'sybatch' });
    try {
      const replies = collectPackets(tun, { count: 32, match: (p) => isEchoReply(p, 0x4242) });
      const requests = Array.from({ length: 32 }, (_, i) => echoRequest(0x4242, i));
      assert.equal(tun.writeBatch(requests.slice(0, 16)), 16);
      assert.equal(tun.writeBatch(packPackets(requests.slice(16))), 16);
      const sequences = (await replies).map((r) => r.data.readUInt16BE(26)).sort((a, b) => a - b);
      assert.deepEqual(
        sequences,
        requests.map((_, i) => i),
      );
      const stats = tun.stats();
      assert.equal(stats.packetsWritten, 32);
      assert.equal(
        stats.bytesWritten,
        requests.reduce((sum, r) => sum + r.length, 0),
      );
      assert.equal(stats.writeDrops + stats.writeErrors, 0);
    } finally {
      tun.close();
    }
  });

  test('a write the kernel rejects (not IPv4/IPv6) returns false and counts a write error', () => {
    const tun = open({ name: 'sybad' });
    try {
      assert.equal(tun.write(Buffer.from([0x00, 1, 2, 3])), false);
      assert.equal(tun.stats().writeErrors, 1);
    } finally {
      tun.close();
    }
  });

  test('stop() pauses delivery, start() resumes it, close() is idempotent and ends writes', async () => {
    const tun = open({ name: 'sypause' });
    tun.start(() => assert.fail('no batch while stopped'));
    tun.stop();
    assert.equal(tun.reading, false);
    tun.write(echoRequest(0x7777, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const replies = await collectPackets(tun, { count: 1, match: (p) => isEchoReply(p, 0x7777) });
    assert.equal(replies.length, 1, 'the reply waited in the kernel queue');
    tun.close();
    tun.close();
    assert.equal(tun.closed, true);
    assert.throws(() => tun.write(echoRequest(1, 1)), { code: 'SY_ERR_CLOSED' });
    assert.throws(() => tun.start(() => undefined), { code: 'SY_ERR_CLOSED' });
    assert.equal(tun.stats().packetsWritten, 1, 'stats survive close');
  });

  test('deleting the interface under a reading device reports SY_ERR_TUN_IO to onError', async () => {
    const tun = open({ name: 'sygone' });
    try {
      const failed = new Promise<NodeTunError>((resolve) => tun.start(() => undefined, resolve));
      ip('-n', netns, 'link', 'del', 'sygone');
      const error = await failed;
      assert.ok(error instanceof NodeTunError);
      assert.equal(error.code, 'SY_ERR_TUN_IO');
      assert.equal(tun.reading, false);
      assert.throws(() => tun.setMtu(1400), { code: 'SY_ERR_TUN_CONFIG', syscall: 'ioctl(SIOCSIFMTU)' });
    } finally {
      tun.close();
    }
  });

  describe('errors carry stable codes', () => {
    test('a name longer than 15 bytes is SY_ERR_TUN_INVALID_NAME', () => {
      assert.throws(
        () => open({ name: 'x'.repeat(16) }),
        (error: unknown) => {
          assert.ok(error instanceof NodeTunError);
          assert.equal(error.code, 'SY_ERR_TUN_INVALID_NAME');
          assert.match(error.message, /too long/);
          return true;
        },
      );
    });

    test('a name the kernel rejects is SY_ERR_TUN_INVALID_NAME with errno and syscall', () => {
      assert.throws(
        () => open({ name: 'bad/name' }),
        (error: unknown) => {
          assert.ok(error instanceof NodeTunError);
          assert.equal(error.code, 'SY_ERR_TUN_INVALID_NAME');
          assert.equal(error.errno, 22);
          assert.equal(error.syscall, 'ioctl(TUNSETIFF)');
          assert.match(error.message, /EINVAL, errno 22, syscall ioctl\(TUNSETIFF\)/);
          return true;
        },
      );
    });

    test('a name held by a non-TUN link (veth) is SY_ERR_TUN_BUSY', () => {
      lab.addVethInNamespace(netns, 'sytaken');
      assert.throws(() => open({ name: 'sytaken' }), { code: 'SY_ERR_TUN_BUSY', errno: 22 });
      assert.throws(() => open({ name: 'sytaken', exclusive: true }), { code: 'SY_ERR_TUN_BUSY', errno: 16 });
    });

    test('a TUN device held open by another fd is SY_ERR_TUN_BUSY', () => {
      const first = open({ name: 'syheld' });
      try {
        assert.throws(() => open({ name: 'syheld' }), { code: 'SY_ERR_TUN_BUSY', errno: 16 });
      } finally {
        first.close();
      }
    });

    test('a missing namespace is SY_ERR_NETNS_NOT_FOUND', () => {
      assert.throws(() => TunDevice.open({ netns: `${netns}-missing` }), {
        code: 'SY_ERR_NETNS_NOT_FOUND',
        errno: 2,
      });
    });

    test('malformed options are SY_ERR_INVALID_ARGUMENT before anything is created', () => {
      assert.throws(() => open({ address: '10.201.0.300' }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => open({ mtu: 10 }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => TunDevice.open({ netns, peer: PEER }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => open({ batchSize: 0 }), { code: 'SY_ERR_INVALID_ARGUMENT' });
      assert.throws(() => TunDevice.open({ netns: '../etc' }), { code: 'SY_ERR_INVALID_ARGUMENT' });
    });
  });
});
