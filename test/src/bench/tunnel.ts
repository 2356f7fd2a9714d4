// The data path through the appliance: N MPPE-128 sessions from the load generator in the client
// namespace. Upstream: every session sends UDP to the LAN host (runLoad's traffic phase); the LAN sink
// counts what arrives. Downstream: the LAN host sends UDP round-robin to the sessions' tunnel
// addresses; the load generator counts what comes out of the tunnels. Both directions are paced and
// the pace is raised ×1.5 per step while the path keeps up (loss ≤ 2%), as RFC 2544 searches for a
// throughput: flooding a path that cannot keep up measures its collapse, not its capacity; three
// bisection steps between the last pace kept and the first lost then narrow the figure to about 6%. The
// row reports the step that delivered most, with the offered rate that gave it; every step is kept.
import type { Cleanup } from '../interop/cleanup.js';
import type { ApplianceProcess } from './appliance.js';
import { type FlowFigures, UdpSink, round2 } from './flow.js';
import type { BenchLab } from './lab.js';
import type { HeldEvent } from './load-child.js';
import { type Limit, limitOf } from './limit.js';
import { type Measured, downstreamStep, startLoad, upstreamStep } from './tunnel-steps.js';

export interface TunnelRow extends FlowFigures {
  readonly sessions: number;
  readonly direction: 'upstream' | 'downstream';
  /** Busiest second of the appliance / load generator, percent of one core, and each CPU then. */
  readonly applianceCpuPercent: number;
  readonly clientCpuPercent: number;
  readonly cpuBusyPercent: Readonly<Record<string, number>>;
  /** Appliance CPU time per delivered packet (busiest second ÷ delivered rate): cost, whatever the bottleneck. */
  readonly applianceCpuUsPerPacket: number;
  /** Packets the kernel dropped during the measurement, by place (receive buffers, TUN queue). */
  readonly kernelDropsPackets: Readonly<Record<string, number>>;
  /** Every paced step tried, in order. */
  readonly steps: readonly Step[];
  /** What was saturated in the step that ended the ramp (see limit.ts): whose figure the row is. */
  readonly limitedBy: readonly Limit[];
}

export interface Step {
  /** The pace asked for in this step (all sessions together). */
  readonly targetPps: number;
  readonly offeredPps: number;
  readonly deliveredPps: number;
  readonly lossPercent: number;
  readonly applianceCpuPercent: number;
  readonly clientCpuPercent: number;
  readonly cpuBusyPercent: Readonly<Record<string, number>>;
  readonly kernelDropsPackets: Readonly<Record<string, number>>;
}

export interface TunnelOptions {
  readonly sizes: readonly number[];
  readonly sessionCounts: readonly number[];
  readonly durationMs: number;
  readonly cpus: { readonly appliance: string | undefined; readonly load: string | undefined };
  /** `node --cpu-prof` directory for every load generator process (one profile each); undefined: none. */
  readonly loadProfileDir?: string | undefined;
}

export interface TunnelContext {
  readonly cleanup: Cleanup;
  readonly lab: BenchLab;
  readonly appliance: ApplianceProcess;
  readonly sink: UdpSink;
  readonly options: TunnelOptions;
}

/**
 * Enough steps that the ramp ends on the path, not on this count: from 16,000 packets/s, 10 steps reach
 * 615,000, above plain veth UDP. With 6 the last pace was 121,500 and a faster tunnel (native MPPE, both
 * directions at 1400 B) read as exactly that, capped, with `limited by: not reached`.
 */
const MAX_STEPS = 10;
const STEP_FACTOR = 1.5;
const STEP_LOSS_PERCENT = 2;
/** First paced rate, all sessions together: below what any build of the appliance has carried. */
const firstRate = (size: number) => (size >= 1000 ? 16_000 : 32_000);

