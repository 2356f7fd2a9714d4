// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per file, busiest first,
// so a benchmark run with --profile says at once where the appliance spends its time.
// Usage: node test/dist/bench/profile-summary.js FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderTable } from './table.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly selfMs: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Time in samples that were not idle (the `(idle)` node). */
  readonly busyMs: number;
  readonly functions: ProfileEntry[];
  readonly files: ProfileEntry[];
}

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const at = url.search(/(packages|plugins|apps|node_modules)\//);
  return at >= 0 ? url.slice(at) : url.replace(/^file:\/\//, '');
}

function top(map: Map<string, number>, busyMs: number, n: number): ProfileEntry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({
      name,
      selfMs: Math.round(ms),
      percent: Math.round((1000 * ms) / Math.max(busyMs, 1)) / 10,
    }));
}

/** Self time by function (name + file:line) and by file, over the non-idle samples. */
export function summariseProfile(profile: CpuProfile, n = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let busyMs = 0;
  let totalMs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    const ms = us / 1000;
    totalMs += ms;
    if (frame === undefined || frame.functionName === '(idle)') continue;
    busyMs += ms;
    const file = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  return {
    totalMs: Math.round(totalMs),
    busyMs: Math.round(busyMs),
    functions: top(functions, busyMs, n),
    files: top(files, busyMs, n),
  };
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

export function renderProfile(summary: ProfileSummary): string {
  const rows = (entries: ProfileEntry[]) => entries.map((e) => [e.name, e.selfMs, e.percent]);
  return [
    `profile: ${summary.busyMs} ms busy of ${summary.totalMs} ms sampled`,
    renderTable('self time by function', ['function', 'ms', '% of busy'], rows(summary.functions)),
    renderTable('self time by file', ['file', 'ms', '% of busy'], rows(summary.files)),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.js')) {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '30' } },
    allowPositionals: true,
  });
  for (const path of positionals)
    console.log(renderProfile(summariseProfile(readProfile(path), Number(values.top))));
}
