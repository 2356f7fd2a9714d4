// GRE (IP protocol 47) throughput between two namespaces over a veth pair: one process sends
// sendmmsg batches flat out for a fixed time, another receives with recvmmsg batches. Prints a table
// and writes JSON; never asserts (STYLE.md §3.10). Root only. The reference point is the old
// `raw-socket` package: 130,000 packets/s sent, ~1,000 of ~500,000 delivered by its receiver.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RawIpSocket, packPackets, parseIpv4, type RawIpSocketStats } from '../index.js';
import { NetnsLab, ip, isRoot } from '../testing/index.js';

const SENDER = '10.203.0.1';
const RECEIVER = '10.203.0.2';
const GRE = 47;

const { values: args } = parseArgs({
  options: {
    role: { type: 'string', default: 'main' },
    netns: { type: 'string', default: '' },
    'duration-ms': { type: 'string', default: '3000' },
    sizes: { type: 'string', default: '1400,64' },
    batch: { type: 'string', default: '64' },
    'rcvbuf-mb': { type: 'string', default: '64' },
    size: { type: 'string', default: '1400' },
    out: { type: 'string' },
  },
});
const batchSize = Number(args.batch);

/** An enhanced GRE packet (RFC 2637 §4.4: K and S set, PPP protocol 0x880b) padded to `size`. */
function grePacket(size: number): Buffer {
  const packet = Buffer.alloc(Math.max(size, 12), 0x5a);
  packet.writeUInt16BE(0x3001, 0);
  packet.writeUInt16BE(0x880b, 2);
  packet.writeUInt16BE(packet.length - 12, 4);
  packet.writeUInt16BE(0x1234, 6);
  packet.writeUInt32BE(1, 8);
  return packet;
}

interface SendResult {
  sent: number;
  elapsedMs: number;
  stats: RawIpSocketStats;
}

interface ReceiveResult {
  received: number;
  batches: number;
  malformed: number;
  activeMs: number;
  receiveBufferBytes: number;
  stats: RawIpSocketStats;
}

function runSender(): void {
  const socket = RawIpSocket.open({ protocol: GRE, netns: args.netns, sendBufferBytes: 4 << 20 });
  const batch = packPackets(Array.from({ length: batchSize }, () => grePacket(Number(args.size))));
  const destination = parseIpv4(RECEIVER);
  const durationMs = Number(args['duration-ms']);
  const start = performance.now();
  let sent = 0;
  // A dedicated process, so blocking its event loop in this loop costs nothing.
  while (performance.now() - start < durationMs) sent += socket.sendBatch(batch, destination);
  const result: SendResult = { sent, elapsedMs: performance.now() - start, stats: socket.stats() };
  socket.close();
  console.log(JSON.stringify(result));
}

function runReceiver(): void {
  const socket = RawIpSocket.open({
    protocol: GRE,
    netns: args.netns,
    receiveBufferBytes: Number(args['rcvbuf-mb']) << 20,
    batchSize,
  });
  let received = 0;
  let batches = 0;
  let malformed = 0;
  let first = 0;
  let last = 0;
  socket.start((batch) => {
    // Touch each packet, as a GRE decoder would: check the protocol field without copying.
    for (let i = 0; i < batch.count; i++) {
      if (batch.buffer[(batch.offsets[i] ?? 0) + 2] !== 0x88) malformed++;
    }
    if (received === 0) first = performance.now();
    received += batch.count;
    batches++;
    last = performance.now();
  });
  console.log(JSON.stringify({ ready: true }));
  process.stdin.once('data', () => {
    const result: ReceiveResult = {
      received,
      batches,
      malformed,
      activeMs: last - first,
      receiveBufferBytes: socket.receiveBufferBytes,
      stats: socket.stats(),
    };
    socket.close();
    console.log(JSON.stringify(result));
    process.exit(0);
  });
}

function startRole(role: string, netns: string, extra: string[]): ChildProcessWithoutNullStreams {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [
    script,
    '--role',
    role,
    '--netns',
    netns,
    '--batch',
    String(batchSize),
    ...extra,
  ]);
  child.stderr.pipe(process.stderr);
  return child;
}

function nextJson<T>(child: ChildProcessWithoutNullStreams): Promise<T> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`)));
  });
}

/** Drops the kernel counted on the receiving namespace's protocol-47 sockets (/proc/net/raw). */
function kernelDrops(netns: string): number {
  const rows = ip('netns', 'exec', netns, 'cat', '/proc/net/raw').trim().split('\n').slice(1);
  return rows
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(`:${GRE.toString(16).toUpperCase().padStart(4, '0')}`))
    .reduce((sum, cols) => sum + Number(cols.at(-1)), 0);
}

async function runOnce(size: number, nsSend: string, nsReceive: string): Promise<Record<string, number>> {
  const receiver = startRole('recv', nsReceive, ['--rcvbuf-mb', args['rcvbuf-mb']]);
  let sender: ChildProcessWithoutNullStreams | undefined;
  try {
    await nextJson(receiver);
    sender = startRole('send', nsSend, ['--size', String(size), '--duration-ms', args['duration-ms']]);
    const sent = await nextJson<SendResult>(sender);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rcvbufDrops = kernelDrops(nsReceive);
    receiver.stdin.write('stop\n');
    const got = await nextJson<ReceiveResult>(receiver);
    const seconds = sent.elapsedMs / 1000;
    return {
      payloadBytes: size,
      sent: sent.sent,
      received: got.received,
      drops: sent.sent - got.received,
      sentPps: Math.round(sent.sent / seconds),
      receivedPps: Math.round(got.received / seconds),
      sendBufferFullDrops: sent.stats.sendDrops,
      rcvbufDrops,
      receiverBatches: got.batches,
      averageBatch: Number((got.received / Math.max(got.batches, 1)).toFixed(1)),
      receiveBufferBytes: got.receiveBufferBytes,
      malformed: got.malformed,
      durationMs: Math.round(sent.elapsedMs),
    };
  } finally {
    sender?.kill();
    receiver.kill();
  }
}

async function main(): Promise<void> {
  if (!isRoot()) throw new Error('gre-throughput needs root (network namespaces, raw sockets)');
  const lab = new NetnsLab('bench');
  const results: Record<string, number>[] = [];
  try {
    const nsSend = lab.addNamespace();
    const nsReceive = lab.addNamespace();
    lab.addVethPair(nsSend, `${SENDER}/24`, nsReceive, `${RECEIVER}/24`);
    for (const size of args.sizes.split(',').map(Number))
      results.push(await runOnce(size, nsSend, nsReceive));
  } finally {
    lab.cleanup();
  }
  console.table(
    results.map((r) => ({
      payload: `${r.payloadBytes} B`,
      'sent pkt/s': r.sentPps,
      'received pkt/s': r.receivedPps,
      sent: r.sent,
      received: r.received,
      'drops (sent-received)': r.drops,
      'rcvbuf drops': r.rcvbufDrops,
      'avg batch': r.averageBatch,
    })),
  );
  const out = args.out ?? join(tmpdir(), 'switchyard-gre-throughput.json');
  const report = {
    benchmark: 'gre-throughput',
    node: process.version,
    kernel: release(),
    batchSize,
    results,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

if (args.role === 'send') runSender();
else if (args.role === 'recv') runReceiver();
else await main();
