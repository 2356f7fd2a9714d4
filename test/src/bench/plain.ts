// The plain paths the tunnel is compared with, measured in the same run with the same tools and sizes:
// `veth`, UDP between two namespaces over one veth pair (the baseline the goals are stated against), and
// `routed`, UDP over the tunnel's own underlay (client → server namespace, kernel forwarding → LAN host
// and back), i.e. the same hops the tunnel crosses, without PPTP.
import type { Cleanup } from '../interop/cleanup.js';
import { type FlowFigures, UdpSink, measureFlow } from './flow.js';
import { type BenchLab, NET } from './lab.js';

export interface PlainRow extends FlowFigures {
  readonly path: 'veth' | 'routed';
  readonly direction: 'upstream' | 'downstream' | 'one-way';
}

export interface PlainOptions {
  readonly sizes: readonly number[];
  readonly durationMs: number;
  /** CPU of the sender and of the receiver (the two ends never share one). */
  readonly cpus: { readonly sender: string; readonly receiver: string };
}

export async function measurePlain(
  cleanup: Cleanup,
  lab: BenchLab,
  options: PlainOptions,
): Promise<PlainRow[]> {
  const rows: PlainRow[] = [];
  const { cpus } = options;
  const paths = [
    { path: 'veth', direction: 'one-way', from: lab.ns.plainA, into: lab.ns.plainB, to: NET.plainB },
    { path: 'routed', direction: 'upstream', from: lab.ns.client, into: lab.ns.lan, to: NET.lanHost },
    {
      path: 'routed',
      direction: 'downstream',
      from: lab.ns.lan,
      into: lab.ns.client,
      to: NET.clientUnderlay,
    },
  ] as const;
  for (const p of paths) {
    const sink = await UdpSink.start(cleanup, p.into, cpus.receiver, `sink in ${p.into}`);
    try {
      for (const packetBytes of options.sizes) {
        const figures = await measureFlow(cleanup, sink, {
          netns: p.from,
          cpu: cpus.sender,
          to: [p.to],
          packetBytes,
          durationMs: options.durationMs,
        });
        rows.push({ path: p.path, direction: p.direction, ...figures });
      }
    } finally {
      await sink.stop();
    }
  }
  return rows;
}
