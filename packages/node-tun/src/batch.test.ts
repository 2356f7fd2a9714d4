// Packed batches: packets in one buffer with parallel offsets/lengths, viewed or copied out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyPacket, packPackets, packetAt } from './batch.js';

test('packPackets lays packets end to end and packetAt views each one', () => {
  const packets = [Buffer.from('one'), Buffer.alloc(0), Buffer.from('three')];
  const batch = packPackets(packets);
  assert.equal(batch.count, 3);
  assert.deepEqual([...batch.offsets], [0, 3, 3]);
  assert.deepEqual([...batch.lengths], [3, 0, 5]);
  assert.deepEqual(
    packets.map((_, i) => packetAt(batch, i).toString()),
    ['one', '', 'three'],
  );
  assert.equal(packetAt(batch, 3).length, 0, 'past count: empty');
});

test('packetAt shares memory with the batch while copyPacket owns its bytes', () => {
  const batch = packPackets([Buffer.from('abc')]);
  const view = packetAt(batch, 0);
  const copy = copyPacket(batch, 0);
  batch.buffer[0] = 0x7a;
  assert.equal(view.toString(), 'zbc');
  assert.equal(copy.toString(), 'abc');
});