function row(
  sessions: number,
  direction: TunnelRow['direction'],
  best: Measured,
  steps: TunnelRow['steps'],
  cpus: TunnelOptions['cpus'],
  ending: Step | undefined,
): TunnelRow {
  const [applianceCpuPercent = 0, clientCpuPercent = 0] = best.cpu.processPercent;
  const pps = best.figures.deliveredPps;
  return {
    sessions,
    direction,
    ...best.figures,
    applianceCpuPercent,
    clientCpuPercent,
    cpuBusyPercent: best.cpu.cpuBusyPercent,
    applianceCpuUsPerPacket: pps > 0 ? round2((applianceCpuPercent * 10_000) / pps) : 0,
    kernelDropsPackets: best.drops,
    steps,
    limitedBy: ending === undefined ? ['unclear'] : limitOf(ending, cpus, STEP_LOSS_PERCENT),
  };
}

/** Bisection steps between the last pace kept and the first one lost: the ×1.5 ramp alone brackets the
 * throughput within 50%, three halvings within about 6% (RFC 2544 §26.1 searches the same way). */
const BISECT_STEPS = 3;

/**
 * Steps `measure` from `startPps` up until a step loses more than 2%, then bisects between the last
 * pace kept and that one. `best` is the step that delivered most; `ending` the last step that lost
 * (what limited the path), or the last step when none did.
 */
async function ramp(startPps: number, measure: (pps: number) => Promise<Measured>) {
  const steps: Step[] = [];
  let best: Measured | undefined;
  let ending: Step | undefined;
  const tryPace = async (pps: number): Promise<boolean> => {
    const measured = await measure(pps);
    const { offeredPps, deliveredPps, lossPercent } = measured.figures;
    const [applianceCpuPercent = 0, clientCpuPercent = 0] = measured.cpu.processPercent;
    const step: Step = {
      targetPps: pps,
      offeredPps,
      deliveredPps,
      lossPercent,
      applianceCpuPercent,
      clientCpuPercent,
      cpuBusyPercent: measured.cpu.cpuBusyPercent,
      kernelDropsPackets: measured.drops,
    };
    steps.push(step);
    if (best === undefined || deliveredPps > best.figures.deliveredPps) best = measured;
    if (lossPercent <= STEP_LOSS_PERCENT) return true;
    ending = step;
    return false;
  };
  let kept: number | undefined;
  let lost: number | undefined;
  for (let step = 0, pps = startPps; step < MAX_STEPS; step++, pps = Math.round(pps * STEP_FACTOR)) {
    if (!(await tryPace(pps))) {
      lost = pps;
      break;
    }
    kept = pps;
  }
  if (kept !== undefined && lost !== undefined) {
    for (let step = 0; step < BISECT_STEPS; step++) {
      const pps = Math.round((kept + lost) / 2);
      if (await tryPace(pps)) kept = pps;
      else lost = pps;
    }
  }
  return { best: best as Measured, steps, ending: ending ?? steps.at(-1) };
}

async function downstreamRamp(ctx: TunnelContext, sessions: number, size: number, startPps: number) {
  const load = startLoad(ctx, sessions, size, undefined);
  try {
    const held = await load.next<HeldEvent>(120_000);
    if (held.established === 0) throw new Error(`no session came up (${held.failed} failed)`);
    const { best, steps, ending } = await ramp(Math.round(startPps), (pps) =>
      downstreamStep(ctx, load, held, size, pps),
    );
    load.send('release');
    await load.next(120_000);
    return row(held.established, 'downstream', best, steps, ctx.options.cpus, ending);
  } finally {
    await load.stop(10_000);
  }
}

/** Upstream then downstream for every session count and size. */
export async function measureTunnel(
  cleanup: Cleanup,
  lab: BenchLab,
  appliance: ApplianceProcess,
  options: TunnelOptions,
): Promise<TunnelRow[]> {
  const rows: TunnelRow[] = [];
  const sink = await UdpSink.start(cleanup, lab.ns.lan, options.cpus.load, 'LAN sink');
  const ctx: TunnelContext = { cleanup, lab, appliance, sink, options };
  try {
    for (const sessions of options.sessionCounts) {
      for (const size of options.sizes) {
        const up = await ramp(firstRate(size), (pps) => upstreamStep(ctx, sessions, size, pps));
        rows.push(row(up.best.sessions, 'upstream', up.best, up.steps, options.cpus, up.ending));
        rows.push(await downstreamRamp(ctx, sessions, size, firstRate(size)));
      }
    }
  } finally {
    await sink.stop();
  }
  return rows;
}
