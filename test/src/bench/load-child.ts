// The load generator process (run in the client namespace by BenchChild): runLoad() from
// @switchyard/pptp-client with the options given as JSON, speaking JSON lines:
//   → {event:'held', …}   every session is up (and the traffic phase, if any, is over); then stdin:
//        `counts`  → {event:'counts', …}  IP packets through the tunnels so far, summed over sessions
//        `release` → the sessions are closed
//   → {event:'report', report}  runLoad's report without its per-session records
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { runLoad, type LoadOptions, type LoadReport, type PptpClientSession } from '@switchyard/pptp-client';

export interface LoadChildConfig {
  readonly server: string;
  readonly user: string;
  readonly password: string;
  readonly sessions: number;
  readonly concurrency: number;
  readonly firstCallId: number;
  readonly traffic?: LoadOptions['traffic'];
}

export interface HeldEvent {
  readonly event: 'held';
  readonly established: number;
  /** Set-ups that failed (runLoad's report, after `release`, says why). */
  readonly failed: number;
  /** From runLoad's start to every session up (and the traffic phase over, if any), ms. */
  readonly elapsedMs: number;
  readonly addresses: readonly string[];
  readonly counts: TunnelCounts;
}

export interface TunnelCounts {
  readonly packetsSent: number;
  readonly packetsReceived: number;
  readonly bytesReceived: number;
  /** performance.now() of this process when the counters were read. */
  readonly atMs: number;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function counts(sessions: readonly PptpClientSession[]): TunnelCounts {
  let packetsSent = 0;
  let packetsReceived = 0;
  let bytesReceived = 0;
  for (const session of sessions) {
    const { ip } = session.counters();
    packetsSent += ip.packetsSent;
    packetsReceived += ip.packetsReceived;
    bytesReceived += ip.bytesReceived;
  }
  return { packetsSent, packetsReceived, bytesReceived, atMs: performance.now() };
}

/** Answers `counts` until `release` (or stdin closing). */
function serveCommands(sessions: readonly PptpClientSession[]): Promise<void> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line === 'counts') print({ event: 'counts', ...counts(sessions) });
      if (line === 'release') {
        lines.close();
        resolve();
      }
    });
    lines.once('close', resolve);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', default: '{}' } } });
  const config = JSON.parse(values.config) as LoadChildConfig;
  const started = performance.now();
  let failed = 0;
  const report: LoadReport = await runLoad({
    server: config.server,
    user: config.user,
    password: config.password,
    sessions: config.sessions,
    concurrency: config.concurrency,
    firstCallId: config.firstCallId,
    ...(config.traffic !== undefined && { traffic: config.traffic }),
    onProgress: (progress) => (failed = progress.failed),
    whileHeld: async (sessions) => {
      const held: HeldEvent = {
        event: 'held',
        established: sessions.length,
        failed,
        elapsedMs: Math.round(performance.now() - started),
        addresses: sessions.map((s) => s.localAddress),
        counts: counts(sessions),
      };
      print(held);
      await serveCommands(sessions);
    },
  });
  const { perSession: _perSession, ...summary } = report;
  print({ event: 'report', report: summary });
  // The GRE socket and timers are closed by runLoad; stdin may still hold the process open.
  process.exit(0);
}

// The bench stops this process with SIGTERM right after the report; exiting through process.exit lets
// `node --cpu-prof` (bench --profile) write its profile, which the default signal death would not.
process.once('SIGTERM', () => process.exit(143));
await main();
