// The appliance under test: `node apps/appliance/dist/main.js --native-config FILE` run in the server
// namespace (pinned to one CPU), with a chap-secrets whose one wildcard line lets every load client in,
// a pool of whole /24s, and `connections` raised to the pool size. Its RSS and CPU time come from /proc.
import { embeddedConfig } from '@switchyard/appliance';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../interop/cleanup.js';
import { runIn, waitFor } from '../interop/exec.js';
import { BenchChild } from './child.js';
import { NET, poolSpec } from './lab.js';

export const BENCH_USER = 'bench';
export const BENCH_SECRET = 'bench-secret-123';
const MAIN = fileURLToPath(new URL('../../../apps/appliance/dist/main.js', import.meta.url));

export interface ApplianceOptions {
  readonly netns: string;
  readonly dir: string;
  /** Sessions the pool and `connections` must allow. */
  readonly capacity: number;
  readonly cpu?: string | undefined;
  /** Directory for `node --cpu-prof` output; undefined: no profile. */
  readonly profileDir?: string | undefined;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** More node options (e.g. --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=DIR when investigating memory). */
  readonly nodeArgs?: readonly string[];
}

/**
 * The embedded default (what `switchyard-pptpd` runs with out of the box: MS-CHAPv2, MPPE-128 required,
 * every auth plugin loaded, no proxy ARP) with the bench's addresses, pool size, secrets and log level.
 */
export function applianceConfig(options: ApplianceOptions, secretsPath: string) {
  return {
    ...embeddedConfig,
    core: { log: { level: options.logLevel, format: 'text' } },
    'pptp-control': {
      listen: NET.serverUnderlay,
      port: 1723,
      connections: Math.min(65535, options.capacity),
      stimeout: 30,
    },
    ppp: { name: 'bench' },
    'ip-pool': { localip: NET.tunnelLocal, remoteip: poolSpec(options.capacity) },
    'secrets-file': { path: secretsPath },
    tun: { name: 'sy-bench0', localAddress: NET.tunnelLocal },
  };
}

export class ApplianceProcess {
  private constructor(
    private readonly child: BenchChild,
    readonly logPath: string,
  ) {}

  /** Writes the files, starts the appliance and waits until TCP 1723 listens in its namespace. */
  static async start(cleanup: Cleanup, options: ApplianceOptions): Promise<ApplianceProcess> {
    mkdirSync(options.dir, { recursive: true });
    const secretsPath = join(options.dir, 'chap-secrets');
    // Wildcard server and address columns: any `name`, any pool address (pppd's matching rules).
    writeFileSync(secretsPath, `# client server secret addresses\n${BENCH_USER} * "${BENCH_SECRET}" *\n`);
    const configPath = join(options.dir, 'appliance.json');
    writeFileSync(configPath, JSON.stringify(applianceConfig(options, secretsPath), null, 2));
    const logPath = join(options.dir, 'appliance.log');
    const nodeArgs = [
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      ...(options.nodeArgs ?? []),
    ];
    // The appliance logs to stderr (node diagnostics go to stdout): a shell redirect keeps both off the
    // benchmark's pipes (and CPU).
    const child = BenchChild.start(cleanup, { netns: options.netns, cpu: options.cpu, label: 'appliance' }, [
      'sh',
      '-c',
      `exec "$0" "$@" >>${logPath} 2>&1`,
      process.execPath,
      ...nodeArgs,
      MAIN,
      '--native-config',
      configPath,
    ]);
    const appliance = new ApplianceProcess(child, logPath);
    await waitFor(
      'the appliance to listen on TCP 1723',
      async () => {
        if (child.exited) throw new Error(`appliance ${await child.ended()}:\n${appliance.logTail()}`);
        const out = await runIn(options.netns, 'ss', ['-Hltn', 'sport = :1723'], { allowFail: true });
        return out.stdout.trim() !== '' ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    return appliance;
  }

  get pid(): number {
    return this.child.pid;
  }

  /** VmRSS in bytes (/proc/PID/status). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kib === undefined) throw new Error('no VmRSS in /proc status');
    return Number(kib) * 1024;
  }

  /** User + system CPU time so far, in milliseconds (/proc/PID/stat, clock ticks of 10 ms). */
  cpuMs(): number {
    return processCpuMs(this.pid);
  }

  logTail(chars = 4000): string {
    try {
      return readFileSync(this.logPath, 'utf8').slice(-chars);
    } catch {
      return '';
    }
  }

  /** SIGTERM (sessions closed, profile written), SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    await this.child.stop(graceMs);
  }
}

/** utime + stime of a process in milliseconds; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields after the name: state is [0], utime [11], stime [12] (proc(5) numbers 14 and 15).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
