// Process helpers for the interop harness: run a command to completion, poll under an AbortSignal, and check or
// kill whole process groups (UML instances and native servers run in their own group, so one kill reaches all).
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface CmdResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for every command the harness starts: the caller's, with the sbin directories on PATH
 * (`ip`, `sysctl` and `pppd` live there, and a CI shell's PATH may lack them).
 */
export function hostEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!path.includes(dir)) path.push(dir);
  }
  return { ...process.env, ...extra, PATH: path.join(':') };
}

/** Raised for harness failures (a command that failed, a wait that timed out), never for test verdicts. */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

/** Runs `cmd args` to completion. Throws a HarnessError on a non-zero exit unless `allowFail`. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { timeoutMs?: number; allowFail?: boolean } = {},
): Promise<CmdResult> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: opts.timeoutMs ?? 30_000, killSignal: 'SIGKILL', maxBuffer: 16 << 20, env: hostEnv() },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const result = { code, stdout: String(stdout), stderr: String(stderr) };
        if (code !== 0 && !opts.allowFail) {
          const why = error?.killed ? 'timed out' : `exit ${code ?? 'signal'}`;
          reject(new HarnessError(`${cmd} ${args.join(' ')}: ${why}: ${result.stderr.trim()}`));
        } else resolve(result);
      },
    );
  });
}

/** Runs a command inside a network namespace (`ip netns exec`). */
export function runIn(
  ns: string,
  cmd: string,
  args: readonly string[],
  opts?: { timeoutMs?: number; allowFail?: boolean },
): Promise<CmdResult> {
  return run('ip', ['netns', 'exec', ns, cmd, ...args], opts);
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new HarnessError('aborted');
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls `probe` until it returns a value other than undefined; rejects after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline)
      throw new HarnessError(`timed out after ${opts.timeoutMs} ms waiting for ${what}`);
    await sleep(opts.intervalMs ?? 100, opts.signal);
  }
}

interface ProcStat {
  readonly state: string;
  readonly pgrp: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

/** True while `pid` exists and is not a zombie (`kill -0` succeeds on zombies, so /proc is the only truth). */
export function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** Live (non-zombie) members of process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const stat = procStat(pid);
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') members.push(pid);
  }
  return members;
}

/** Sends `signal` to every process of group `pgid`; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nothing left to signal.
  }
}

/** SIGTERM (optional grace period), then SIGKILL, then waits until no member of the group is left. */
export async function killGroup(pgid: number, graceMs = 0): Promise<void> {
  if (graceMs > 0 && groupMembers(pgid).length > 0) {
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupMembers(pgid).length > 0 && Date.now() < deadline) await sleep(50);
  }
  for (let i = 0; i < 100 && groupMembers(pgid).length > 0; i++) {
    signalGroup(pgid, 'SIGKILL');
    await sleep(50);
  }
  if (groupMembers(pgid).length > 0) throw new HarnessError(`process group ${pgid} survived SIGKILL`);
}
