// Round-trip helper, one role per process (run inside a namespace by BenchChild):
//   echo --port P               sends every datagram back to where it came from
//   ping --to A --port P --count N --size S [--warmup W]
//                               one datagram in flight at a time (ping-style), each stamped with a
//                               sequence number; prints the round trips in microseconds, sorted
// Ordinary kernel UDP sockets on purpose: a latency probe is what any application on the LAN sees.
import { createSocket, type Socket } from 'node:dgram';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    role: { type: 'string', default: '' },
    port: { type: 'string', default: '7' },
    to: { type: 'string', default: '' },
    count: { type: 'string', default: '2000' },
    size: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '100' },
    'timeout-ms': { type: 'string', default: '1000' },
  },
});

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function runEcho(): void {
  const socket = createSocket('udp4');
  socket.on('message', (message, from) => socket.send(message, from.port, from.address));
  socket.bind(Number(args.port), () => print({ ready: true }));
  process.stdin.resume();
  process.stdin.on('end', () => socket.close(() => process.exit(0)));
}

/** Sends one probe and resolves with its round trip in microseconds, or undefined on time-out. */
function probe(
  socket: Socket,
  payload: Buffer,
  sequence: number,
  timeoutMs: number,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    payload.writeUInt32BE(sequence, 0);
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      resolve(undefined);
    }, timeoutMs);
    const start = process.hrtime.bigint();
    const onMessage = (reply: Buffer) => {
      if (reply.length < 4 || reply.readUInt32BE(0) !== sequence) return; // a late answer to an old probe
      const micros = Number(process.hrtime.bigint() - start) / 1000;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(micros);
    };
    socket.on('message', onMessage);
    socket.send(payload, Number(args.port), args.to);
  });
}

async function runPing(): Promise<void> {
  // IP packet of --size bytes: 20 (IP) + 8 (UDP) + payload.
  const payload = Buffer.alloc(Math.max(Number(args.size) - 28, 4), 0x5a);
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, resolve));
  const timeoutMs = Number(args['timeout-ms']);
  const samples: number[] = [];
  let lost = 0;
  const warmup = Number(args.warmup);
  const count = Number(args.count);
  for (let sequence = 0; sequence < warmup + count; sequence++) {
    const micros = await probe(socket, payload, sequence, timeoutMs);
    if (sequence < warmup) continue; // ARP, route and JIT warm-up are not what we measure (latency.ts)
    if (micros === undefined) lost++;
    else samples.push(micros);
  }
  socket.close();
  samples.sort((a, b) => a - b);
  print({ samplesUs: samples.map((s) => Math.round(s * 10) / 10), lost });
}

if (args.role === 'echo') runEcho();
else if (args.role === 'ping') await runPing();
else if (args.role !== '') throw new Error(`udp-echo: unknown role ${args.role}`);
