// Session scale on a fresh appliance: its RSS with no session, then complete sessions (control
// connection, LCP, MS-CHAPv2, CCP/MPPE-128, IPCP) opened in steps up to the target and held idle. Each
// step is one load generator (C set-ups in flight), timed from its start to its last session up; the
// appliance's RSS and its host routes (one per session whose IPCP is up) are read once the step settles.
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from '../interop/cleanup.js';
import { run, sleep } from '../interop/exec.js';
import { ApplianceProcess, BENCH_SECRET, BENCH_USER } from './appliance.js';
import { BenchChild } from './child.js';
import { CpuSampler } from './cpu-sampler.js';
import { type BenchLab, NET } from './lab.js';
import type { HeldEvent, LoadChildConfig } from './load-child.js';

export interface SessionStep {
  /** Sessions the step asked for, and how many came up. */
  readonly requested: number;
  readonly established: number;
  /** Sessions up at the appliance after the step (its host routes), i.e. held concurrently. */
  readonly heldAtServer: number;
  readonly setupWallMs: number;
  readonly setupsPerSecond: number;
  readonly applianceCpuPercent: number;
  /** The appliance's CPU time over the step (start to last session up) per set-up: unlike the rates,
   *  barely moved by other work on the machine. */
  readonly applianceCpuMsPerSetup: number;
  /** The load generator's CPU in the same window: near 100% means it, not the appliance, is the limit. */
  readonly loadCpuPercent: number;
  readonly applianceRssBytes: number;
  readonly clientRssBytes: number;
}

export interface SessionFigures {
  readonly concurrency: number;
  readonly idleRssBytes: number;
  readonly steps: readonly SessionStep[];
  /** (RSS with N sessions − RSS with none) / N, per step. */
  readonly bytesPerSession: readonly { sessions: number; bytes: number }[];
  /** runLoad's own reports (set-up time percentiles, failures by cause, teardown rate). */
  readonly loadReports: readonly unknown[];
}

export interface SessionOptions {
  /** Cumulative session counts to reach, e.g. [1000, 10000]. */
  readonly targets: readonly number[];
  readonly concurrency: number;
  readonly dir: string;
  readonly cpus: { readonly appliance: string | undefined; readonly load: string | undefined };
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** Directory for the appliance's `--cpu-prof` output (the whole run: idle, set-ups, held). */
  readonly profileDir?: string | undefined;
  /**
   * Directory for heap snapshots of the appliance, one after each settle (none held, then each step);
   * compare two with heap-summary.js. Writing one stops the appliance for seconds: the step's figures
   * are read before it.
   */
  readonly heapSnapshotDir?: string | undefined;
  /** More node options for the appliance (e.g. --trace-gc, to tell live heap from garbage in the RSS). */
  readonly nodeArgs?: readonly string[];
}

/** Let timers, GC and the kernel settle before memory is read. */
const SETTLE_MS = 3000;

function rssBytes(pid: number): number {
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? 0) * 1024;
}

/** SIGUSR2 (node --heapsnapshot-signal) and waits until the snapshot file is complete. */
async function heapSnapshot(pid: number, dir: string, name: string): Promise<void> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    await sleep(500);
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    // V8 writes the JSON in order; its last section, "strings", ends the document with "]}".
    if (file !== undefined && readFileSync(join(dir, file), 'utf8').trimEnd().endsWith(']}')) {
      renameSync(join(dir, file), join(dir, `${name}.heapsnapshot`));
      return;
    }
  }
  throw new Error(`no heap snapshot from ${pid} within 5 minutes`);
}

async function routesOn(netns: string, dev: string): Promise<number> {
  const out = await run('ip', ['-n', netns, '-4', 'route', 'show', 'dev', dev], { allowFail: true });
  return out.stdout.split('\n').filter((line) => line.includes('scope link') || /^\d/.test(line)).length;
}

