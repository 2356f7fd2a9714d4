// At most N scripts at once over every session, the rest waiting in arrival order: accel-ppp's
// pppd_compat `fork-limit`, so a login storm of 10,000 sessions queues its ip-up scripts instead of
// forking 10,000 processes at once. Pure: a job is anything with start() and cancel().

export interface LimitedJob {
  /** Begins the work; the slot is freed when the promise settles (it should not reject). */
  start(): Promise<void>;
  /** The job was dropped before it started (the appliance is stopping). */
  cancel(): void;
}

export class ConcurrencyLimiter {
  private running = 0;
  private readonly queue: LimitedJob[] = [];
  private head = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a positive integer: ${limit}`);
  }

  /** Jobs started and not yet settled. */
  get active(): number {
    return this.running;
  }

  /** Jobs waiting for a slot. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Starts the job now if a slot is free, else when one frees up, in the order submitted. */
  submit(job: LimitedJob): void {
    if (this.running < this.limit) this.begin(job);
    else this.queue.push(job);
  }

  /** Settles once nothing runs and nothing waits. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every job that has not started; returns how many there were. */
  cancelWaiting(): number {
    const dropped = this.queue.slice(this.head);
    this.queue.length = 0;
    this.head = 0;
    for (const job of dropped) job.cancel();
    this.checkIdle();
    return dropped.length;
  }

  private begin(job: LimitedJob): void {
    this.running++;
    let settled: Promise<void>;
    try {
      settled = job.start();
    } catch (error) {
      settled = Promise.reject(error);
    }
    const done = () => {
      this.running--;
      this.next();
    };
    settled.then(done, done);
  }

  private next(): void {
    if (this.running < this.limit && this.head < this.queue.length) {
      const job = this.queue[this.head++]!;
      // Compacted now and then rather than shift()ed: a long queue drains in linear time.
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.begin(job);
      return;
    }
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.running !== 0 || this.waiting !== 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
