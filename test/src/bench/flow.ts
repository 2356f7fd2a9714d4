// One fixed-duration UDP flow measured at both ends: a blaster offers packets as fast as the kernel
// takes them, a sink counts what arrives; offered minus delivered is the loss. Figures carry units.
import type { Cleanup } from '../interop/cleanup.js';
import { sleep } from '../interop/exec.js';
import { BenchChild } from './child.js';

export const FLOW_PORT = 9000;
/** Time for packets still queued in buffers to arrive before the sink is read. */
const DRAIN_MS = 500;

export interface FlowFigures {
  /** IP packet size, bytes (IP header included). */
  readonly packetBytes: number;
  readonly durationMs: number;
  readonly offeredPackets: number;
  readonly deliveredPackets: number;
  readonly offeredPps: number;
  readonly deliveredPps: number;
  /** Delivered IP bytes × 8 / duration, Mbit/s (10^6). */
  readonly deliveredMbps: number;
  /** (offered − delivered) / offered, percent. */
  readonly lossPercent: number;
}

export function flowFigures(
  packetBytes: number,
  durationMs: number,
  offered: number,
  delivered: number,
): FlowFigures {
  const seconds = durationMs / 1000;
  return {
    packetBytes,
    durationMs: Math.round(durationMs),
    offeredPackets: offered,
    deliveredPackets: delivered,
    offeredPps: Math.round(offered / seconds),
    deliveredPps: Math.round(delivered / seconds),
    deliveredMbps: round2((delivered * packetBytes * 8) / seconds / 1e6),
    lossPercent: offered === 0 ? 0 : round2((100 * Math.max(0, offered - delivered)) / offered),
  };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface Mark {
  readonly packets: number;
}

interface BlastResult {
  readonly sent: number;
  readonly elapsedMs: number;
}

/** A running sink (udp-flood sink) whose counter is read before and after a flow. */
export class UdpSink {
  private constructor(private readonly child: BenchChild) {}

  static async start(
    cleanup: Cleanup,
    netns: string,
    cpu: string | undefined,
    label: string,
  ): Promise<UdpSink> {
    const child = BenchChild.node(cleanup, { netns, cpu, label }, 'udp-flood.js', [
      '--role',
      'sink',
      '--port',
      String(FLOW_PORT),
    ]);
    await child.next();
    return new UdpSink(child);
  }

  async count(): Promise<number> {
    return (await this.child.ask<Mark>('mark')).packets;
  }

  async stop(): Promise<void> {
    await this.child.stop(2000);
  }
}

export interface BlastOptions {
  readonly netns: string;
  readonly cpu?: string | undefined;
  readonly to: readonly string[];
  readonly packetBytes: number;
  readonly durationMs: number;
  /** Paced sending, packets/s (in batches of 16); undefined: as fast as the kernel takes them. */
  readonly pps?: number;
}

/** Runs one blaster to completion: packets the kernel accepted and the time taken. */
export async function blast(cleanup: Cleanup, options: BlastOptions): Promise<BlastResult> {
  const child = BenchChild.node(
    cleanup,
    { netns: options.netns, cpu: options.cpu, label: 'udp blaster' },
    'udp-flood.js',
    [
      ...['--role', 'blast', '--port', String(FLOW_PORT), '--to', options.to.join(',')],
      ...['--size', String(options.packetBytes), '--ms', String(options.durationMs)],
      ...(options.pps === undefined ? [] : ['--pps', String(options.pps), '--batch', '16']),
    ],
  );
  const result = await child.next<BlastResult>(options.durationMs + 30_000);
  await child.ended();
  return result;
}

/** A blaster into a sink: offered is what the blaster's kernel accepted, delivered what the sink counted. */
export async function measureFlow(
  cleanup: Cleanup,
  sink: UdpSink,
  options: BlastOptions,
): Promise<FlowFigures> {
  const before = await sink.count();
  const sent = await blast(cleanup, options);
  await sleep(DRAIN_MS);
  const delivered = (await sink.count()) - before;
  return flowFigures(options.packetBytes, sent.elapsedMs, sent.sent, delivered);
}
