// Timing helpers for the throughput benchmark: run a body in batches until a time budget is spent,
// repeat, and keep the best run (least disturbed by GC and the other core's load).

export interface Measurement {
  /** Operations per second in the best run. */
  readonly opsPerSecond: number;
  /** Bytes per second in the best run, when each operation processes `bytesPerOp` bytes. */
  readonly bytesPerSecond: number;
}

export interface MeasureOptions {
  /** Time budget of one run, in milliseconds. */
  readonly runMs: number;
  /** Number of runs; the best is kept. */
  readonly runs: number;
}

/** Measures `body` (one operation of `bytesPerOp` bytes), after a warm-up so V8 has optimised it. */
export function measure(body: () => void, bytesPerOp: number, options: MeasureOptions): Measurement {
  // Warm-up: long enough for the optimising compiler to pick the body up.
  runFor(body, Math.min(200, options.runMs));
  let best = 0;
  for (let run = 0; run < options.runs; run++) best = Math.max(best, runFor(body, options.runMs));
  return { opsPerSecond: best, bytesPerSecond: best * bytesPerOp };
}

/** Operations per second over one run of about `ms` milliseconds. */
function runFor(body: () => void, ms: number): number {
  let batch = 1;
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) body();
    ops += batch;
    elapsed = performance.now() - start;
    // Grow batches so the clock is read rarely, but keep each batch well under the budget.
    if (elapsed < ms / 20) batch *= 2;
  }
  return ops / (elapsed / 1000);
}
