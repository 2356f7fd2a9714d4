// Benchmark helper processes: each runs inside a namespace (`ip netns exec`), optionally pinned to a
// CPU (taskset), in its own process group registered on the run's Cleanup, and talks JSON lines: it
// prints one object per line on stdout and takes one command per line on stdin.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../interop/cleanup.js';
import { hostEnv, killGroup, signalGroup } from '../interop/exec.js';

export interface ChildOptions {
  /** Namespace to run in (`ip netns exec`); undefined: the benchmark's own. */
  readonly netns?: string | undefined;
  /** CPU list for taskset, e.g. '0'; undefined: not pinned. */
  readonly cpu?: string | undefined;
  /** Extra arguments for node itself (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  readonly label: string;
}

/** The compiled file next to this one, e.g. bench script 'udp-flood.js'. */
export function benchScript(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** A helper process speaking JSON lines. */
export class BenchChild {
  readonly pid: number;
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #lines: unknown[] = [];
  readonly #waiters: ((line: unknown) => void)[] = [];
  #exit: string | undefined;
  #stderr = '';

  private constructor(
    child: ChildProcessWithoutNullStreams,
    readonly label: string,
  ) {
    this.#child = child;
    if (child.pid === undefined) throw new Error(`${label}: cannot start`);
    this.pid = child.pid;
    createInterface({ input: child.stdout }).on('line', (line) => this.#onLine(line));
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep the tail only: it is for error messages.
      this.#stderr = (this.#stderr + chunk.toString()).slice(-8000);
    });
    child.once('exit', (code, signal) => {
      this.#exit = `exited (${code ?? signal})`;
      for (const waiter of this.#waiters.splice(0)) waiter(undefined);
    });
  }

  /** Starts `argv` (node script + args when `script` is set) under the options' namespace and CPU. */
  static start(cleanup: Cleanup, options: ChildOptions, argv: readonly string[]): BenchChild {
    const prefix: string[] = options.netns === undefined ? [] : ['ip', 'netns', 'exec', options.netns];
    if (options.cpu !== undefined) prefix.push('taskset', '-c', options.cpu);
    // detached: a process group of its own, so one signal reaches `ip`, taskset's exec and node alike.
    const [command, ...rest] = [...prefix, ...argv];
    if (command === undefined) throw new Error(`${options.label}: empty command`);
    const child = spawn(command, rest, { detached: true, env: hostEnv() });
    const bench = new BenchChild(child, options.label);
    let gone = false;
    cleanup.defer(
      options.label,
      async () => {
        if (gone) return;
        await killGroup(bench.pid, 5000);
        gone = true;
      },
      () => gone || signalGroup(bench.pid, 'SIGKILL'),
    );
    child.once('exit', () => (gone = true));
    return bench;
  }

  /** Starts a compiled bench script with node. */
  static node(cleanup: Cleanup, options: ChildOptions, script: string, args: readonly string[]): BenchChild {
    return BenchChild.start(cleanup, options, [
      process.execPath,
      ...(options.nodeArgs ?? []),
      benchScript(script),
      ...args,
    ]);
  }

  /** The last 8,000 characters the process wrote to stderr (its log, for helpers that log there). */
  get stderrTail(): string {
    return this.#stderr;
  }

  get exited(): boolean {
    return this.#exit !== undefined;
  }

  /** The next JSON line (in order); rejects if the process ends first or after `timeoutMs`. */
  next<T>(timeoutMs = 120_000): Promise<T> {
    const queued = this.#lines.shift();
    if (queued !== undefined) return Promise.resolve(queued as T);
    if (this.#exit !== undefined) return Promise.reject(this.#failure('before answering'));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.#waiters.indexOf(waiter);
        if (at >= 0) this.#waiters.splice(at, 1);
        reject(this.#failure(`did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (line: unknown) => {
        clearTimeout(timer);
        if (line === undefined) reject(this.#failure('before answering'));
        else resolve(line as T);
      };
      this.#waiters.push(waiter);
    });
  }

  /** Sends one command line. */
  send(command: string): void {
    if (this.#exit === undefined) this.#child.stdin.write(`${command}\n`);
  }

  /** Sends a command and waits for its answer. */
  async ask<T>(command: string, timeoutMs?: number): Promise<T> {
    this.send(command);
    return this.next<T>(timeoutMs);
  }

  /** SIGTERM to the group, SIGKILL after the grace period; resolves when nothing of it is left. */
  async stop(graceMs = 5000): Promise<void> {
    await killGroup(this.pid, graceMs);
  }

  /** Resolves with the exit description once the process is gone (after stdin closed, say). */
  async ended(timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.#exit === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.#exit ?? 'still running';
  }

  #onLine(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return; // not ours (a library's stray output): only JSON lines are protocol
    }
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) waiter(value);
    else this.#lines.push(value);
  }

  #failure(what: string): Error {
    const why = this.#exit ?? 'running';
    return new Error(`${this.label} (${why}) ${what}: ${this.#stderr.trim().slice(-2000)}`);
  }
}
