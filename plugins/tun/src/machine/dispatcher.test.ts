import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packPackets } from '@switchyard/node-tun';
import { buildIcmpEcho, buildIpv4Packet } from '@switchyard/node-tun/testing';
import { PacketDispatcher, newPortCounters, type DispatchTarget, type DropReason } from './dispatcher.js';

function packetTo(destination: string, tag: string): Buffer {
  const payload = buildIcmpEcho(0, 7, 1, Buffer.from(tag));
  return buildIpv4Packet({ source: '10.0.0.5', destination, protocol: 1, payload });
}

function target(onDeliver: (packet: Uint8Array) => void = () => undefined): DispatchTarget & {
  seen: string[];
} {
  const seen: string[] = [];
  return {
    seen,
    counters: newPortCounters(),
    deliver(packet) {
      seen.push(Buffer.from(packet.subarray(28)).toString());
      onDeliver(packet);
    },
  };
}

test('a batch is dispatched by IPv4 destination, each port counting what it got', () => {
  const dispatcher = new PacketDispatcher();
  const a = target();
  const b = target();
  dispatcher.add(0x0a0000c9, a); // 10.0.0.201
  dispatcher.add(0x0a0000ca, b); // 10.0.0.202
  const batch = packPackets([
    packetTo('10.0.0.201', 'a1'),
    packetTo('10.0.0.202', 'b1'),
    packetTo('10.0.0.201', 'a2'),
  ]);
  dispatcher.dispatchBatch(batch);
  assert.deepEqual(a.seen, ['a1', 'a2']);
  assert.deepEqual(b.seen, ['b1']);
  assert.equal(a.counters.deliveredPackets, 2);
  assert.equal(a.counters.deliveredBytes, 60);
  assert.deepEqual(dispatcher.counters, {
    packets: 3,
    deliveredPackets: 3,
    deliveredBytes: 90,
    malformed: 0,
    ipv6: 0,
    unknownDestination: 0,
    deliverErrors: 0,
  });
});

test('deliver gets a view into the batch buffer (no copy), exactly Total Length long', () => {
  const dispatcher = new PacketDispatcher();
  let view: Uint8Array | undefined;
  dispatcher.add(
    0x0a0000c9,
    target((packet) => (view = packet)),
  );
  const packet = packetTo('10.0.0.201', 'view');
  const slab = Buffer.concat([Buffer.alloc(16), packet, Buffer.alloc(5)]);
  dispatcher.dispatch(slab, 16, packet.length + 5);
  assert.ok(view);
  assert.equal(view.buffer, slab.buffer, 'same memory as the slab');
  assert.equal(view.byteOffset, slab.byteOffset + 16);
  assert.deepEqual(Buffer.from(view), packet);
});

test('IPv6, malformed and unowned packets are dropped and counted by reason', () => {
  const drops: DropReason[] = [];
  const dispatcher = new PacketDispatcher((reason) => drops.push(reason));
  dispatcher.add(0x0a0000c9, target());
  const ipv6 = Buffer.alloc(40);
  ipv6[0] = 0x60;
  const truncated = packetTo('10.0.0.201', 'x').subarray(0, 12);
  dispatcher.dispatchBatch(packPackets([ipv6, truncated, packetTo('10.0.0.99', 'nobody')]));
  assert.deepEqual(drops, ['ipv6', 'malformed', 'unknown-destination']);
  const { ipv6: v6, malformed, unknownDestination, deliveredPackets } = dispatcher.counters;
  assert.deepEqual([v6, malformed, unknownDestination, deliveredPackets], [1, 1, 1, 0]);
});

test('a deliver that throws is counted and the rest of the batch still flows', () => {
  const dispatcher = new PacketDispatcher();
  const broken = target(() => {
    throw new Error('bug upstream');
  });
  const fine = target();
  dispatcher.add(0x0a0000c9, broken);
  dispatcher.add(0x0a0000ca, fine);
  dispatcher.dispatchBatch(packPackets([packetTo('10.0.0.201', 'a'), packetTo('10.0.0.202', 'b')]));
  assert.equal(broken.counters.deliverErrors, 1);
  assert.equal(broken.counters.deliveredPackets, 0);
  assert.deepEqual(fine.seen, ['b']);
  assert.equal(dispatcher.counters.deliverErrors, 1);
});

test('remove() only evicts the target it is given; add() refuses a taken address', () => {
  const dispatcher = new PacketDispatcher();
  const first = target();
  const second = target();
  dispatcher.add(1, first);
  assert.throws(() => dispatcher.add(1, second));
  dispatcher.remove(1, first);
  dispatcher.add(1, second);
  dispatcher.remove(1, first); // a late close of the old session
  assert.equal(dispatcher.has(1), true);
  assert.equal(dispatcher.size, 1);
});
