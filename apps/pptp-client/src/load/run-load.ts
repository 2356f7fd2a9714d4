// runLoad(): many PPTP sessions from one process, for benchmarks. One raw GRE socket and one Call ID
// allocator for all (ids unique), one TCP connection per session. Phases: set-up (C at a time), optional
// UDP traffic, optional hold (idle sessions, e.g. while a benchmark samples the server's memory),
// teardown. A session that fails or drops is counted in the report, never fatal to the run.
import {
  SessionRegistry,
  SystemClock,
  createLogger,
  streamSink,
  type Clock,
  type Logger,
} from '@switchyard/core';
import type { LcpConfig } from '@switchyard/plugin-lcp';
import type { GreEndpoint } from '@switchyard/plugin-gre';
import { CallIdAllocator } from '@switchyard/plugin-pptp-control';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PptpClientSession } from '../client-session.js';
import { connect } from '../connect.js';
import { startGreEndpoint } from '../io/gre.js';
import { clientEnd, PptpClientError } from '../machine/end.js';
import {
  buildReport,
  type LoadPhase,
  type LoadReport,
  type SessionRecord,
  type SessionTraffic,
  type TrafficSpec,
} from '../machine/load-report.js';
import type { AuthProtocol, MppeChoice } from '../machine/ppp-choices.js';
import { newSessionTraffic, runTraffic, type TrafficParticipant } from './traffic.js';

export interface LoadOptions {
  /** The server's IPv4 address (or name). */
  readonly server: string;
  readonly port?: number;
  readonly localAddress?: string;
  readonly sessions: number;
  /** Set-ups and teardowns in flight at once; default 16. */
  readonly concurrency?: number;
  readonly user: string;
  readonly password: string;
  /** Per-session accounts (overrides user/password). */
  readonly credentials?: (index: number) => { readonly user: string; readonly password: string };
  readonly auth?: readonly AuthProtocol[];
  readonly mppe?: readonly MppeChoice[];
  /** Over the load defaults (no LCP echo: idle sessions stay idle). */
  readonly lcp?: Partial<LcpConfig>;
  readonly window?: number;
  /** Per-session set-up limit; default 30 s. */
  readonly timeoutMs?: number;
  /** First PPTP Call ID; default 1. */
  readonly firstCallId?: number;
  readonly traffic?: TrafficSpec;
  readonly holdSeconds?: number;
  /** Runs while the sessions are held (alongside holdSeconds), e.g. to sample the server's memory. */
  readonly whileHeld?: (sessions: readonly PptpClientSession[]) => Promise<void>;
  /** Progress for a terminal: phase changes and each set-up's outcome. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Aborting it skips what has not started and goes on to the teardown. */
  readonly signal?: AbortSignal;
  /** Default: warnings only (each session would otherwise log half a dozen lines). */
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** SO_RCVBUF of the shared GRE socket; default 32 MiB. */
  readonly receiveBufferBytes?: number;
}

