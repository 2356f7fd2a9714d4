// The suite's results: the JSON document (every figure named with its unit, see UNITS) and the tables
// printed at the end, tunnel figures beside the plain-path ones, and the goals with what was reached.
import type { LatencyFigures } from './latency.js';
import type { MicroResult } from './micro.js';
import type { PlainRow } from './plain.js';
import type { ProfileSummary } from './profile-summary.js';
import type { SessionFigures } from './sessions.js';
import { type Cell, ratio, renderTable } from './table.js';
import type { TunnelRow } from './tunnel.js';

/** What each suffix of a figure's name means. */
export const UNITS = {
  Pps: 'packets per second',
  Packets: 'packets',
  Mbps: 'megabits (10^6 bit) per second of IP packets, headers included',
  Bytes: 'bytes (IP packet size for packetBytes)',
  Percent: 'percent (CPU: of one core)',
  Ms: 'milliseconds',
  Us: 'microseconds',
  PerSecond: 'per second',
  MsPerSetup: 'CPU milliseconds (user + system) per completed session set-up',
  ratio: 'tunnel figure / plain figure, dimensionless',
} as const;

export interface DataPathResults {
  readonly plain: readonly PlainRow[];
  readonly tunnel: readonly TunnelRow[];
}

export interface Results {
  dataPath?: DataPathResults & { ratios: RatioRow[] };
  latency?: LatencyFigures;
  /** The same round trips with the appliance moved onto the load generator's core. */
  latencySharedCore?: LatencyFigures;
  sessions?: SessionFigures;
  micro?: MicroResult[];
  profile?: ProfileSummary;
  /** The sessions appliance's profile (--profile DIR writes it under DIR/sessions). */
  sessionsProfile?: ProfileSummary;
  goals?: Goal[];
  errors: { section: string; error: string }[];
}

export interface RatioRow {
  readonly sessions: number;
  readonly direction: 'upstream' | 'downstream';
  readonly packetBytes: number;
  readonly tunnelDeliveredPps: number;
  readonly plainVethDeliveredPps: number | undefined;
  readonly plainRoutedDeliveredPps: number | undefined;
  /** Tunnel ÷ plain veth (the figure the goal is stated against), and ÷ the routed underlay. */
  readonly ratioToVeth: number | undefined;
  readonly ratioToRouted: number | undefined;
}

export interface Goal {
  readonly goal: string;
  readonly target: string;
  readonly reached: string;
  readonly met: boolean | undefined;
}

export function ratios(data: DataPathResults): RatioRow[] {
  return data.tunnel.map((t) => {
    const veth = data.plain.find((p) => p.path === 'veth' && p.packetBytes === t.packetBytes);
    const routed = data.plain.find(
      (p) => p.path === 'routed' && p.direction === t.direction && p.packetBytes === t.packetBytes,
    );
    return {
      sessions: t.sessions,
      direction: t.direction,
      packetBytes: t.packetBytes,
      tunnelDeliveredPps: t.deliveredPps,
      plainVethDeliveredPps: veth?.deliveredPps,
      plainRoutedDeliveredPps: routed?.deliveredPps,
      ratioToVeth: ratio(t.deliveredPps, veth?.deliveredPps),
      ratioToRouted: ratio(t.deliveredPps, routed?.deliveredPps),
    };
  });
}

export function goals(results: Results): Goal[] {
  const out: Goal[] = [];
  const big = results.dataPath?.ratios.filter((r) => r.sessions === 1 && r.packetBytes === 1400) ?? [];
  if (big.length > 0) {
    const worst = Math.min(...big.map((r) => r.ratioToVeth ?? 0));
    out.push({
      goal: 'tunnel packets/s ≥ ½ plain veth UDP, 1400 B, one session (appliance on one core)',
      target: 'ratio ≥ 0.5',
      reached: big.map((r) => `${r.direction} ${r.ratioToVeth ?? '–'}`).join(', '),
      met: worst >= 0.5,
    });
  }
  const sessions = results.sessions;
  const last = sessions?.steps.at(-1);
  if (sessions && last) {
    const perSession = sessions.bytesPerSession.at(-1)?.bytes ?? 0;
    out.push({
      goal: '10,000 concurrent sessions under 20 KiB appliance RSS each',
      target: '10,000 held, < 20,480 bytes each',
      reached: `${last.heldAtServer} held, ${perSession} bytes each`,
      met: last.heldAtServer >= 10_000 && perSession < 20_480,
    });
    const best = Math.max(...sessions.steps.map((s) => s.setupsPerSecond));
    out.push({
      goal: 'session set-ups per second',
      target: '≥ 1,000/s',
      reached: `${best}/s`,
      met: best >= 1000,
    });
  }
  if (results.latency) out.push(latencyGoal('', results.latency));
  if (results.latencySharedCore) {
    out.push(latencyGoal(', appliance on the load core (no cross-vCPU wake-up)', results.latencySharedCore));
  }
  return out;
}

