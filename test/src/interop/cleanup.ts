// A stack of undo actions: every resource the harness creates registers its removal here before anything can
// fail, so a failing or timed-out test still removes it. A process exit or SIGINT/SIGTERM runs the synchronous
// variants of whatever is still registered, so even an interrupted run leaves no namespace or UML behind.
import { HarnessError } from './exec.js';

interface Undo {
  readonly label: string;
  readonly undo: () => unknown;
  readonly undoSync: (() => void) | undefined;
}

const live = new Set<Cleanup>();
let hooksInstalled = false;

export class Cleanup {
  readonly #stack: Undo[] = [];
  #done = false;

  constructor() {
    live.add(this);
    installHooks();
  }

  /** Registers `undo` (and a synchronous fallback for process exit) to run, last-in first-out, in `run()`. */
  defer(label: string, undo: () => unknown, undoSync?: () => void): void {
    if (this.#done) {
      // Something was created after the cleanup ran (a step that missed an abort): undo it now, then fail.
      void Promise.resolve()
        .then(undo)
        .catch(() => undefined);
      throw new HarnessError(`cleanup already ran; undid ${label} at once`);
    }
    this.#stack.push({ label, undo, undoSync });
  }

  /** Runs every undo once, newest first; returns the failures instead of stopping at the first. */
  async run(): Promise<string[]> {
    this.#done = true;
    const failures: string[] = [];
    for (let entry = this.#stack.pop(); entry; entry = this.#stack.pop()) {
      try {
        await entry.undo();
      } catch (error) {
        failures.push(`${entry.label}: ${(error as Error).message}`);
      }
    }
    live.delete(this);
    return failures;
  }

  /** Best effort, synchronous: used only when the process is exiting with work left. */
  runSync(): void {
    this.#done = true;
    for (let entry = this.#stack.pop(); entry; entry = this.#stack.pop()) {
      try {
        entry.undoSync?.();
      } catch {
        // Nothing more can be done while the process exits.
      }
    }
    live.delete(this);
  }
}

function runAllSync(): void {
  for (const cleanup of [...live].reverse()) cleanup.runSync();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', runAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      runAllSync();
      // Re-raise so the exit status still says which signal ended us.
      process.kill(process.pid, signal);
    });
  }
}
