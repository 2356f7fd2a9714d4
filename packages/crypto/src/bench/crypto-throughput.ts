// Throughput benchmark of the legacy primitives and MPPE key changes (pure and, when OpenSSL offers
// them, native). Prints a table and writes JSON; never asserts on time (STYLE.md §3.10).
// Usage: node [--openssl-legacy-provider] dist/bench/crypto-throughput.js [--out FILE] [--run-ms N]
// A CLI entry point, not library code: writing the JSON report is its one I/O.
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MppeKeySchedule,
  NativeRc4,
  Rc4,
  desEncryptBlockNative,
  desEncryptBlockPure,
  md4Native,
  md4Pure,
  nativeSupport,
  sha1,
  verifyMschapV2Response,
  type MppeStrength,
} from '../index.js';
import { SeededBytes, rfc2759Example } from '../testing/index.js';
import { measure, type MeasureOptions } from './measure.js';

interface Row {
  readonly name: string;
  /** 'default' is the mix the library picks by itself (pure MD4/DES/RC4, OpenSSL SHA-1). */
  readonly implementation: 'pure' | 'native' | 'default';
  readonly bytesPerOp: number;
  readonly opsPerSecond: number;
  /** MB/s (10^6 bytes per second), for the rows that stream data. */
  readonly mbPerSecond: number | undefined;
}

function parseArgs(argv: readonly string[]): { out: string; options: MeasureOptions } {
  let out = join(tmpdir(), 'switchyard-crypto-bench.json');
  let runMs = 700;
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--out' && value !== undefined) out = value;
    else if (arg === '--run-ms' && value !== undefined && Number(value) > 0) runMs = Number(value);
    else throw new Error(`bad argument ${arg}; usage: crypto-throughput.js [--out FILE] [--run-ms N]`);
  }
  return { out, options: { runMs, runs: 3 } };
}

const PACKET = 1400; // a full-size PPTP data packet
const BUFFER = 64 * 1024;

/** Collects measured rows; the groups below each add theirs. */
class Bench {
  readonly rows: Row[] = [];
  readonly random = new SeededBytes(2025);

  constructor(private readonly options: MeasureOptions) {}

  /** Measures `body`; `streaming` rows also report MB/s. */
  add(
    name: string,
    implementation: Row['implementation'],
    bytesPerOp: number,
    body: () => void,
    streaming = true,
  ): void {
    const { opsPerSecond, bytesPerSecond } = measure(body, bytesPerOp, this.options);
    const mbPerSecond = streaming ? bytesPerSecond / 1e6 : undefined;
    this.rows.push({ name, implementation, bytesPerOp, opsPerSecond, mbPerSecond });
  }
}

function rc4Rows(bench: Bench): void {
  const key = bench.random.bytes(16);
  for (const size of [PACKET, BUFFER]) {
    const data = bench.random.bytes(size);
    const pure = new Rc4(key);
    bench.add(`RC4 ${size} B, in place`, 'pure', size, () => pure.update(data, data));
    if (nativeSupport.rc4) {
      const native = new NativeRc4(key);
      const output = new Uint8Array(size);
      bench.add(`RC4 ${size} B, into output`, 'native', size, () => native.update(data, output));
    }
  }
}

function hashAndDesRows(bench: Bench): void {
  // MD4 at MS-CHAP's size (a 16-byte NT hash) and in bulk: the two favour different paths.
  for (const size of [16, BUFFER]) {
    const data = bench.random.bytes(size);
    bench.add(`MD4 ${size} B`, 'pure', size, () => md4Pure(data), size > 16);
    const native = md4Native;
    if (native !== undefined) bench.add(`MD4 ${size} B`, 'native', size, () => native(data), size > 16);
  }
  const big = bench.random.bytes(BUFFER);
  bench.add('SHA-1 65536 B', 'native', BUFFER, () => sha1(big));

  const key = bench.random.bytes(8);
  const block = bench.random.bytes(8);
  bench.add('DES block, new key each', 'pure', 8, () => desEncryptBlockPure(key, block), false);
  const native = desEncryptBlockNative;
  if (native !== undefined) {
    bench.add(`DES block, new key each (${nativeSupport.des})`, 'native', 8, () => native(key, block), false);
  }
}

function mppeRows(bench: Bench): void {
  const startKey = bench.random.bytes(16);
  for (const strength of [128, 40] as MppeStrength[]) {
    const schedule = new MppeKeySchedule(startKey, strength);
    bench.add(`MPPE ${strength}-bit key change`, 'pure', 0, () => schedule.rekey(), false);
  }
  // Stateless mode (RFC 3078 §7.1), what Linux peers negotiate: a key change before every packet.
  const stateless = new MppeKeySchedule(startKey, 128);
  const packet = bench.random.bytes(PACKET);
  bench.add('MPPE stateless 1400 B: rekey + RC4', 'pure', PACKET, () => {
    stateless.rekey();
    stateless.update(packet, packet);
  });

  const ex = rfc2759Example;
  const input = { ...ex, secret: { ntPasswordHash: ex.passwordHash }, ntResponse: ex.ntResponse };
  bench.add('MS-CHAPv2 verify + S= response', 'default', 0, () => verifyMschapV2Response(input), false);
}

function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'impl', 'ops/s', 'MB/s'];
  const lines = rows.map((r) => [
    r.name,
    r.implementation,
    Math.round(r.opsPerSecond).toLocaleString('en-US'),
    r.mbPerSecond === undefined ? '' : r.mbPerSecond.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

function main(): void {
  const { out, options } = parseArgs(process.argv.slice(2));
  const bench = new Bench(options);
  rc4Rows(bench);
  hashAndDesRows(bench);
  mppeRows(bench);
  const rows = bench.rows;
  const report = {
    benchmark: '@switchyard/crypto throughput',
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    legacyProvider: process.execArgv.includes('--openssl-legacy-provider'),
    nativeSupport,
    runMs: options.runMs,
    rows,
  };
  console.log(
    `@switchyard/crypto throughput — node ${process.version}, native: ${JSON.stringify(nativeSupport)}`,
  );
  console.log(formatTable(rows));
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON written to ${out}`);
}

main();
