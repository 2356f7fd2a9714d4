// The packages' own micro-benchmarks (node-tun GRE over veth, crypto primitives, native vs pure MPPE
// crypto, MPPE protect/decrypt on both key schedules),
// each run as a child process with --out into the run directory; their JSON documents are embedded
// as they are, plus the few headline figures the summary table shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../interop/cleanup.js';
import { run } from '../interop/exec.js';
import { BenchChild } from './child.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface MicroSpec {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
  /** Namespaces the script makes itself (named `sy-<tag>-<its pid>-n`), swept if it is killed. */
  readonly netnsTag?: string;
}

const SPECS: readonly MicroSpec[] = [
  {
    name: 'node-tun GRE',
    script: 'packages/node-tun/dist/bench/gre-throughput.js',
    args: [],
    netnsTag: 'bench',
  },
  { name: 'crypto', script: 'packages/crypto/dist/bench/crypto-throughput.js', args: ['--run-ms', '400'] },
  {
    name: 'crypto-native',
    script: 'packages/crypto-native/dist/bench/native-throughput.js',
    args: ['--run-ms', '400'],
  },
  { name: 'mppe', script: 'plugins/mppe/dist/bench/mppe-throughput.js', args: ['--run-ms', '400'] },
];

export interface MicroHeadline {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
}

export interface MicroResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly headlines: MicroHeadline[];
  readonly report?: unknown;
}

async function sweepNetns(tag: string, pid: number): Promise<void> {
  const list = await run('ip', ['netns', 'list'], { allowFail: true });
  for (const line of list.stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    if (name.startsWith(`sy-${tag}-${pid}-`)) await run('ip', ['netns', 'del', name], { allowFail: true });
  }
}

async function runOne(cleanup: Cleanup, spec: MicroSpec, dir: string): Promise<MicroResult> {
  const out = join(dir, `${spec.name.replace(/\W+/g, '-')}.json`);
  const child = BenchChild.start(cleanup, { label: `micro-benchmark ${spec.name}` }, [
    process.execPath,
    join(ROOT, spec.script),
    ...spec.args,
    '--out',
    out,
  ]);
  try {
    const how = await child.ended(180_000);
    if (how !== 'exited (0)') throw new Error(`${spec.script} ${how}`);
    const report: unknown = JSON.parse(readFileSync(out, 'utf8'));
    return { name: spec.name, ok: true, headlines: headlines(spec.name, report), report };
  } catch (error) {
    await child.stop(1000);
    return { name: spec.name, ok: false, error: String(error), headlines: [] };
  } finally {
    if (spec.netnsTag !== undefined) await sweepNetns(spec.netnsTag, child.pid);
  }
}

/** The figures worth a line in the summary table, named with their units. */
export function headlines(name: string, report: unknown): MicroHeadline[] {
  const r = report as { results?: Record<string, number>[]; rows?: Record<string, unknown>[] };
  if (name === 'node-tun GRE') {
    return (r.results ?? []).map((row) => ({
      figure: `GRE raw socket ${row.payloadBytes} B received`,
      value: row.receivedPps ?? 0,
      unit: 'packets/s',
    }));
  }
  const rows = r.rows ?? [];
  if (name === 'crypto') {
    return rows
      .filter(
        (row) => String(row.name).startsWith('RC4 1400') || String(row.name).startsWith('MPPE stateless'),
      )
      .map((row) => ({
        figure: `${String(row.name)} (${String(row.implementation)})`,
        value: Math.round(Number(row.mbPerSecond) * 10) / 10,
        unit: 'MB/s',
      }));
  }
  if (name === 'crypto-native') {
    // Native beside pure: stateless packets/s, RC4 MB/s, key changes/s (the call-cost row stays in the JSON).
    return rows.flatMap((row): MicroHeadline[] => {
      const label = `${String(row.name)} (${String(row.implementation)})`;
      if (String(row.name).startsWith('RC4')) {
        return [{ figure: label, value: Math.round(Number(row.mbPerSecond) * 10) / 10, unit: 'MB/s' }];
      }
      if (row.unit === 'calls/s') return [];
      return [{ figure: label, value: Math.round(Number(row.perSecond)), unit: String(row.unit) }];
    });
  }
  return rows.map((row) => ({
    figure: `MPPE ${String(row.name)} 1400 B`,
    value: Math.round(Number(row.packetsPerSecond)),
    unit: 'packets/s',
  }));
}

/** Runs every micro-benchmark one after the other (they would otherwise share the two cores). */
export async function runMicroBenchmarks(cleanup: Cleanup, dir: string): Promise<MicroResult[]> {
  const results: MicroResult[] = [];
  for (const spec of SPECS) results.push(await runOne(cleanup, spec, dir));
  return results;
}
