// Runs one script as pppd's run_program() does (main.c): only a regular file with an execute bit
// runs, and a missing one silently does nothing; the child gets its own session (setsid), the root
// directory as working directory, stdin from /dev/null, and exactly the environment it is given. Its
// stdout and stderr, which pppd sends to /dev/null, are kept (4 KiB at most) for the debug log. Unlike
// pppd, a script that outlives its time limit is killed: a server cannot wait for ever.
import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { Clock, Timer } from '@switchyard/core';

export type ScriptOutcome =
  /** No such file: pppd runs nothing and says nothing (run_program with must_exist 0). */
  | { readonly kind: 'absent' }
  /** pppd's "Can't execute %s: %m": not a regular file, no execute bit, or stat failed. */
  | { readonly kind: 'not-executable'; readonly reason: string }
  | { readonly kind: 'spawn-failed'; readonly reason: string }
  | {
      readonly kind: 'exited';
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      readonly timedOut: boolean;
      readonly output: string;
    };

export interface ScriptRun {
  /** argv[0] is the script's path. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** After the SIGTERM of a time-out, SIGKILL follows this much later. */
  readonly killGraceMs: number;
}

const outputLimitBytes = 4096;

/** Whether `path` is something pppd would exec: a regular file with some execute bit. */
export async function checkExecutable(
  path: string,
): Promise<{ ok: true } | { ok: false; absent: boolean; reason: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, absent: false, reason: 'not a regular file' };
    if ((info.mode & 0o111) === 0) return { ok: false, absent: false, reason: 'Permission denied' };
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, absent: code === 'ENOENT', reason: String((error as Error).message ?? error) };
  }
}

/** The scripts now running, so a stop can signal them all (pppd childwait_end). */
export class ScriptProcesses {
  private readonly children = new Set<ChildProcess>();

  get size(): number {
    return this.children.size;
  }

  async run(script: ScriptRun, clock: Clock): Promise<ScriptOutcome> {
    const [path, ...args] = script.argv as [string, ...string[]];
    const check = await checkExecutable(path);
    if (!check.ok)
      return check.absent ? { kind: 'absent' } : { kind: 'not-executable', reason: check.reason };
    return this.spawn(path, args, script, clock);
  }

  /** Signals every running script's process group (SIGTERM, as pppd does when child-timeout ends). */
  signalAll(signal: NodeJS.Signals): void {
    for (const child of this.children) signalGroup(child, signal);
  }

  private spawn(path: string, args: string[], script: ScriptRun, clock: Clock): Promise<ScriptOutcome> {
    return new Promise((resolve) => {
      let child: ChildProcess;
      try {
        child = spawn(path, args, {
          argv0: path,
          cwd: '/',
          env: script.env,
          detached: true, // setsid(): no controlling tty, its own process group to signal
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        resolve({ kind: 'spawn-failed', reason: String(error) });
        return;
      }
      this.children.add(child);
      let output = '';
      const keep = (chunk: Buffer) => {
        if (output.length < outputLimitBytes)
          output += chunk.toString('utf8', 0, outputLimitBytes - output.length);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      let timedOut = false;
      let kill: Timer | undefined;
      const timeout = clock.setTimer(script.timeoutMs, () => {
        timedOut = true;
        signalGroup(child, 'SIGTERM');
        kill = clock.setTimer(script.killGraceMs, () => signalGroup(child, 'SIGKILL'));
      });
      const finish = (outcome: ScriptOutcome) => {
        timeout.cancel();
        kill?.cancel();
        this.children.delete(child);
        // A daemon the script left behind may hold the pipes open: stop reading them.
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve(outcome);
      };
      child.once('error', (error) => finish({ kind: 'spawn-failed', reason: error.message }));
      child.once('exit', (code, signal) => finish({ kind: 'exited', code, signal, timedOut, output }));
    });
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
