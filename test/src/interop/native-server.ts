// A server the caller supplies as a command (our appliance, later), run natively inside the server namespace
// with `ip netns exec`, in its own process group; ready when TCP 1723 listens in that namespace.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';
import { HarnessError, groupMembers, hostEnv, killGroup, runIn, signalGroup, waitFor } from './exec.js';
import { SEED_FILES, type SeedFiles, type SeedPaths, writeSeedFiles } from './seed-config.js';
import type { ServerHandle } from './server-handle.js';
import { SEED_NET, type SeedTopology } from './topology.js';

/** What the harness hands a native server command: where things are. */
export interface NativeServerContext {
  readonly topology: SeedTopology;
  /** The server's own fresh directory (its log is `server.log` there). */
  readonly dir: string;
  /** The seed's pptpd.conf, options.pptpd and chap-secrets, written into `dir/seed`. */
  readonly seed: SeedPaths;
}

export interface NativeServerSpec {
  readonly kind: 'native';
  /** argv run as `ip netns exec <server ns> argv…`, or a function of the context that returns it. */
  readonly command: readonly string[] | ((ctx: NativeServerContext) => readonly string[]);
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Default: the seed's files. */
  readonly files?: SeedFiles;
  /** Start → TCP 1723 listening. Default 20 s. */
  readonly readyTimeoutMs?: number;
  /** SIGTERM → SIGKILL on stop. Default 5 s. */
  readonly stopGraceMs?: number;
}

async function listening1723(ns: string): Promise<boolean> {
  const out = await runIn(ns, 'ss', ['-Hltn', 'sport = :1723'], { allowFail: true });
  return out.stdout.trim() !== '';
}

/** Starts the command in the topology's server namespace and waits until it listens on TCP 1723. */
export async function startNativeServer(
  cleanup: Cleanup,
  topology: SeedTopology,
  dir: string,
  spec: NativeServerSpec,
  signal?: AbortSignal,
): Promise<ServerHandle> {
  if (topology.mode !== 'native') throw new HarnessError('a native server needs a native topology');
  mkdirSync(join(dir, 'seed'), { recursive: true });
  const seed = writeSeedFiles(join(dir, 'seed'), spec.files ?? SEED_FILES);
  const argv = typeof spec.command === 'function' ? spec.command({ topology, dir, seed }) : spec.command;
  if (argv.length === 0) throw new HarnessError('empty native server command');
  const logPath = join(dir, 'server.log');
  const logFd = openSync(logPath, 'a');
  const started = Date.now();
  // detached: its own process group (`ip netns exec` execs in place), so stop() reaches everything it forks.
  const child = spawn('ip', ['netns', 'exec', topology.ns.server, ...argv], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    cwd: spec.cwd,
    env: hostEnv(spec.env),
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new HarnessError(`cannot start native server ${argv.join(' ')}`);
  let exit: string | undefined;
  child.once('exit', (code, sig) => (exit = `exited (${code ?? sig})`));
  child.once('error', (error) => (exit = `failed to start: ${error.message}`));
  let gone = false;
  const stop = async () => {
    if (gone) return;
    await killGroup(pid, spec.stopGraceMs ?? 5000);
    gone = true;
  };
  cleanup.defer(`native server ${pid}`, stop, () => gone || signalGroup(pid, 'SIGKILL'));
  const logs = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  await waitFor(
    'the native server to listen on TCP 1723',
    async () => {
      if (exit !== undefined && groupMembers(pid).length === 0) {
        throw new HarnessError(`native server ${exit} before listening on 1723:\n${logs().slice(-4000)}`);
      }
      return (await listening1723(topology.ns.server)) ? true : undefined;
    },
    { timeoutMs: spec.readyTimeoutMs ?? 20_000, intervalMs: 100, signal },
  );
  return {
    kind: 'native',
    address: SEED_NET.wanServer,
    readyMs: Date.now() - started,
    logs,
    sessions: () => [],
    stop,
  };
}
