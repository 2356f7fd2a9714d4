// CPU use during a measurement, sampled every 100 ms from /proc: the processes' own time
// (/proc/PID/stat) and each CPU's busy share (/proc/stat, softirq work included, which this kernel
// charges to no process). Figures are taken over the busiest one-second window of the first process,
// i.e. the steady state of a flow, not its set-up or drain.
import { readFileSync } from 'node:fs';
import { processCpuMs } from './appliance.js';

interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

function readCpuTimes(): Map<string, CpuTimes> {
  const times = new Map<string, CpuTimes>();
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (match === null) continue;
    const fields = (match[2] as string).split(' ').map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are the not-busy part.
    const total = fields.slice(0, 8).reduce((sum, v) => sum + v, 0);
    times.set(match[1] as string, { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total });
  }
  return times;
}

interface Sample {
  readonly atMs: number;
  /** CPU time of each watched process, ms. */
  readonly processMs: readonly number[];
  readonly cpus: Map<string, CpuTimes>;
}

export interface CpuFigures {
  /** Per watched process (in the order given), percent of one core. */
  readonly processPercent: readonly number[];
  /** Per CPU (`cpu0`, `cpu1`…), percent busy. */
  readonly cpuBusyPercent: Readonly<Record<string, number>>;
}

export class CpuSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: readonly number[]) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref(); // a measurement that throws must not keep the benchmark alive
  }

  /** Stops sampling and returns the figures of the window where the first process was busiest. */
  stop(windowMs = 1000): CpuFigures {
    clearInterval(this.timer);
    this.sample();
    let best: { from: Sample; to: Sample; percent: number } | undefined;
    for (let i = 0, j = 0; i < this.samples.length; i++) {
      const to = this.samples[i] as Sample;
      while (j + 1 < i && to.atMs - (this.samples[j + 1] as Sample).atMs >= windowMs) j++;
      const from = this.samples[j] as Sample;
      if (to.atMs - from.atMs < windowMs * 0.9) continue;
      const percent = percentOf(from, to, 0);
      if (best === undefined || percent > best.percent) best = { from, to, percent };
    }
    if (best === undefined) return { processPercent: this.pids.map(() => 0), cpuBusyPercent: {} };
    const { from, to } = best;
    const cpuBusyPercent: Record<string, number> = {};
    for (const [cpu, t] of to.cpus) {
      const s = from.cpus.get(cpu);
      if (s !== undefined && t.total > s.total) {
        cpuBusyPercent[cpu] = Math.round((100 * (t.busy - s.busy)) / (t.total - s.total));
      }
    }
    return { processPercent: this.pids.map((_, k) => Math.round(percentOf(from, to, k))), cpuBusyPercent };
  }

  private sample(): void {
    this.samples.push({
      atMs: performance.now(),
      processMs: this.pids.map(processCpuMs),
      cpus: readCpuTimes(),
    });
  }
}

function percentOf(from: Sample, to: Sample, k: number): number {
  return (((to.processMs[k] ?? 0) - (from.processMs[k] ?? 0)) * 100) / (to.atMs - from.atMs);
}
