// The interop fixture: builds the seed topology, starts a server (the reference pptpd in a UML, or a native
// command in the server namespace), hands the test a way to run real clients, and removes every namespace,
// link, process and directory afterwards — also when the test throws, times out or is aborted.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startCapture } from './capture.js';
import { Cleanup } from './cleanup.js';
import type { PptpClientResult } from './client-result.js';
import { type CmdResult, HarnessError, runIn, sleep } from './exec.js';
import { type NativeServerSpec, startNativeServer } from './native-server.js';
import { RUNDIR_PREFIX, sweepStale } from './netns.js';
import { type PptpClientOptions, runPptpClient } from './pptp-client.js';
import { startReferenceServer } from './reference-server.js';
import type { SeedFiles } from './seed-config.js';
import type { ServerHandle } from './server-handle.js';
import { type SeedTopology, buildSeedTopology } from './topology.js';
import { ensureUmlModules, umlSkipReason, umlSpawnEnv } from './uml-host.js';

export type ServerSpec =
  | { readonly kind: 'reference'; readonly files?: SeedFiles; readonly pppdOptions?: readonly string[] }
  | NativeServerSpec;

export interface InteropOptions {
  readonly server: ServerSpec;
  /** WAN taps for clients that run at the same time (slot i gets 172.31.255.(2+i)). Default 1. */
  readonly clients?: number;
  /** Namespaces on the WAN segment for natively run clients (172.31.255.100+). Default 0. */
  readonly nativeClients?: number;
  /** The whole run: topology, server, the test body and cleanup. Default 180 s. */
  readonly timeoutMs?: number;
  /** E.g. node:test's `t.signal`: aborting it ends the run and cleans up. */
  readonly signal?: AbortSignal;
  /** Write a pcapng of the WAN bridge to this path (kept; it is the caller's file). */
  readonly captureFile?: string;
}

export type ClientRunOptions = Omit<PptpClientOptions, 'server' | 'signal'> & {
  /** Default: the server's WAN address. */
  readonly server?: string;
  /** Which WAN tap (and client address) to use. Default 0. */
  readonly slot?: number;
};

export interface InteropEnv {
  readonly topology: SeedTopology;
  readonly server: ServerHandle;
  /** The run's temporary directory (removed at the end). */
  readonly dir: string;
  /** Aborts when the run times out or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Boots a real client UML on a WAN slot, runs one session and returns its result. */
  runClient(opts: ClientRunOptions): Promise<PptpClientResult>;
  /** Runs a command in one of the run's namespaces: a role, or a name (e.g. topology.nativeClients[0].ns). */
  exec(
    where: 'wan' | 'server' | 'lan' | (string & {}),
    cmd: string,
    args: readonly string[],
  ): Promise<CmdResult>;
}

/** Why interop tests must be skipped here (not root, no linux.uml), or undefined. */
export function interopSkipReason(): string | undefined {
  return umlSkipReason();
}

const noop = (): void => undefined;

