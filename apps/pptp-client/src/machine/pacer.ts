// Paces one session's generated packets: how many are due at a given time for a rate in packets per
// second, or a fixed burst per turn for `max`. Catch-up after a stall is capped, so a busy event loop
// lowers the achieved rate (which the report shows) instead of releasing a flood.

export type Rate = number | 'max';

export class Pacer {
  private sentSoFar = 0;

  /**
   * @param rate packets per second, or 'max' (a burst every turn of the sender loop)
   * @param startMs when the first packet is due (the clock's scale)
   * @param burst most packets released at one turn
   */
  constructor(
    private readonly rate: Rate,
    private readonly startMs: number,
    private readonly burst: number,
  ) {
    if (rate !== 'max' && !(rate > 0)) throw new RangeError(`rate ${rate} must be positive`);
    if (!(burst >= 1)) throw new RangeError(`burst ${burst} must be at least 1`);
  }

  /** Packets to send now. */
  due(nowMs: number): number {
    if (this.rate === 'max') return this.burst;
    if (nowMs < this.startMs) return 0;
    const elapsed = nowMs - this.startMs;
    // +1: the first packet goes out at startMs, not one interval later.
    const owed = Math.floor((elapsed * this.rate) / 1000) + 1 - this.sentSoFar;
    if (owed <= 0) return 0;
    if (owed > this.burst) {
      // Forget what cannot be caught up within one burst: the schedule restarts from here.
      this.sentSoFar += owed - this.burst;
      return this.burst;
    }
    return owed;
  }

  /** Records packets handed to the session (sent or refused: either way their slot is used). */
  record(count: number): void {
    this.sentSoFar += count;
  }

  /** Milliseconds until the next packet is due (0 when one is due now or the rate is max). */
  waitMs(nowMs: number): number {
    if (this.rate === 'max') return 0;
    const nextAt = this.startMs + (this.sentSoFar * 1000) / this.rate;
    return Math.max(0, nextAt - nowMs);
  }
}
