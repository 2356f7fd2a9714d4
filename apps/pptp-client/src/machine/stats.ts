// Summaries for the load report: count, extremes, mean and nearest-rank percentiles of a set of timings.

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Nearest-rank percentile of sorted values (the smallest value with at least p% at or below it). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** All zeros for no values, so a report's shape never depends on what happened. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: round(sorted[0] as number),
    mean: round(total / sorted.length),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] as number),
  };
}

/** Events per second over `ms`, rounded to 0.01; 0 for an empty interval. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 100_000) / ms) / 100 : 0;
}
