import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internetChecksum, pcapFile, randomBytes, runTshark, seededRandom } from '@switchyard/wire/testing';
import { parseIpv4 } from './ipv4.js';
import {
  MIN_PACKET_BYTES,
  UdpPacketStamp,
  buildUdpPacket,
  readUdpPacket,
  type UdpPacketSpec,
} from './udp-packet.js';

const spec = (overrides: Partial<UdpPacketSpec> = {}): UdpPacketSpec => ({
  source: parseIpv4('10.0.0.201') as number,
  destination: parseIpv4('10.0.0.5') as number,
  sourcePort: 10_007,
  destinationPort: 7,
  totalBytes: 100,
  session: 3,
  sequence: 41,
  ...overrides,
});

test('a built packet reads back with every field, its probe and valid checksums', () => {
  const packet = buildUdpPacket(spec());
  assert.equal(packet.length, 100);
  assert.deepEqual(readUdpPacket(packet), {
    source: parseIpv4('10.0.0.201'),
    destination: parseIpv4('10.0.0.5'),
    sourcePort: 10_007,
    destinationPort: 7,
    totalBytes: 100,
    checksumsOk: true,
    probe: { session: 3, sequence: 41 },
  });
});

test('checksums agree with an independent RFC 1071 sum (IPv4 header; UDP with its pseudo-header, RFC 768)', () => {
  for (const totalBytes of [MIN_PACKET_BYTES, 41, 512, 1401]) {
    const packet = buildUdpPacket(spec({ totalBytes }));
    const header = packet.slice(0, 20);
    header[10] = header[11] = 0;
    assert.equal(new DataView(packet.buffer).getUint16(10), internetChecksum(header), `IP, ${totalBytes} B`);
    const udp = packet.slice(20);
    udp[6] = udp[7] = 0;
    const pseudo = new Uint8Array(12);
    pseudo.set(packet.subarray(12, 20), 0);
    pseudo[9] = 17;
    new DataView(pseudo.buffer).setUint16(10, udp.length);
    // An odd-length datagram is padded with a zero byte for the sum, never in the packet.
    const padded = udp.length % 2 === 0 ? udp : Uint8Array.of(...udp, 0);
    assert.equal(
      new DataView(packet.buffer).getUint16(26),
      internetChecksum(pseudo, padded),
      `UDP, ${totalBytes} B`,
    );
  }
});

test('tshark verifies both checksums of generated packets (status 1 = good, 0 = bad)', () => {
  const packets = [40, 333, 1400].map((totalBytes, i) => buildUdpPacket(spec({ totalBytes, sequence: i })));
  const broken = buildUdpPacket(spec());
  broken[50] = (broken[50] as number) ^ 1;
  const out = runTshark(
    pcapFile([...packets, broken].map((data, i) => ({ timeMs: i, data }))),
    ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-T', 'fields'].concat([
      '-e',
      'ip.checksum.status',
      '-e',
      'udp.checksum.status',
      '-e',
      '_ws.malformed',
    ]),
  );
  // The test setup installs tshark (scripts/setup.sh --for-tests): without it this check must fail, not pass unseen.
  assert.ok(out !== undefined, 'tshark is not installed: run bash scripts/setup.sh --for-tests');
  assert.deepEqual(out.split('\n').filter(Boolean), ['1\t1\t', '1\t1\t', '1\t1\t', '1\t0\t']);
});

test('a flipped byte makes the checksums fail; other protocols, fragments and short buffers are not UDP', () => {
  const packet = buildUdpPacket(spec());
  packet[60] = (packet[60] as number) ^ 0xff;
  assert.equal(readUdpPacket(packet)?.checksumsOk, false);
  const icmp = buildUdpPacket(spec());
  icmp[9] = 1;
  assert.equal(readUdpPacket(icmp), undefined);
  const fragment = buildUdpPacket(spec());
  fragment[6] = 0x20; // More Fragments
  assert.equal(readUdpPacket(fragment), undefined);
  assert.equal(readUdpPacket(buildUdpPacket(spec()).subarray(0, 30)), undefined);
  assert.equal(readUdpPacket(new Uint8Array([0x60, 0, 0, 0])), undefined, 'IPv6');
});

test('a reply without our probe is still read; a zero UDP checksum counts as none (RFC 768)', () => {
  const packet = buildUdpPacket(spec());
  packet.fill(0, 28, 32); // the probe's marker
  packet[26] = packet[27] = 0;
  const info = readUdpPacket(packet);
  assert.equal(info?.probe, undefined);
  assert.equal(info?.checksumsOk, true);
});

test('sizes outside MIN_PACKET_BYTES..65535 are refused', () => {
  assert.throws(() => buildUdpPacket(spec({ totalBytes: MIN_PACKET_BYTES - 1 })), RangeError);
  assert.throws(() => buildUdpPacket(spec({ totalBytes: 65536 })), RangeError);
});

test('random bytes never make readUdpPacket throw', () => {
  const random = seededRandom(11);
  for (let i = 0; i < 2000; i++) {
    const bytes = randomBytes(random, Math.floor(random() * 80));
    if (bytes.length > 0) bytes[0] = 0x45;
    if (bytes.length > 9) bytes[9] = 17;
    readUdpPacket(bytes);
  }
});

test('a stamped packet is byte for byte the built one, across the 16- and 32-bit wraps and the 0 → 0xffff UDP checksum', () => {
  const random = seededRandom(7);
  for (const totalBytes of [MIN_PACKET_BYTES, 41, 64, 1400]) {
    const { sequence: _, ...flow } = spec({ totalBytes });
    const stamp = new UdpPacketStamp(flow);
    const sequences = [0, 1, 0xfffe, 0xffff, 0x10000, 0xfffffffe, 0xffffffff];
    for (let i = 0; i < 200; i++) sequences.push(Math.floor(random() * 2 ** 32));
    for (const sequence of sequences) {
      assert.deepEqual(
        stamp.stamp(sequence),
        buildUdpPacket({ ...flow, sequence }),
        `${totalBytes} B #${sequence}`,
      );
    }
  }
  // Some sequence gives a computed UDP checksum of 0, which RFC 768 sends as 0xffff: find and check it.
  const { sequence: _, ...flow } = spec();
  const stamp = new UdpPacketStamp(flow);
  let zero = 0;
  for (let sequence = 0; sequence < 0x20000 && zero === 0; sequence++) {
    const built = buildUdpPacket({ ...flow, sequence });
    if (built[26] === 0xff && built[27] === 0xff) {
      zero++;
      assert.deepEqual(stamp.stamp(sequence), built);
    }
  }
  assert.equal(zero, 1, 'a sequence number with the special checksum exists');
});

test('the stamp reuses one packet: it is lent until the next stamp', () => {
  const { sequence: _, ...flow } = spec();
  const stamp = new UdpPacketStamp(flow);
  const first = stamp.stamp(1);
  assert.equal(stamp.stamp(2), first);
  assert.equal(readUdpPacket(first)?.probe?.sequence, 2);
});