function latencyGoal(placement: string, latency: LatencyFigures): Goal {
  const added = latency.addedP99Us;
  return {
    goal: `p99 added latency (tunnel − direct round trip)${placement}`,
    target: '< 1,000 µs',
    reached: added === undefined ? 'not measured' : `${added} µs`,
    met: added === undefined ? undefined : added < 1000,
  };
}

function dataPathTable(data: DataPathResults & { ratios: RatioRow[] }): string {
  const rows: Cell[][] = data.tunnel.map((t, i) => {
    const r = data.ratios[i] as RatioRow;
    return [
      `${t.sessions} session${t.sessions === 1 ? '' : 's'} ${t.direction} ${t.packetBytes} B`,
      t.offeredPps,
      t.deliveredPps,
      t.deliveredMbps,
      t.lossPercent,
      r.plainVethDeliveredPps,
      r.plainRoutedDeliveredPps,
      r.ratioToVeth,
      r.ratioToRouted,
      t.applianceCpuPercent,
      t.clientCpuPercent,
      t.limitedBy.join(', '),
    ];
  });
  const plain: Cell[][] = data.plain.map((p) => [
    `plain ${p.path} ${p.direction} ${p.packetBytes} B`,
    p.offeredPps,
    p.deliveredPps,
    p.deliveredMbps,
    p.lossPercent,
  ]);
  const header = ['data path', 'offered pkt/s', 'delivered pkt/s', 'Mbit/s', 'loss %'];
  return [
    renderTable(
      'Data path through the appliance (MPPE-128 stateless), beside plain UDP in the same run',
      [
        ...header,
        'plain veth pkt/s',
        'plain routed pkt/s',
        '÷ veth',
        '÷ routed',
        'appliance CPU %',
        'client CPU %',
        'limited by',
      ],
      rows,
    ),
    renderTable('Plain UDP paths', header, plain),
  ].join('\n');
}

function latencyTable(latency: LatencyFigures, placement: string): string {
  const rows: Cell[][] = [latency.direct, latency.tunnel].flatMap((r) =>
    r === undefined ? [] : [[r.path, r.samples, r.lost, r.minUs, r.p50Us, r.p90Us, r.p99Us, r.maxUs]],
  );
  rows.push([
    'added (tunnel − direct)',
    undefined,
    undefined,
    undefined,
    latency.addedP50Us,
    undefined,
    latency.addedP99Us,
  ]);
  return renderTable(
    `Round trip, ${latency.packetBytes}-byte UDP, one probe in flight, after ${latency.warmupProbes} warm-up probes, ${placement} (µs)`,
    ['path', 'samples', 'lost', 'min', 'p50', 'p90', 'p99', 'max'],
    rows,
  );
}

function sessionsTable(s: SessionFigures): string {
  const rows: Cell[][] = [
    ['no session', 0, undefined, undefined, undefined, undefined, undefined, s.idleRssBytes, undefined],
  ];
  s.steps.forEach((step, i) =>
    rows.push([
      `+${step.requested} sessions`,
      step.heldAtServer,
      step.setupsPerSecond,
      step.setupWallMs,
      step.applianceCpuPercent,
      step.applianceCpuMsPerSetup,
      step.loadCpuPercent,
      step.applianceRssBytes,
      s.bytesPerSession[i]?.bytes,
    ]),
  );
  return renderTable(
    `Sessions (complete set-ups, ${s.concurrency} in flight), held idle`,
    [
      'step',
      'held at server',
      'set-ups/s',
      'wall ms',
      'appliance CPU %',
      'CPU ms/set-up',
      'load CPU %',
      'appliance RSS bytes',
      'bytes/session',
    ],
    rows,
  );
}

function microTable(micro: readonly MicroResult[]): string {
  const rows: Cell[][] = micro.flatMap((m): Cell[][] =>
    m.ok
      ? m.headlines.map((h) => [h.figure, h.value, h.unit])
      : [[`${m.name}: failed`, undefined, m.error ?? '']],
  );
  return renderTable('Micro-benchmarks (packages\u2019 own)', ['figure', 'value', 'unit'], rows);
}

export function renderResults(results: Results): string {
  const parts: string[] = [];
  if (results.dataPath) parts.push(dataPathTable(results.dataPath));
  if (results.latency) parts.push(latencyTable(results.latency, 'appliance on its own core'));
  if (results.latencySharedCore) {
    parts.push(latencyTable(results.latencySharedCore, 'appliance on the load core'));
  }
  if (results.sessions) parts.push(sessionsTable(results.sessions));
  if (results.micro) parts.push(microTable(results.micro));
  if (results.goals) {
    const rows: Cell[][] = results.goals.map((g) => [
      g.goal,
      g.target,
      g.reached,
      g.met === undefined ? '–' : g.met ? 'yes' : 'no',
    ]);
    parts.push(renderTable('Goals', ['goal', 'target', 'reached', 'met'], rows));
  }
  for (const e of results.errors) parts.push(`\n${e.section} failed: ${e.error}`);
  return parts.join('\n');
}
