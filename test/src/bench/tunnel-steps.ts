// One paced measurement through the tunnel, either way: the load generator process (load-child.js)
// with or without a traffic phase, CPU sampled over the flow, kernel drops read before and after.
import { sleep } from '../interop/exec.js';
import { BENCH_SECRET, BENCH_USER } from './appliance.js';
import { BenchChild } from './child.js';
import { type CpuFigures, CpuSampler } from './cpu-sampler.js';
import { FLOW_PORT, type FlowFigures, blast, flowFigures } from './flow.js';
import { NET, dropDelta, tunnelDrops } from './lab.js';
import type { HeldEvent, LoadChildConfig, TunnelCounts } from './load-child.js';
import type { TunnelContext } from './tunnel.js';

export interface Measured {
  readonly sessions: number;
  readonly figures: FlowFigures;
  readonly cpu: CpuFigures;
  readonly drops: Record<string, number>;
}

interface Report {
  readonly report: {
    readonly errors: unknown;
    readonly traffic?: { readonly durationMs: number; readonly sent: { readonly packets: number } };
  };
}

/** A load generator: `sessions` sessions, then (with a rate) UDP to the LAN sink at `ratePps` in total. */
export function startLoad(ctx: TunnelContext, sessions: number, size: number, ratePps: number | undefined) {
  const config: LoadChildConfig = {
    server: NET.serverUnderlay,
    user: BENCH_USER,
    password: BENCH_SECRET,
    sessions,
    concurrency: 32,
    firstCallId: 1,
    ...(ratePps !== undefined && {
      traffic: {
        target: NET.lanHost,
        port: FLOW_PORT,
        sizeBytes: size,
        rate: ratePps / sessions,
        durationSeconds: ctx.options.durationMs / 1000,
      },
    }),
  };
  return BenchChild.node(
    ctx.cleanup,
    {
      netns: ctx.lab.ns.client,
      cpu: ctx.options.cpus.load,
      label: `load ${sessions}×${size} B`,
      ...(ctx.options.loadProfileDir !== undefined && {
        nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${ctx.options.loadProfileDir}`],
      }),
    },
    'load-child.js',
    ['--config', JSON.stringify(config)],
  );
}

/** Sessions up, traffic phase at `pps`, then the sink's count; offered is what runLoad says it sent. */
export async function upstreamStep(
  ctx: TunnelContext,
  sessions: number,
  size: number,
  pps: number,
): Promise<Measured> {
  const before = await ctx.sink.count();
  const dropsBefore = await tunnelDrops(ctx.lab);
  const load = startLoad(ctx, sessions, size, pps);
  try {
    const cpu = new CpuSampler([ctx.appliance.pid, load.pid]);
    const held = await load.next<HeldEvent>(120_000 + ctx.options.durationMs);
    const cpuFigures = cpu.stop();
    const delivered = (await ctx.sink.count()) - before;
    const drops = dropDelta(dropsBefore, await tunnelDrops(ctx.lab));
    load.send('release');
    const { report } = await load.next<Report>(120_000);
    if (held.established === 0) throw new Error(`no session came up: ${JSON.stringify(report.errors)}`);
    const traffic = report.traffic;
    const durationMs = traffic?.durationMs ?? ctx.options.durationMs;
    const figures = flowFigures(size, durationMs, traffic?.sent.packets ?? 0, delivered);
    return { sessions: held.established, figures, cpu: cpuFigures, drops };
  } finally {
    await load.stop(10_000);
  }
}

/** The LAN host sends to the held sessions at `pps`; delivered is what came out of their tunnels. */
export async function downstreamStep(
  ctx: TunnelContext,
  load: BenchChild,
  held: HeldEvent,
  size: number,
  pps: number,
): Promise<Measured> {
  const before = await load.ask<TunnelCounts>('counts');
  const dropsBefore = await tunnelDrops(ctx.lab);
  const cpu = new CpuSampler([ctx.appliance.pid, load.pid]);
  const sent = await blast(ctx.cleanup, {
    netns: ctx.lab.ns.lan,
    cpu: ctx.options.cpus.load,
    to: held.addresses,
    packetBytes: size,
    durationMs: ctx.options.durationMs,
    pps,
  });
  const cpuFigures = cpu.stop();
  await sleep(500);
  const after = await load.ask<TunnelCounts>('counts');
  const drops = dropDelta(dropsBefore, await tunnelDrops(ctx.lab));
  const figures = flowFigures(
    size,
    sent.elapsedMs,
    sent.sent,
    after.packetsReceived - before.packetsReceived,
  );
  return { sessions: held.established, figures, cpu: cpuFigures, drops };
}
