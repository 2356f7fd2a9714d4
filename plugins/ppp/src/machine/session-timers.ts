// pppd's link-wide timers (main.c / auth.c check_idle, connect_time_expired): `idle` ends the session
// after so long without data packets either way, `maxconnect` so long after the first NCP came up.
// Both start when the first NCP opens (pppd np_up). Clock-driven, no I/O.
import { closeReason, type Clock, type CloseReason, type Timer } from '@switchyard/core';

export interface SessionTimerSettings {
  readonly idleMs: number;
  readonly maxConnectMs: number;
}

export class SessionTimers {
  private idleTimer: Timer | undefined;
  private connectTimer: Timer | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly settings: SessionTimerSettings,
    /** clock.now() of the last data packet. */
    private readonly lastDataAt: () => number,
    private readonly expire: (reason: CloseReason, message: string) => void,
  ) {}

  start(): void {
    this.stop();
    const { idleMs, maxConnectMs } = this.settings;
    if (maxConnectMs > 0) {
      this.connectTimer = this.clock.setTimer(maxConnectMs, () =>
        this.expire(closeReason('session-timeout', 'Connect time expired'), 'Connect time expired'),
      );
    }
    if (idleMs > 0) this.scheduleIdle(idleMs);
  }

  stop(): void {
    this.idleTimer?.cancel();
    this.connectTimer?.cancel();
    this.idleTimer = this.connectTimer = undefined;
  }

  private scheduleIdle(delayMs: number): void {
    this.idleTimer = this.clock.setTimer(delayMs, () => {
      const idleFor = this.clock.now() - this.lastDataAt();
      if (idleFor >= this.settings.idleMs) {
        const seconds = Math.round(idleFor / 1000);
        this.expire(
          closeReason('idle-timeout', `no data for ${seconds} s`),
          'Terminating connection due to lack of activity.',
        );
      } else {
        this.scheduleIdle(this.settings.idleMs - idleFor); // pppd check_idle: wait the rest
      }
    });
  }
}
