// UDP load helper, one role per process (run inside a namespace by BenchChild):
//   sink  --port P        counts UDP datagrams to port P (raw protocol-17 socket, recvmmsg batches, so
//                         the counter is not what limits the rate); stdin `mark` → {packets, bytes, atMs}
//   blast --to A[,B…] --port P --size S --ms D [--pps R]
//                         sends S-byte IP packets (UDP inside) round-robin to the addresses for D ms,
//                         sendmmsg batches as fast as the kernel takes them, or paced at R packets/s
//                         (so a sender sharing a CPU with the receiver leaves it time) → {sent, …}
// Raw sockets on both ends so the plain path and the tunnel path use the same batched syscalls: the
// comparison is then between network paths, not between Node's per-datagram dgram API and batching.
import { parseArgs } from 'node:util';
import { RawIpSocket, packPackets, parseIpv4 } from '@switchyard/node-tun';

const UDP = 17;
const IP_HEADER = 20;
const UDP_HEADER = 8;

const { values: args } = parseArgs({
  options: {
    role: { type: 'string', default: '' },
    port: { type: 'string', default: '9000' },
    to: { type: 'string', default: '' },
    size: { type: 'string', default: '1400' },
    ms: { type: 'string', default: '3000' },
    batch: { type: 'string', default: '64' },
    pps: { type: 'string', default: '0' },
  },
});

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** A UDP datagram (header + payload) making an IP packet of `ipSize` bytes; checksum 0 = none (IPv4). */
export function udpDatagram(ipSize: number, port: number, sequence: number): Uint8Array {
  const length = Math.max(ipSize - IP_HEADER, UDP_HEADER + 4);
  const datagram = Buffer.alloc(length, 0x5a);
  datagram.writeUInt16BE(port + 1, 0);
  datagram.writeUInt16BE(port, 2);
  datagram.writeUInt16BE(length, 4);
  datagram.writeUInt16BE(0, 6);
  datagram.writeUInt32BE(sequence >>> 0, UDP_HEADER);
  return datagram;
}

function runSink(): void {
  const port = Number(args.port);
  const socket = RawIpSocket.open({ protocol: UDP, receiveBufferBytes: 32 << 20, batchSize: 256 });
  let packets = 0;
  let bytes = 0;
  socket.start((batch) => {
    const { buffer, offsets, lengths } = batch;
    for (let i = 0; i < batch.count; i++) {
      const at = offsets[i] as number;
      // Destination port at UDP offset 2: count only our flow (the kernel copies every UDP datagram).
      if (((buffer[at + 2] as number) << 8) + (buffer[at + 3] as number) !== port) continue;
      packets++;
      bytes += (lengths[i] as number) + IP_HEADER;
    }
  });
  print({ ready: true });
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    for (const command of text.split('\n').filter(Boolean)) {
      if (command === 'mark') print({ packets, bytes, atMs: performance.now(), stats: socket.stats() });
    }
  });
  process.stdin.on('end', () => {
    socket.close();
    process.exit(0);
  });
}

function runBlast(): void {
  const port = Number(args.port);
  const size = Number(args.size);
  const batchSize = Number(args.batch);
  const targets = args.to.split(',').filter(Boolean).map(parseIpv4);
  if (targets.length === 0) throw new Error('blast: --to is required');
  const socket = RawIpSocket.open({ protocol: UDP, sendBufferBytes: 8 << 20 });
  // A batch covers every target the same number of times, so the round-robin is exact.
  const perBatch = Math.max(batchSize, targets.length);
  const batch = packPackets(Array.from({ length: perBatch }, (_, i) => udpDatagram(size, port, i)));
  const destinations = Uint32Array.from(
    { length: perBatch },
    (_, i) => targets[i % targets.length] as number,
  );
  const durationMs = Number(args.ms);
  const pps = Number(args.pps);
  const start = performance.now();
  let sent = 0;
  let attempts = 0;
  // A dedicated process: blocking its event loop costs nothing, and the clock is read once a batch.
  for (let now = start; now - start < durationMs; now = performance.now()) {
    if (pps > 0) {
      const wait = ((attempts + perBatch) * 1000) / pps - (now - start);
      if (wait > 0) {
        sleepMs(Math.min(wait, 5));
        continue;
      }
    }
    sent += socket.sendBatch(batch, destinations);
    attempts += perBatch;
  }
  const elapsedMs = performance.now() - start;
  print({ sent, attempts, elapsedMs, stats: socket.stats() });
  socket.close();
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (fractions allowed): pacing without timers' 1 ms granularity. */
function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

if (args.role === 'sink') runSink();
else if (args.role === 'blast') runBlast();
else if (args.role !== '') throw new Error(`udp-flood: unknown role ${args.role}`);
