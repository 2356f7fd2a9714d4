// Throughput of the MPPE data path for full-size PPTP packets (1400-byte IP): protect() through the
// DataTransform and decryption of the result, stateless (a key change per packet) and stateful, 40- and
// 128-bit, on the native key schedules the plugin uses (@switchyard/crypto-native) and on the pure
// TypeScript reference. Prints a table and writes JSON; never asserts on time (STYLE.md §3.10).
// Usage: node dist/bench/mppe-throughput.js [--out FILE] [--run-ms N]
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPureMppeKeySchedule,
  type MppeKeyScheduleFactory,
  type MppeStrength,
} from '@switchyard/crypto';
import { createNativeMppeKeySchedule } from '@switchyard/crypto-native';
import { SeededBytes, rfc3079V2Example } from '@switchyard/crypto/testing';
import { PppProtocol } from '@switchyard/ppp';
import { COHERENCY_SPACE } from '../codec/mppe-header.js';
import { newMppeCounters } from '../machine/counters.js';
import { MppeDecryptor } from '../machine/decryptor.js';
import { MppeEncryptor, type MppeCipherOptions } from '../machine/encryptor.js';

const PACKET = 1400;

type Implementation = 'native' | 'pure';

const SCHEDULES: Readonly<Record<Implementation, MppeKeyScheduleFactory>> = {
  native: createNativeMppeKeySchedule,
  pure: createPureMppeKeySchedule,
};

interface Row {
  readonly name: string;
  /** Which key schedule: the native addon (what the plugin runs) or the pure TypeScript reference. */
  readonly implementation: Implementation;
  readonly packetsPerSecond: number;
  /** MB/s (10^6 bytes) of IP payload. */
  readonly mbPerSecond: number;
}

function parseArgs(argv: readonly string[]): { out: string; runMs: number } {
  let out = join(tmpdir(), 'switchyard-mppe-bench.json');
  let runMs = 700;
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--out' && value !== undefined) out = value;
    else if (arg === '--run-ms' && Number(value) > 0) runMs = Number(value);
    else throw new Error(`bad argument ${arg}; usage: mppe-throughput.js [--out FILE] [--run-ms N]`);
  }
  return { out, runMs };
}

/** Best of three runs of about `runMs` each, after a warm-up: operations per second. */
function measure(body: () => void, runMs: number): number {
  const run = (ms: number): number => {
    let ops = 0;
    let batch = 1;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < batch; i++) body();
      ops += batch;
      elapsed = performance.now() - start;
      if (elapsed < ms / 20) batch *= 2;
    }
    return ops / (elapsed / 1000);
  };
  run(Math.min(200, runMs));
  return Math.max(run(runMs), run(runMs), run(runMs));
}

function bench(
  implementation: Implementation,
  strength: MppeStrength,
  stateless: boolean,
  runMs: number,
): Row[] {
  const cipher = (strength: MppeStrength, stateless: boolean): MppeCipherOptions => ({
    startKey: rfc3079V2Example.sendStartKey,
    strength,
    stateless,
    counters: newMppeCounters(),
    createKeySchedule: SCHEDULES[implementation],
  });
  const mode = `${strength}-bit ${stateless ? 'stateless' : 'stateful'}`;
  const ip = new SeededBytes(strength).bytes(PACKET);
  const encryptor = new MppeEncryptor(cipher(strength, stateless));
  const encrypt = measure(() => encryptor.encrypt(PppProtocol.IP, ip), runMs);
  // One coherency-count cycle of real packets, decrypted in a loop by a fresh decryptor per cycle.
  const source = new MppeEncryptor(cipher(strength, stateless));
  const ring = Array.from({ length: COHERENCY_SPACE }, () => source.encrypt(PppProtocol.IP, ip));
  let decryptor = new MppeDecryptor(cipher(strength, stateless));
  let at = 0;
  const decrypt = measure(() => {
    if (at === ring.length) {
      at = 0;
      decryptor = new MppeDecryptor(cipher(strength, stateless));
    }
    const result = decryptor.decrypt(ring[at++] as Uint8Array);
    if (typeof result === 'string') throw new Error(`bench packet dropped: ${result}`);
  }, runMs);
  const row = (name: string, pps: number): Row => ({
    name: `${name} (${implementation})`,
    implementation,
    packetsPerSecond: pps,
    mbPerSecond: (pps * PACKET) / 1e6,
  });
  return [row(`protect ${mode}`, encrypt), row(`decrypt ${mode}`, decrypt)];
}

function main(): void {
  const { out, runMs } = parseArgs(process.argv.slice(2));
  const rows = (['native', 'pure'] as const).flatMap((implementation) => [
    ...bench(implementation, 128, true, runMs),
    ...bench(implementation, 40, true, runMs),
    ...bench(implementation, 128, false, runMs),
  ]);
  const width = Math.max(...rows.map((r) => r.name.length));
  process.stdout.write(
    `MPPE, ${PACKET}-byte IP packets, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}\n`,
  );
  for (const r of rows) {
    const pps = Math.round(r.packetsPerSecond).toLocaleString('en-US').padStart(10);
    process.stdout.write(
      `${r.name.padEnd(width)}  ${pps} packets/s  ${r.mbPerSecond.toFixed(1).padStart(7)} MB/s\n`,
    );
  }
  writeFileSync(out, JSON.stringify({ packetBytes: PACKET, node: process.version, rows }, null, 2));
  process.stdout.write(`JSON: ${out}\n`);
}

main();