export interface LoadProgress {
  readonly phase: LoadPhase | 'done';
  readonly requested: number;
  readonly established: number;
  readonly failed: number;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const requested = options.sessions;
  if (!Number.isInteger(requested) || requested < 1 || requested > 65535) {
    throw new RangeError(`sessions ${requested}: 1..65535`);
  }
  const clock = options.clock ?? new SystemClock();
  const logger =
    options.logger ??
    createLogger({ level: 'warn', sink: streamSink('text', (line) => void process.stderr.write(line)) });
  // Every set-up in flight listens on the signal: follow the caller's through one without a listener cap.
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const onAbort = () => abort.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  const gre = startGreEndpoint({ clock, logger, receiveBufferBytes: options.receiveBufferBytes ?? 32 << 20 });
  const run = new LoadRun({ ...options, signal: abort.signal }, clock, logger, gre);
  try {
    return await run.run();
  } finally {
    await run.closeAll('load run aborted'); // only what an exception left open
    gre.stop();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** One run's state: the per-session records, the sessions up right now, and the phase it is in. */
class LoadRun {
  private readonly startedAt = new Date().toISOString();
  private readonly concurrency: number;
  private readonly callIds: CallIdAllocator;
  private readonly registry: SessionRegistry;
  private readonly records: SessionRecord[];
  private readonly live = new Map<number, PptpClientSession>();
  private phase: LoadPhase = 'setup';
  private established = 0;
  private failed = 0;

  constructor(
    private readonly options: LoadOptions,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly gre: GreEndpoint,
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.callIds = new CallIdAllocator({ first: options.firstCallId ?? 1 });
    this.registry = new SessionRegistry(clock, logger);
    this.records = Array.from({ length: options.sessions }, (_, index) => ({ index }));
  }

  async run(): Promise<LoadReport> {
    const { options } = this;
    this.progress();
    const setupWallMs = await this.timed(() =>
      inParallel(this.records, this.concurrency, (record) => this.open(record)),
    );
    let traffic: { spec: TrafficSpec; durationMs: number } | undefined;
    if (options.traffic !== undefined && !options.signal?.aborted) {
      this.enter('traffic');
      traffic = { spec: options.traffic, durationMs: await this.sendTraffic(options.traffic) };
    }
    let holdMs = 0;
    if ((options.holdSeconds ?? 0) > 0 || options.whileHeld !== undefined) {
      this.enter('hold');
      holdMs = await this.timed(() => this.hold());
    }
    this.enter('teardown');
    const teardownWallMs = await this.timed(() => this.closeAll('load run finished'));
    const { established, failed } = this;
    options.onProgress?.({ phase: 'done', requested: options.sessions, established, failed });
    return buildReport({
      server: options.server,
      startedAt: this.startedAt,
      concurrency: this.concurrency,
      setupWallMs,
      teardownWallMs,
      holdMs,
      ...(traffic !== undefined && { traffic }),
      records: this.records,
    });
  }

  /** Closes every session still up, `concurrency` at a time. */
  closeAll(detail: string): Promise<void> {
    return inParallel([...this.live.values()], this.concurrency, async (session) => {
      await session.close('admin', detail);
    });
  }

  private async open(record: SessionRecord): Promise<void> {
    const { options, clock } = this;
    if (options.signal?.aborted) return;
    const started = clock.now();
    const account = options.credentials?.(record.index) ?? { user: options.user, password: options.password };
    try {
      const session = await connect({
        ...this.connectOptions(),
        user: account.user,
        password: account.password,
      });
      record.setupMs = clock.now() - started;
      record.localAddress = session.localAddress;
      this.live.set(record.index, session);
      this.established++;
      void session.closed.then((end) => {
        record.end = end;
        record.counters = session.counters();
        record.endedIn = this.phase;
        this.live.delete(record.index);
      });
    } catch (error) {
      record.setupMs = clock.now() - started;
      record.setupError =
        error instanceof PptpClientError ? error.end : clientEnd('local-error', String(error));
      this.failed++;
    }
    this.progress();
  }

  private connectOptions() {
    const { options } = this;
    return {
      server: options.server,
      ...(options.port !== undefined && { port: options.port }),
      ...(options.localAddress !== undefined && { localAddress: options.localAddress }),
      ...(options.auth !== undefined && { auth: options.auth }),
      ...(options.mppe !== undefined && { mppe: options.mppe }),
      // No LCP echo unless asked: held sessions should be idle, and the server's echoes still get answers.
      lcp: { lcpEchoInterval: 0, lcpEchoFailure: 0, ...options.lcp },
      ...(options.window !== undefined && { window: options.window }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.signal !== undefined && { signal: options.signal }),
      logger: this.logger,
      clock: this.clock,
      gre: this.gre,
      callIds: this.callIds,
      sessions: this.registry,
    };
  }

  private sendTraffic(spec: TrafficSpec): Promise<number> {
    const counters = new Map<number, SessionTraffic>();
    const participants: TrafficParticipant[] = [...this.live].map(([index, session]) => {
      const traffic = newSessionTraffic();
      counters.set(index, traffic);
      (this.records[index] as SessionRecord).traffic = traffic;
      return { index, session };
    });
    return runTraffic(participants, counters, spec, this.clock, this.options.signal);
  }

  private async hold(): Promise<void> {
    const { holdSeconds = 0, signal, whileHeld } = this.options;
    const wait = sleep(holdSeconds * 1000, undefined, signal ? { signal } : {}).catch(() => {});
    await Promise.all([wait, whileHeld?.([...this.live.values()])]);
  }

  private async timed(step: () => Promise<unknown>): Promise<number> {
    const start = this.clock.now();
    await step();
    return this.clock.now() - start;
  }

  private enter(phase: LoadPhase): void {
    this.phase = phase;
    this.progress();
  }

  private progress(): void {
    const { established, failed, phase } = this;
    this.options.onProgress?.({ phase, requested: this.options.sessions, established, failed });
  }
}
