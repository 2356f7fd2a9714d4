// Runs tshark over bytes we produced (STYLE.md §3.5 interop oracle). Test-only: it writes a temporary
// file and spawns a process. Returns undefined when tshark is not installed so tests can skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let available: boolean | undefined;

export function tsharkAvailable(): boolean {
  available ??= spawnSync('tshark', ['-v'], { stdio: 'ignore' }).status === 0;
  return available;
}

/** `tshark -r <pcap> ...args`; stdout, or undefined when tshark is absent. Throws on a tshark error. */
export function runTshark(pcap: Uint8Array, args: readonly string[]): string | undefined {
  if (!tsharkAvailable()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-tshark-'));
  try {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, pcap);
    const result = spawnSync('tshark', ['-n', '-r', file, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tshark failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One row per frame of `-T fields` output for the given fields (tab-separated, `-E occurrence=a`
 * joins repeated fields with commas).
 */
export function tsharkFields(
  pcap: Uint8Array,
  fields: readonly string[],
  filter?: string,
): string[][] | undefined {
  const args = ['-T', 'fields', '-E', 'separator=/t', ...fields.flatMap((f) => ['-e', f])];
  if (filter !== undefined) args.push('-Y', filter);
  const out = runTshark(pcap, args);
  if (out === undefined) return undefined;
  return out
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}
