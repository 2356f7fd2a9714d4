// The native MPPE crypto beside the pure TypeScript it replaces on the data path: RC4 streaming, key
// changes, and stateless MPPE's per-packet work (key change + RC4 of a 1400-byte packet), plus the cost
// of one call into the addon. Prints a table and writes JSON; never asserts on time (STYLE.md §3.10).
// Usage: node dist/bench/native-throughput.js [--out FILE] [--run-ms N]
// A CLI entry point, not library code: writing the JSON report is its one I/O.
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MppeKeySchedule, Rc4, type MppeStrength } from '@switchyard/crypto';
import { SeededBytes, measure, type MeasureOptions } from '@switchyard/crypto/testing';
import { NativeMppeKeySchedule } from '../key-schedule.js';
import { cryptoNative } from '../native.js';

const PACKET = 1400; // a full-size PPTP data packet

interface Row {
  readonly name: string;
  readonly implementation: 'pure' | 'native';
  /** What one operation is, so the JSON names its unit: packets/s, key changes/s, calls/s. */
  readonly unit: 'packets/s' | 'key changes/s' | 'calls/s';
  readonly perSecond: number;
  /** MB/s (10^6 bytes per second) of data encrypted, for the rows that stream data. */
  readonly mbPerSecond: number | undefined;
}

function parseArgs(argv: readonly string[]): { out: string; options: MeasureOptions } {
  let out = join(tmpdir(), 'switchyard-crypto-native-bench.json');
  let runMs = 700;
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--out' && value !== undefined) out = value;
    else if (arg === '--run-ms' && value !== undefined && Number(value) > 0) runMs = Number(value);
    else throw new Error(`bad argument ${arg}; usage: native-throughput.js [--out FILE] [--run-ms N]`);
  }
  return { out, options: { runMs, runs: 3 } };
}

function rows(options: MeasureOptions): Row[] {
  const random = new SeededBytes(3078);
  const startKey = random.bytes(16);
  const packet = random.bytes(PACKET);
  const out: Row[] = [];
  const add = (
    name: string,
    implementation: Row['implementation'],
    unit: Row['unit'],
    bytes: number,
    body: () => void,
  ): void => {
    const { opsPerSecond } = measure(body, bytes, options);
    const mbPerSecond = bytes > 0 ? (opsPerSecond * bytes) / 1e6 : undefined;
    out.push({ name, implementation, unit, perSecond: opsPerSecond, mbPerSecond });
  };

  // Stateless MPPE (RFC 3078 §7.1), what pppd and Windows negotiate: a key change before every packet.
  const pureStateless = new MppeKeySchedule(startKey, 128);
  add('MPPE stateless 1400 B: rekey + RC4', 'pure', 'packets/s', PACKET, () => {
    pureStateless.rekey();
    pureStateless.update(packet, packet);
  });
  const nativeStateless = new NativeMppeKeySchedule(startKey, 128);
  add('MPPE stateless 1400 B: rekey + RC4', 'native', 'packets/s', PACKET, () =>
    nativeStateless.rekeyAndUpdate(packet),
  );

  const pureRc4 = new Rc4(startKey);
  add('RC4 1400 B, in place', 'pure', 'packets/s', PACKET, () => pureRc4.update(packet, packet));
  const nativeRc4 = new NativeMppeKeySchedule(startKey, 128);
  add('RC4 1400 B, in place', 'native', 'packets/s', PACKET, () => nativeRc4.update(packet, packet));

  for (const strength of [128, 40] as MppeStrength[]) {
    const pure = new MppeKeySchedule(startKey, strength);
    add(`MPPE ${strength}-bit key change`, 'pure', 'key changes/s', 0, () => pure.rekey());
    const native = new NativeMppeKeySchedule(startKey, strength);
    add(`MPPE ${strength}-bit key change`, 'native', 'key changes/s', 0, () => native.rekey());
  }

  // The fixed cost of crossing into the addon: RC4 of one byte is all call overhead.
  const byte = new Uint8Array(1);
  add('call into the addon (RC4 of 1 B)', 'native', 'calls/s', 0, () => nativeRc4.update(byte, byte));
  return out;
}

function formatTable(table: readonly Row[]): string {
  const header = ['benchmark', 'impl', 'per second', 'unit', 'MB/s'];
  const lines = table.map((r) => [
    r.name,
    r.implementation,
    Math.round(r.perSecond).toLocaleString('en-US'),
    r.unit,
    r.mbPerSecond === undefined ? '' : r.mbPerSecond.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const left = new Set([0, 1, 3]);
  const format = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (left.has(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

function main(): void {
  const { out, options } = parseArgs(process.argv.slice(2));
  const table = rows(options);
  const sha1UsesCpuExtensions = cryptoNative().sha1UsesCpuExtensions();
  const report = {
    benchmark: '@switchyard/crypto-native vs @switchyard/crypto (pure)',
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    sha1UsesCpuExtensions,
    runMs: options.runMs,
    rows: table,
  };
  console.log(
    `native MPPE crypto — node ${process.version}, SHA-1 on CPU extensions: ${sha1UsesCpuExtensions}`,
  );
  console.log(formatTable(table));
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON written to ${out}`);
}

main();
