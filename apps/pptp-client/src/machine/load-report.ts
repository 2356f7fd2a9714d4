// The load generator's report: per-session records in, totals, rates and timing summaries out. Pure, so
// the arithmetic is tested without sockets; runLoad fills the records as sessions come and go.
import type { ClientCounters } from '../client-session.js';
import type { ClientEnd } from './end.js';
import type { Rate } from './pacer.js';
import { perSecond, summarize, type Summary } from './stats.js';

/** What one session's generated traffic did. */
export interface SessionTraffic {
  sentPackets: number;
  sentBytes: number;
  /** Packets the session refused (it was closing, or not IPv4): not sent. */
  refused: number;
  /** UDP from the target's address and port to ours: the replies of an echoing target. */
  receivedPackets: number;
  receivedBytes: number;
  /** Any other packet that came out of the tunnel. */
  otherPackets: number;
  /** Replies whose IP or UDP checksum did not verify. */
  badChecksums: number;
  /** Why this session sent nothing (e.g. packets larger than its MTU). */
  skipped?: string;
}

export type LoadPhase = 'setup' | 'traffic' | 'hold' | 'teardown';

export interface SessionRecord {
  readonly index: number;
  /** connect() duration: until the session carried IP, or until its set-up failed. */
  setupMs?: number;
  localAddress?: string;
  setupError?: ClientEnd;
  /** How an established session ended, and in which phase. */
  end?: ClientEnd;
  endedIn?: LoadPhase;
  traffic?: SessionTraffic;
  /** The session's PPP, IP, GRE and MPPE counters when it ended (where packets were lost, if any). */
  counters?: ClientCounters;
}

export interface TrafficSpec {
  readonly target: string;
  readonly port: number;
  /** IP packet size, headers included. */
  readonly sizeBytes: number;
  readonly rate: Rate;
  readonly durationSeconds: number;
}

export interface LoadReport {
  readonly server: string;
  readonly startedAt: string;
  readonly sessions: {
    readonly requested: number;
    readonly established: number;
    /** Set-ups that failed. */
    readonly failed: number;
    /** Established sessions that ended before the teardown (server hang-up, keep-alive failure). */
    readonly dropped: number;
    /** Never attempted: the run was aborted first. */
    readonly skipped: number;
  };
  /** Set-up failures and drops by ClientEnd code. */
  readonly errors: Readonly<Record<string, number>>;
  readonly setup: {
    readonly concurrency: number;
    /** From the first set-up started to the last one finished. */
    readonly wallMs: number;
    readonly sessionsPerSecond: number;
    /** Set-up time of the sessions that came up. */
    readonly ms: Summary;
  };
  readonly traffic?: {
    readonly spec: TrafficSpec;
    readonly durationMs: number;
    readonly sessions: number;
    readonly sent: { readonly packets: number; readonly bytes: number };
    readonly received: { readonly packets: number; readonly bytes: number };
    readonly refused: number;
    readonly otherReceived: number;
    readonly badChecksums: number;
    readonly sentPps: number;
    readonly receivedPps: number;
    readonly sentMbitPerSecond: number;
    readonly receivedMbitPerSecond: number;
    /** Per-session packets received, over the sessions that sent. */
    readonly receivedPerSession: Summary;
  };
  readonly hold: { readonly ms: number };
  readonly teardown: { readonly wallMs: number; readonly sessionsPerSecond: number };
  readonly perSession: readonly SessionRecord[];
}

export interface ReportInput {
  readonly server: string;
  readonly startedAt: string;
  readonly concurrency: number;
  readonly setupWallMs: number;
  readonly teardownWallMs: number;
  readonly holdMs: number;
  readonly traffic?: { readonly spec: TrafficSpec; readonly durationMs: number };
  readonly records: readonly SessionRecord[];
}

const mbit = (bytes: number, ms: number): number => (ms > 0 ? Math.round((bytes * 8) / ms / 10) / 100 : 0);