function startStep(
  cleanup: Cleanup,
  lab: BenchLab,
  options: SessionOptions,
  sessions: number,
  firstCallId: number,
) {
  const config: LoadChildConfig = {
    server: NET.serverUnderlay,
    user: BENCH_USER,
    password: BENCH_SECRET,
    sessions,
    concurrency: options.concurrency,
    firstCallId,
  };
  // With --profile the load generator is profiled too (DIR/load): it may be the limit, not the appliance.
  const profile =
    options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}/load`];
  return BenchChild.node(
    cleanup,
    {
      netns: lab.ns.client,
      cpu: options.cpus.load,
      label: `load ${sessions} idle sessions`,
      nodeArgs: profile,
    },
    'load-child.js',
    ['--config', JSON.stringify(config)],
  );
}

function snapshotArgs(dir: string | undefined): string[] {
  if (dir === undefined) return [];
  mkdirSync(dir, { recursive: true });
  return ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`];
}

export async function measureSessions(
  cleanup: Cleanup,
  lab: BenchLab,
  options: SessionOptions,
): Promise<SessionFigures> {
  const capacity = Math.max(...options.targets);
  const appliance = await ApplianceProcess.start(cleanup, {
    netns: lab.ns.server,
    dir: options.dir,
    capacity,
    cpu: options.cpus.appliance,
    logLevel: options.logLevel,
    profileDir: options.profileDir,
    nodeArgs: [...snapshotArgs(options.heapSnapshotDir), ...(options.nodeArgs ?? [])],
  });
  const snapshot = async (name: string) => {
    if (options.heapSnapshotDir !== undefined)
      await heapSnapshot(appliance.pid, options.heapSnapshotDir, name);
  };
  const loads: BenchChild[] = [];
  try {
    await sleep(SETTLE_MS);
    const idleRssBytes = appliance.rssBytes();
    await snapshot('sessions-0');
    const steps: SessionStep[] = [];
    let held = 0;
    for (const target of options.targets) {
      const requested = target - held;
      if (requested <= 0) continue;
      const load = startStep(cleanup, lab, options, requested, held + 1);
      loads.push(load);
      const cpu = new CpuSampler([appliance.pid, load.pid]);
      const cpuMsBefore = appliance.cpuMs();
      const event = await load.next<HeldEvent>(30 * 60_000);
      const applianceCpuMs = appliance.cpuMs() - cpuMsBefore;
      const [applianceCpuPercent = 0, loadCpuPercent = 0] = cpu.stop().processPercent;
      await sleep(SETTLE_MS);
      held += event.established;
      steps.push({
        requested,
        established: event.established,
        heldAtServer: await routesOn(lab.ns.server, 'sy-bench0'),
        setupWallMs: event.elapsedMs,
        setupsPerSecond: Math.round((event.established * 1000) / Math.max(event.elapsedMs, 1)),
        applianceCpuPercent,
        applianceCpuMsPerSetup: Math.round((100 * applianceCpuMs) / Math.max(1, event.established)) / 100,
        loadCpuPercent,
        applianceRssBytes: appliance.rssBytes(),
        clientRssBytes: loads.reduce((sum, l) => sum + rssBytes(l.pid), 0),
      });
      await snapshot(`sessions-${held}`);
    }
    for (const load of loads) load.send('release');
    const loadReports: unknown[] = [];
    for (const load of loads) {
      loadReports.push((await load.next<{ report: unknown }>(30 * 60_000)).report);
      await load.ended(10_000); // it exits by itself; a SIGTERM now would cut its --cpu-prof short
    }
    return {
      concurrency: options.concurrency,
      idleRssBytes,
      steps,
      bytesPerSession: steps.map((s) => ({
        sessions: s.heldAtServer,
        bytes: Math.round((s.applianceRssBytes - idleRssBytes) / Math.max(1, s.heldAtServer)),
      })),
      loadReports,
    };
  } finally {
    for (const load of loads) await load.stop(30_000);
    await appliance.stop();
  }
}
