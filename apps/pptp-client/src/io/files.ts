// The client's files: the password file, the DNS file written for --resolv (restored on exit, the way
// pppd's ip-down hook restores resolv.conf), the load report, and the server's address.
import { lookup } from 'node:dns/promises';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The first line of `path`, without its line ending (pppd reads secrets the same way: one token a line). */
export function readPasswordFile(path: string): string {
  const first = readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
  if (first === '') throw new Error(`${path}: the first line is empty`);
  return first;
}

/**
 * Writes `nameserver` lines for `servers` to `path` and returns the function that puts back what was
 * there before (the old content, or no file at all).
 */
export function writeResolvFile(path: string, servers: readonly string[], comment: string): () => void {
  let previous: string | undefined;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    previous = undefined;
  }
  const lines = [`# ${comment}`, ...servers.map((server) => `nameserver ${server}`), ''];
  writeFileSync(path, lines.join('\n'));
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (previous === undefined) rmSync(path, { force: true });
    else writeFileSync(path, previous);
  };
}

export function writeJsonFile(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** The server's IPv4 address (a name is looked up once, as pptp-linux does before it connects). */
export async function resolveServer(server: string): Promise<string> {
  const { address } = await lookup(server, { family: 4 });
  return address;
}
