// Time as a dependency: protocol machines ask the injected Clock for "now" and for timers, so tests
// drive Restart, echo and stimeout timers with ManualClock.advance() instead of waiting.
import { createToken } from './tokens.js';

/** A pending timer; `cancel` is idempotent and safe after the timer fired. */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds on a monotonic scale (not wall-clock time). */
  now(): number;
  /** Runs `callback` once after `delayMs`. */
  setTimer(delayMs: number, callback: () => void): Timer;
}

export const clockToken = createToken<Clock>('core.clock');

/** The real clock: performance.now() and setTimeout, unref'd so a timer never keeps the process alive. */
export class SystemClock implements Clock {
  now(): number {
    return performance.now();
  }

  setTimer(delayMs: number, callback: () => void): Timer {
    const handle = setTimeout(callback, delayMs);
    handle.unref?.();
    return new SystemTimer(handle);
  }
}

/**
 * A class rather than `{ cancel: () => clearTimeout(handle) }`: one small object per timer instead of
 * an object, a closure and its context. Every session keeps a few timers armed while idle.
 */
class SystemTimer implements Timer {
  constructor(private readonly handle: ReturnType<typeof setTimeout>) {}

  cancel(): void {
    clearTimeout(this.handle);
  }
}
