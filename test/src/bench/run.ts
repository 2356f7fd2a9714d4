// `npm run bench`: the benchmark suite. Builds its own namespaces (client, server, LAN, two plain
// hosts), runs the appliance there, measures the data path beside plain UDP in the same run, round-trip
// latency, session set-up rate and memory, collects the packages' micro-benchmarks, prints tables and
// writes one JSON document. Never pass/fail: the exit status only says whether the run itself worked.
// Everything it creates is removed at the end, on an error and on Ctrl-C (Cleanup's signal hooks).
// Usage: node test/dist/bench/run.js [--out FILE] [--only plain,tunnel,latency,sessions,micro] […]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Cleanup } from '../interop/cleanup.js';
import { run } from '../interop/exec.js';
import { sweepStale } from '../interop/netns.js';
import { ApplianceProcess } from './appliance.js';
import { type BenchLab, buildLab } from './lab.js';
import { measureLatency } from './latency.js';
import { runMicroBenchmarks } from './micro.js';
import { measurePlain } from './plain.js';
import { readProfile, renderProfile, summariseProfile } from './profile-summary.js';
import { type Results, UNITS, goals, ratios, renderResults } from './report.js';
import { measureSessions } from './sessions.js';
import { measureTunnel } from './tunnel.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECTIONS = ['plain', 'tunnel', 'latency', 'sessions', 'micro'] as const;

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(ROOT, 'test/bench/results.json') },
    only: { type: 'string', default: SECTIONS.join(',') },
    'duration-ms': { type: 'string', default: '3000' },
    sizes: { type: 'string', default: '1400,64' },
    'data-sessions': { type: 'string', default: '1,100' },
    sessions: { type: 'string', default: '1000,10000' },
    concurrency: { type: 'string', default: '64' },
    'latency-count': { type: 'string', default: '2000' },
    'appliance-cpu': { type: 'string', default: '1' },
    'load-cpu': { type: 'string', default: '0' },
    'log-level': { type: 'string', default: 'info' },
    profile: { type: 'string' },
    'heap-snapshots': { type: 'string' },
    'appliance-node-args': { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});

const numbers = (text: string) => text.split(',').filter(Boolean).map(Number);
const only = new Set(args.only.split(','));
const twoCpus = cpus().length >= 2;
// With one CPU there is nothing to pin apart; say so in the report instead of failing.
const pinning = {
  appliance: twoCpus ? args['appliance-cpu'] : undefined,
  load: twoCpus ? args['load-cpu'] : undefined,
};
const logLevel = args['log-level'] as 'error' | 'warn' | 'info' | 'debug';
const durationMs = Number(args['duration-ms']);
const sizes = numbers(args.sizes);

