// Our PPTP client (apps/pptp-client's switchyard-pptp) and a UDP echo service as processes in network
// namespaces, for the client's integration and interop tests. Each runs in its own process group
// (`ip netns exec` execs in place) and registers its removal on a Cleanup before it starts.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../../interop/cleanup.js';
import {
  groupMembers,
  hostEnv,
  killGroup,
  runIn,
  signalGroup,
  waitFor,
  type CmdResult,
} from '../../interop/exec.js';
import { RUNDIR_PREFIX, sweepStale } from '../../interop/netns.js';
import { SEED_EXPECT, type SeedPaths } from '../../interop/seed-config.js';
import { SEED_NET, buildSeedTopology, type SeedTopology } from '../../interop/topology.js';

export const clientMain = fileURLToPath(
  new URL('../../../../apps/pptp-client/dist/main.js', import.meta.url),
);
export const applianceMain = fileURLToPath(
  new URL('../../../../apps/appliance/dist/main.js', import.meta.url),
);

/** A fresh run directory and the seed's network with one client namespace, all removed by `cleanup`. */
export async function seedRunWithOneClient(
  cleanup: Cleanup,
): Promise<{ dir: string; topology: SeedTopology; client: { ns: string; address: string } }> {
  await sweepStale();
  const dir = mkdtempSync(join(tmpdir(), `${RUNDIR_PREFIX}${process.pid}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  cleanup.defer(`run dir ${dir}`, removeDir, removeDir);
  const topology = await buildSeedTopology(cleanup, { mode: 'native', clients: 0, nativeClients: 1 });
  return { dir, topology, client: topology.nativeClients[0] as { ns: string; address: string } };
}

/** switchyard-pptp logging in as the seed's vpn1 at the seed's server, plus `extra` flags. */
export function seedClientArgv(extra: readonly string[]): string[] {
  const login = [
    '--server',
    SEED_NET.wanServer,
    '--user',
    SEED_EXPECT.user,
    '--password',
    SEED_EXPECT.password,
  ];
  return [process.execPath, clientMain, ...login, ...extra];
}

/** Our appliance started on the seed's three files, as a pptpd user starts pptpd (a native server command). */
export function applianceOnSeedFiles(ctx: { readonly seed: SeedPaths }): readonly string[] {
  const { pptpdConf, optionsPptpd, chapSecrets } = ctx.seed;
  return [
    process.execPath,
    applianceMain,
    '--conf',
    pptpdConf,
    '--option',
    optionsPptpd,
    '--secrets',
    chapSecrets,
  ];
}

export interface Background {
  readonly pid: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** The exit status (null after a signal), once it has exited. */
  readonly exited: Promise<number | null>;
  /** Waits for a line matching `pattern` and returns its match. */
  waitForLine(pattern: RegExp, timeoutMs: number, signal?: AbortSignal): Promise<RegExpMatchArray>;
  /** Sends `signal` and waits for the exit status; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/** Starts `argv` inside `ns`, output to `logPath`; it is killed by `cleanup` if still running then. */
export function startInNamespace(
  cleanup: Cleanup,
  ns: string,
  argv: readonly string[],
  logPath: string,
): Background {
  const fd = openSync(logPath, 'a');
  const child = spawn('ip', ['netns', 'exec', ns, ...argv], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: hostEnv(),
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${argv.join(' ')}`);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
  });
  cleanup.defer(
    `process ${pid} (${argv[1] ?? argv[0]})`,
    () => (done ? undefined : killGroup(pid, 3000)),
    () => done || signalGroup(pid, 'SIGKILL'),
  );
  const output = () => readFileSync(logPath, 'utf8');
  return {
    pid,
    output,
    exited,
    waitForLine: (pattern, timeoutMs, signal) =>
      waitFor(
        `a line matching ${pattern} from ${argv.join(' ')}`,
        () => {
          const match = output().match(pattern);
          if (match) return match;
          if (done) throw new Error(`exited before printing ${pattern}:\n${output()}`);
          return undefined;
        },
        { timeoutMs, intervalMs: 50, ...(signal && { signal }) },
      ),
    stop: async (signal = 'SIGTERM', graceMs = 15_000) => {
      if (!done) {
        try {
          process.kill(pid, signal);
        } catch {
          // Gone meanwhile.
        }
      }
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** `switchyard-pptp argv…` inside `ns`, to completion (load runs, failures). */
export function runClient(ns: string, argv: readonly string[], timeoutMs = 60_000): Promise<CmdResult> {
  return runIn(ns, process.execPath, [clientMain, ...argv], { allowFail: true, timeoutMs });
}

const ECHO = [
  // A large receive buffer: the echo shares the CPUs with both PPTP ends and must not be what drops.
  "const s = require('node:dgram').createSocket({ type: 'udp4', recvBufferSize: 8 << 20 });",
  's.on("message", (m, r) => s.send(m, r.port, r.address));',
  's.bind(Number(process.argv[1]), process.argv[2]);',
].join(' ');

/** A UDP echo service (RFC 862) on `address:port` inside `ns`; resolves once it is bound. */
export async function startUdpEcho(
  cleanup: Cleanup,
  ns: string,
  address: string,
  port: number,
  logPath: string,
): Promise<Background> {
  const echo = startInNamespace(cleanup, ns, [process.execPath, '-e', ECHO, String(port), address], logPath);
  await waitFor(
    `the UDP echo on ${address}:${port}`,
    async () => {
      if (groupMembers(echo.pid).length === 0) throw new Error(`the UDP echo exited:\n${echo.output()}`);
      const out = await runIn(ns, 'ss', ['-Hlun', `sport = :${port}`], { allowFail: true });
      return out.stdout.trim() !== '' ? true : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return echo;
}
