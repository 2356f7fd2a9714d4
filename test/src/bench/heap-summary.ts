// Compares two V8 heap snapshots (node --heapsnapshot-signal, written by the sessions benchmark with
// --heap-snapshots DIR): objects and shallow bytes by constructor, and what grew between them, divided
// by the sessions added, so "what does a session hold" is answered by the heap rather than guessed.
// Usage: node test/dist/bench/heap-summary.js BEFORE.heapsnapshot AFTER.heapsnapshot [--per N] [--top N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Cell, renderTable } from './table.js';

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: unknown[] } };
  readonly nodes: readonly number[];
  readonly strings: readonly string[];
}

export interface HeapGroup {
  readonly name: string;
  count: number;
  bytes: number;
}

/**
 * Shallow size and count per group: objects by constructor name, everything else by V8 node type
 * ("(closure)", "(string)", "(code)", …), as DevTools' Summary view groups them.
 */
export function groupHeap(heap: HeapSnapshot): Map<string, HeapGroup> {
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!] ?? '?';
    const key =
      type === 'object' || type === 'native' ? (heap.strings[heap.nodes[i + nameAt]!] ?? '?') : `(${type})`;
    const group = groups.get(key) ?? { name: key, count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += heap.nodes[i + sizeAt]!;
    groups.set(key, group);
  }
  return groups;
}

export function diffHeaps(before: Map<string, HeapGroup>, after: Map<string, HeapGroup>): HeapGroup[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .map((name) => ({
      name,
      count: (after.get(name)?.count ?? 0) - (before.get(name)?.count ?? 0),
      bytes: (after.get(name)?.bytes ?? 0) - (before.get(name)?.bytes ?? 0),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { per: { type: 'string', default: '1' }, top: { type: 'string', default: '40' } },
  });
  const [beforePath, afterPath] = positionals;
  if (beforePath === undefined || afterPath === undefined) {
    process.stderr.write('usage: heap-summary BEFORE.heapsnapshot AFTER.heapsnapshot [--per N] [--top N]\n');
    process.exitCode = 2;
    return;
  }
  const read = (path: string) => groupHeap(JSON.parse(readFileSync(path, 'utf8')) as HeapSnapshot);
  const diff = diffHeaps(read(beforePath), read(afterPath));
  const per = Number(values.per);
  const total = diff.reduce((sum, g) => sum + g.bytes, 0);
  const rows: Cell[][] = diff
    .slice(0, Number(values.top))
    .map((g) => [g.name.slice(0, 60), g.count / per, Math.round(g.bytes / per)]);
  rows.push(['total', undefined, Math.round(total / per)]);
  const title = `heap growth${per === 1 ? '' : ` per session (÷ ${per})`}, shallow sizes`;
  process.stdout.write(`${renderTable(title, ['constructor / type', 'objects', 'bytes'], rows)}\n`);
}

if (process.argv[1]?.endsWith('heap-summary.js')) main();