async function section(results: Results, name: string, body: () => Promise<void>): Promise<void> {
  if (!only.has(name)) return;
  const started = Date.now();
  process.stderr.write(`[bench] ${name}…\n`);
  try {
    await body();
  } catch (error) {
    results.errors.push({ section: name, error: error instanceof Error ? error.message : String(error) });
  }
  process.stderr.write(`[bench] ${name} done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

/** The appliance for the data path and latency; profiled with --profile (written when it stops). */
async function dataPathSections(
  cleanup: Cleanup,
  lab: BenchLab,
  dir: string,
  results: Results,
): Promise<void> {
  if (!only.has('tunnel') && !only.has('latency')) return;
  const profileDir = args.profile === undefined ? undefined : resolve(args.profile);
  const appliance = await ApplianceProcess.start(cleanup, {
    netns: lab.ns.server,
    dir: join(dir, 'appliance-data'),
    capacity: Math.max(254, ...numbers(args['data-sessions'])),
    cpu: pinning.appliance,
    profileDir,
    logLevel,
  });
  try {
    await section(results, 'tunnel', async () => {
      const tunnel = await measureTunnel(cleanup, lab, appliance, {
        sizes,
        sessionCounts: numbers(args['data-sessions']),
        durationMs,
        cpus: pinning,
        loadProfileDir: profileDir && join(profileDir, 'load'),
      });
      const plain = results.dataPath?.plain ?? [];
      results.dataPath = { plain, tunnel, ratios: ratios({ plain, tunnel }) };
    });
    await section(results, 'latency', async () => {
      const count = Number(args['latency-count']);
      results.latency = await measureLatency(cleanup, lab, { count, packetBytes: 64, cpu: pinning.load });
      // The same probes with the appliance moved onto the load core: no round trip then wakes the other
      // vCPU, whose wake-up this VM pays in the tail (see the README), so the two runs together tell the
      // appliance's own share from the placement's.
      if (pinning.appliance === undefined || pinning.load === undefined) return;
      if (pinning.appliance === pinning.load) return;
      await pinAllThreads(appliance.pid, pinning.load);
      try {
        results.latencySharedCore = await measureLatency(cleanup, lab, {
          count,
          packetBytes: 64,
          cpu: pinning.load,
        });
      } finally {
        await pinAllThreads(appliance.pid, pinning.appliance);
      }
    });
  } finally {
    await appliance.stop();
  }
  if (profileDir !== undefined) reportProfile(results, profileDir, 'profile');
}

/** Moves every thread of a running process to `cpu` (taskset -a: V8's helper threads too). */
async function pinAllThreads(pid: number, cpu: string): Promise<void> {
  await run('taskset', ['-a', '-p', '-c', cpu, String(pid)]);
}

/** Summarises the newest .cpuprofile in `dir` into results[key] and prints it. */
function reportProfile(results: Results, dir: string, key: 'profile' | 'sessionsProfile'): void {
  const file = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort()
        .at(-1)
    : undefined;
  if (file === undefined) return;
  results[key] = summariseProfile(readProfile(join(dir, file)));
  process.stderr.write(`${renderProfile(results[key])}\n(profile: ${join(dir, file)})\n`);
}

async function runSuite(cleanup: Cleanup, dir: string): Promise<Results> {
  const results: Results = { errors: [] };
  const lab = await buildLab(cleanup);
  await section(results, 'plain', async () => {
    const plain = await measurePlain(cleanup, lab, {
      sizes,
      durationMs,
      cpus: { sender: pinning.load ?? '0', receiver: pinning.appliance ?? '0' },
    });
    results.dataPath = { plain, tunnel: [], ratios: [] };
  });
  await dataPathSections(cleanup, lab, dir, results);
  await section(results, 'sessions', async () => {
    results.sessions = await measureSessions(cleanup, lab, {
      targets: numbers(args.sessions),
      concurrency: Number(args.concurrency),
      dir: join(dir, 'appliance-sessions'),
      cpus: pinning,
      logLevel,
      ...(args.profile !== undefined && { profileDir: resolve(args.profile, 'sessions') }),
      ...(args['heap-snapshots'] !== undefined && { heapSnapshotDir: resolve(args['heap-snapshots']) }),
      nodeArgs: args['appliance-node-args'].split(' ').filter(Boolean),
    });
    if (args.profile !== undefined)
      reportProfile(results, resolve(args.profile, 'sessions'), 'sessionsProfile');
  });
  await section(results, 'micro', async () => {
    results.micro = await runMicroBenchmarks(cleanup, dir);
  });
  results.goals = goals(results);
  return results;
}

async function main(): Promise<number> {
  if (args.help) {
    process.stdout.write(`usage: node test/dist/bench/run.js [--out FILE] [--only ${SECTIONS.join(',')}]
  [--duration-ms N] [--sizes 1400,64] [--data-sessions 1,100] [--sessions 1000,10000] [--concurrency N]
  [--latency-count N] [--appliance-cpu N] [--load-cpu N] [--log-level info] [--profile DIR]
  [--heap-snapshots DIR] [--appliance-node-args='--trace-gc …' (sessions step only)]\n`);
    return 0;
  }
  if (process.getuid?.() !== 0) {
    process.stderr.write('the benchmarks need root (network namespaces, TUN, raw sockets)\n');
    return 1;
  }
  await sweepStale(); // namespaces of an earlier run that was killed outright
  const started = new Date();
  const cleanup = new Cleanup();
  const dir = mkdtempSync(join(tmpdir(), `switchyard-bench-${process.pid}-`));
  cleanup.defer(`run directory ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  let results: Results;
  try {
    results = await runSuite(cleanup, dir);
  } finally {
    const failures = await cleanup.run();
    for (const failure of failures) process.stderr.write(`[bench] cleanup: ${failure}\n`);
  }
  const document = {
    benchmark: 'switchyard',
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    host: {
      node: process.version,
      kernel: release(),
      cpu: cpus()[0]?.model,
      cpus: cpus().length,
      memoryBytes: totalmem(),
    },
    settings: { ...args, pinning, mppe: '128-bit stateless (pppd require-mppe-128)' },
    units: UNITS,
    ...results,
  };
  mkdirSync(dirname(resolve(args.out)), { recursive: true });
  writeFileSync(resolve(args.out), `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`${renderResults(results)}\n\nJSON: ${resolve(args.out)}\n`);
  return results.errors.length === 0 ? 0 : 1;
}

process.exitCode = await main();
