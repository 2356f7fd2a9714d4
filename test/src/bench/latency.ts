// Added latency: ping-style UDP round trips (one probe in flight) from the client namespace to an echo
// on the LAN host, first directly (the underlay: client → server namespace, kernel forwarding → LAN),
// then through the tunnel, with the real client (`switchyard-pptp`, TUN device, `--route` for the LAN
// host) and the same hops underneath. Added = tunnel percentile − direct percentile.
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../interop/cleanup.js';
import { waitFor } from '../interop/exec.js';
import { BENCH_SECRET, BENCH_USER } from './appliance.js';
import { BenchChild } from './child.js';
import { round2 } from './flow.js';
import { type BenchLab, NET } from './lab.js';

const ECHO_PORT = 7007;
const CLIENT_MAIN = fileURLToPath(new URL('../../../apps/pptp-client/dist/main.js', import.meta.url));

export interface RoundTrips {
  readonly path: 'direct' | 'tunnel';
  readonly samples: number;
  readonly lost: number;
  readonly minUs: number;
  readonly p50Us: number;
  readonly p90Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
  readonly meanUs: number;
}

export interface LatencyFigures {
  readonly packetBytes: number;
  /** Round trips sent before the measured ones, on each path (not counted). */
  readonly warmupProbes: number;
  readonly direct: RoundTrips;
  readonly tunnel: RoundTrips | undefined;
  readonly addedP50Us: number | undefined;
  readonly addedP99Us: number | undefined;
  readonly error?: string;
}

export interface LatencyOptions {
  readonly count: number;
  readonly packetBytes: number;
  /** CPU for the probe, the echo and the client (the appliance has its own). */
  readonly cpu: string | undefined;
}

/**
 * Probes sent and not counted, on both paths. The tunnel client is a fresh process: V8 runs its data
 * path unoptimised for its first thousand or so packets (interpreted, then compiled on threads that share
 * the probe's CPU), and 100 warm-up probes left that in the figures: p50 about 280 µs over the first
 * 2,000 round trips against 190–210 µs after them, and a p99 two to three times higher. Steady state is
 * what "added latency" means; a session's first second is not.
 */
export const LATENCY_WARMUP_PROBES = 2000;

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] as number;
}

function roundTrips(path: RoundTrips['path'], sorted: readonly number[], lost: number): RoundTrips {
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    path,
    samples: sorted.length,
    lost,
    minUs: sorted[0] ?? 0,
    p50Us: nearestRank(sorted, 50),
    p90Us: nearestRank(sorted, 90),
    p99Us: nearestRank(sorted, 99),
    maxUs: sorted.at(-1) ?? 0,
    meanUs: round2(mean),
  };
}

async function ping(cleanup: Cleanup, lab: BenchLab, options: LatencyOptions, path: RoundTrips['path']) {
  const child = BenchChild.node(
    cleanup,
    { netns: lab.ns.client, cpu: options.cpu, label: `ping ${path}` },
    'udp-echo.js',
    [
      ...['--role', 'ping', '--to', NET.lanHost, '--port', String(ECHO_PORT)],
      ...['--count', String(options.count), '--size', String(options.packetBytes)],
      ...['--warmup', String(LATENCY_WARMUP_PROBES)],
    ],
  );
  const result = await child.next<{ samplesUs: number[]; lost: number }>(options.count * 1000 + 60_000);
  await child.ended();
  return roundTrips(path, result.samplesUs, result.lost);
}

/** Starts the real client with a route to the LAN host through its TUN device; resolves once it is up. */
async function startTunnelClient(
  cleanup: Cleanup,
  lab: BenchLab,
  cpu: string | undefined,
): Promise<BenchChild> {
  const client = BenchChild.start(cleanup, { netns: lab.ns.client, cpu, label: 'switchyard-pptp' }, [
    process.execPath,
    CLIENT_MAIN,
    ...['--server', NET.serverUnderlay, '--user', BENCH_USER, '--password', BENCH_SECRET],
    ...['--route', `${NET.lanHost}/32`, '--ifname', 'bench%d', '--no-peerdns'],
  ]);
  await waitFor(
    'the tunnel client to come up',
    async () => {
      if (client.exited) throw new Error(`switchyard-pptp ${await client.ended()}: ${client.stderrTail}`);
      return /tunnel up:/.test(client.stderrTail) ? true : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 50 },
  );
  return client;
}

/** Direct first (before the tunnel's route to the LAN host exists), then through the tunnel. */
export async function measureLatency(
  cleanup: Cleanup,
  lab: BenchLab,
  options: LatencyOptions,
): Promise<LatencyFigures> {
  const echo = BenchChild.node(
    cleanup,
    { netns: lab.ns.lan, cpu: options.cpu, label: 'udp echo' },
    'udp-echo.js',
    [...['--role', 'echo', '--port', String(ECHO_PORT)]],
  );
  await echo.next();
  try {
    const direct = await ping(cleanup, lab, options, 'direct');
    let tunnel: RoundTrips | undefined;
    let error: string | undefined;
    try {
      const client = await startTunnelClient(cleanup, lab, options.cpu);
      try {
        tunnel = await ping(cleanup, lab, options, 'tunnel');
      } finally {
        await client.stop(10_000);
      }
    } catch (failure) {
      error = String(failure);
    }
    return {
      packetBytes: options.packetBytes,
      warmupProbes: LATENCY_WARMUP_PROBES,
      direct,
      tunnel,
      addedP50Us: tunnel && round2(tunnel.p50Us - direct.p50Us),
      addedP99Us: tunnel && round2(tunnel.p99Us - direct.p99Us),
      ...(error !== undefined && { error }),
    };
  } finally {
    await echo.stop(2000);
  }
}