export function buildReport(input: ReportInput): LoadReport {
  const { records } = input;
  const established = records.filter((r) => r.setupError === undefined && r.setupMs !== undefined);
  const failed = records.filter((r) => r.setupError !== undefined);
  const dropped = established.filter((r) => r.end !== undefined && r.endedIn !== 'teardown');
  const errors: Record<string, number> = {};
  for (const r of [...failed.map((f) => f.setupError), ...dropped.map((d) => d.end)]) {
    if (r !== undefined) errors[r.code] = (errors[r.code] ?? 0) + 1;
  }
  const closedInTeardown = established.filter((r) => r.endedIn === 'teardown').length;
  return {
    server: input.server,
    startedAt: input.startedAt,
    sessions: {
      requested: records.length,
      established: established.length,
      failed: failed.length,
      dropped: dropped.length,
      skipped: records.length - established.length - failed.length,
    },
    errors,
    setup: {
      concurrency: input.concurrency,
      wallMs: Math.round(input.setupWallMs),
      sessionsPerSecond: perSecond(established.length, input.setupWallMs),
      ms: summarize(established.map((r) => r.setupMs as number)),
    },
    ...(input.traffic && { traffic: trafficReport(input.traffic.spec, input.traffic.durationMs, records) }),
    hold: { ms: Math.round(input.holdMs) },
    teardown: {
      wallMs: Math.round(input.teardownWallMs),
      sessionsPerSecond: perSecond(closedInTeardown, input.teardownWallMs),
    },
    perSession: records,
  };
}

function trafficReport(spec: TrafficSpec, durationMs: number, records: readonly SessionRecord[]) {
  const lanes = records.map((r) => r.traffic).filter((t): t is SessionTraffic => t !== undefined);
  const sending = lanes.filter((t) => t.skipped === undefined);
  const total = (key: keyof Omit<SessionTraffic, 'skipped'>) => lanes.reduce((sum, t) => sum + t[key], 0);
  const sent = { packets: total('sentPackets'), bytes: total('sentBytes') };
  const received = { packets: total('receivedPackets'), bytes: total('receivedBytes') };
  return {
    spec,
    durationMs: Math.round(durationMs),
    sessions: sending.length,
    sent,
    received,
    refused: total('refused'),
    otherReceived: total('otherPackets'),
    badChecksums: total('badChecksums'),
    sentPps: perSecond(sent.packets, durationMs),
    receivedPps: perSecond(received.packets, durationMs),
    sentMbitPerSecond: mbit(sent.bytes, durationMs),
    receivedMbitPerSecond: mbit(received.bytes, durationMs),
    receivedPerSession: summarize(sending.map((t) => t.receivedPackets)),
  };
}

/** A few lines for a terminal. */
export function formatReport(report: LoadReport): string {
  const { sessions, setup, teardown } = report;
  const lines = [
    `sessions: ${sessions.established}/${sessions.requested} established, ${sessions.failed} failed, ${sessions.dropped} dropped`,
    `set-up: ${setup.sessionsPerSecond} sessions/s (${setup.wallMs} ms, concurrency ${setup.concurrency}); per session ms: min ${setup.ms.min} p50 ${setup.ms.p50} p90 ${setup.ms.p90} p99 ${setup.ms.p99} max ${setup.ms.max}`,
  ];
  const errors = Object.entries(report.errors);
  if (errors.length > 0) lines.push(`errors: ${errors.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  const t = report.traffic;
  if (t !== undefined) {
    lines.push(
      `traffic: ${t.sessions} sessions × UDP ${t.spec.sizeBytes} B to ${t.spec.target}:${t.spec.port} at ${t.spec.rate} pps for ${t.durationMs} ms`,
      `  sent ${t.sent.packets} packets / ${t.sent.bytes} bytes (${t.sentPps} pps, ${t.sentMbitPerSecond} Mbit/s), refused ${t.refused}`,
      `  received ${t.received.packets} packets / ${t.received.bytes} bytes (${t.receivedPps} pps, ${t.receivedMbitPerSecond} Mbit/s), other ${t.otherReceived}, bad checksums ${t.badChecksums}`,
    );
  }
  if (report.hold.ms > 0)
    lines.push(`held ${sessions.established - sessions.dropped} sessions for ${report.hold.ms} ms`);
  lines.push(`teardown: ${teardown.wallMs} ms (${teardown.sessionsPerSecond} sessions/s)`);
  return `${lines.join('\n')}\n`;
}
