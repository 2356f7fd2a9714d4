// The ScriptHost of the running plugin: whether each configured script exists (one stat per path at
// most once a second, in the background, so a session's event never waits on the disk) and running one
// with its outcome logged in pppd's words on the session's logger.
import { stat } from 'node:fs/promises';
import type { Clock, Logger } from '@switchyard/core';
import type { ScriptHost } from '../ip-layer-scripts.js';
import type { ScriptKind } from '../machine/invocation.js';
import { ScriptProcesses, type ScriptOutcome } from './run-script.js';

const recheckMs = 1000;
const killGraceMs = 5000;

interface Presence {
  present: boolean;
  checkedAt: number;
  checking: boolean;
}

export class SystemScriptHost implements ScriptHost {
  readonly processes = new ScriptProcesses();
  private readonly presence = new Map<string, Presence>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /** Looks at every path once before the first session, so the first answers are not guesses. */
  async prime(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.map((path) => this.check(path)));
  }

  present(path: string): boolean {
    const entry = this.presence.get(path);
    if (!entry) {
      void this.check(path);
      return false;
    }
    if (!entry.checking && this.clock.now() - entry.checkedAt >= recheckMs) void this.check(path);
    return entry.present;
  }

  async run(
    kind: ScriptKind,
    argv: readonly string[],
    env: Record<string, string>,
    logger: Logger,
  ): Promise<void> {
    try {
      const outcome = await this.processes.run(
        { argv, env, timeoutMs: this.timeoutMs, killGraceMs },
        this.clock,
      );
      logOutcome(kind, argv[0]!, outcome, logger, this.timeoutMs);
    } catch (error) {
      logger.error(`${kind}: running ${argv[0]} failed`, { error: String(error) });
    }
  }

  private async check(path: string): Promise<void> {
    const entry = this.presence.get(path) ?? { present: false, checkedAt: 0, checking: false };
    this.presence.set(path, entry);
    entry.checking = true;
    try {
      await stat(path);
      entry.present = true;
    } catch {
      entry.present = false;
    } finally {
      entry.checking = false;
      entry.checkedAt = this.clock.now();
    }
  }
}

/** pppd's messages where it has one (main.c run_program, reap_kids), with the script's kind first. */
export function logOutcome(
  kind: ScriptKind,
  path: string,
  outcome: ScriptOutcome,
  logger: Logger,
  timeoutMs: number,
): void {
  switch (outcome.kind) {
    case 'absent':
      logger.debug(`${kind}: ${path} does not exist, nothing run`);
      return;
    case 'not-executable':
      logger.warn(`${kind}: Can't execute ${path}: ${outcome.reason}`);
      return;
    case 'spawn-failed':
      logger.warn(`${kind}: Failed to create child process for ${path}: ${outcome.reason}`);
      return;
    case 'exited': {
      const output = outcome.output.trimEnd();
      if (output !== '' && logger.debugEnabled) {
        for (const line of output.split('\n')) logger.debug(`${kind} output: ${line}`);
      }
      if (outcome.timedOut) {
        logger.warn(`${kind}: ${path} still running after ${timeoutMs / 1000} s: killed`);
      } else if (outcome.signal !== null) {
        logger.warn(`${kind}: ${path} terminated by ${outcome.signal}`);
      } else if (outcome.code !== 0) {
        logger.warn(`${kind}: ${path} failed with exit status ${outcome.code}`);
      } else {
        logger.debug(`${kind}: ${path} finished, exit status 0`);
      }
    }
  }
}