/** SWITCHYARD_INTEROP_ARTIFACTS=DIR: copy each run's directory (logs, consoles, configs) there before removal. */
function keepArtifacts(dir: string): void {
  const target = process.env.SWITCHYARD_INTEROP_ARTIFACTS;
  if (!target) return;
  try {
    cpSync(dir, join(target, basename(dir)), { recursive: true, filter: (src) => !src.includes('/uml/') });
  } catch (error) {
    process.stderr.write(`could not keep interop artifacts of ${dir}: ${(error as Error).message}\n`);
  }
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new HarnessError('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Everything the environment is built from; created in order, each piece registered on the cleanup. */
async function setUp(cleanup: Cleanup, opts: InteropOptions, signal: AbortSignal): Promise<InteropEnv> {
  await sweepStale();
  ensureUmlModules();
  const dir = mkdtempSync(join(tmpdir(), `${RUNDIR_PREFIX}${process.pid}-`));
  // Registered first, so it runs last: after every UML that writes into it is dead.
  const removeDir = () => {
    keepArtifacts(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  cleanup.defer(`run dir ${dir}`, removeDir, removeDir);
  const spawnEnv = umlSpawnEnv(dir);
  const { clients, nativeClients } = opts;
  const topology = await buildSeedTopology(cleanup, { mode: opts.server.kind, clients, nativeClients });
  if (opts.captureFile) await startCapture(cleanup, topology.ns.wan, topology.wanBridge, opts.captureFile);
  const serverDir = join(dir, 'server');
  mkdirSync(serverDir);
  const server =
    opts.server.kind === 'reference'
      ? await startReferenceServer(cleanup, { ...opts.server, topology, dir: serverDir, spawnEnv, signal })
      : await startNativeServer(cleanup, topology, serverDir, opts.server, signal);
  return makeEnv({ cleanup, dir, spawnEnv, topology, server, signal });
}

function makeEnv(ctx: {
  cleanup: Cleanup;
  dir: string;
  spawnEnv: Readonly<Record<string, string>>;
  topology: SeedTopology;
  server: ServerHandle;
  signal: AbortSignal;
}): InteropEnv {
  const { cleanup, dir, spawnEnv, topology, server, signal } = ctx;
  let clientRuns = 0;
  const busy = new Set<number>();
  return {
    topology,
    server,
    dir,
    signal,
    runClient: async (client) => {
      const index = client.slot ?? 0;
      const slot = topology.clients[index];
      if (!slot) throw new HarnessError(`no client slot ${index}; pass clients: N to withInterop`);
      // One UML per tap: a second one on the same tap would share the first one's frames.
      if (busy.has(index)) throw new HarnessError(`client slot ${index} is in use by another run`);
      const n = clientRuns++;
      const placement = { netns: topology.ns.wan, slot, dir: join(dir, `client-${n}`), spawnEnv };
      busy.add(index);
      try {
        return await runPptpClient(
          cleanup,
          { ...placement, name: `${topology.tag}-c${n}` },
          { ...client, server: client.server ?? server.address, signal },
        );
      } finally {
        busy.delete(index);
      }
    },
    exec: async (where, cmd, args) => {
      const roles: Readonly<Record<string, string>> = topology.ns;
      const ns = roles[where] ?? where;
      if (!Object.values(topology.ns).includes(ns) && !topology.nativeClients.some((c) => c.ns === ns)) {
        throw new HarnessError(`${where} is not a namespace of this run`);
      }
      return runIn(ns, cmd, args, { allowFail: true });
    },
  };
}

/** Runs `body` in a fresh interop environment; everything is torn down before this resolves or rejects. */
export async function withInterop<T>(
  opts: InteropOptions,
  body: (env: InteropEnv) => Promise<T>,
): Promise<T> {
  const skip = umlSkipReason();
  if (skip) throw new HarnessError(skip);
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new HarnessError(`interop run exceeded its ${timeoutMs} ms timeout`)),
    timeoutMs,
  );
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline.signal]) : deadline.signal;
  const aborted = untilAborted(signal);
  aborted.catch(noop); // observed below; never an unhandled rejection
  const cleanup = new Cleanup();
  let failed = false;
  let problems: string[];
  let working: Promise<T> | undefined;
  let result: T;
  try {
    working = setUp(cleanup, opts, signal).then(body);
    working.catch(noop);
    result = await Promise.race([working, aborted]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    clearTimeout(timer);
    // After an abort, let the step in flight notice it (every wait takes the signal), so that nothing it
    // creates appears after the cleanup has run; bounded, in case the body ignores the signal.
    if (signal.aborted && working) {
      const bound = new AbortController();
      await Promise.race([working.then(noop, noop), sleep(30_000, bound.signal).catch(noop)]);
      bound.abort(); // do not keep the process alive for the rest of the 30 s
    }
    problems = await cleanup.run();
    // Reported here, not thrown, when the run failed: the test's own failure must not be masked.
    if (failed && problems.length > 0)
      process.stderr.write(`interop cleanup problems:\n  ${problems.join('\n  ')}\n`);
  }
  if (problems.length > 0) throw new HarnessError(`interop cleanup problems:\n  ${problems.join('\n  ')}`);
  return result;
}
