// Sending CCP Reset-Requests after a stateful decryption failure (RFC 1962 §3.1, RFC 3078 §8.2), timed
// as pppd does (ccp.c ccp_datainput, ccp_rack_timeout): one outstanding request; further failures while
// it waits make it repeat, with the same Identifier, once a second until a matching Reset-Ack arrives.
import type { Clock, Timer } from '@switchyard/core';

/** pppd RACKTIMEOUT: 1 second. */
export const RESET_ACK_TIMEOUT_MS = 1000;

export interface ResetRequesterOptions {
  readonly clock: Clock;
  /** A fresh Identifier (CCP's counter, as pppd's `++f->id`). */
  nextIdentifier(): number;
  /** Sends a Reset-Request with `identifier` (the same one again for a repetition). */
  send(identifier: number): void;
  readonly timeoutMs?: number;
}

export class ResetRequester {
  private pending: number | undefined;
  private repeat = false;
  private timer: Timer | undefined;

  constructor(private readonly options: ResetRequesterOptions) {}

  /** The Identifier of the Reset-Request awaiting its Ack, if any. */
  get outstanding(): number | undefined {
    return this.pending;
  }

  /** A decryption failure: send a Reset-Request, or ask for a repetition if one is outstanding. */
  request(): void {
    if (this.pending !== undefined) {
      this.repeat = true;
      return;
    }
    this.pending = this.options.nextIdentifier();
    this.options.send(this.pending);
    this.arm();
  }

  /** A Reset-Ack arrived; true when it matches the outstanding request (RFC 1962 §3.1). */
  acknowledge(identifier: number): boolean {
    if (this.pending !== identifier) return false;
    this.cancel();
    return true;
  }

  /** Forget everything (CCP left Opened, or the session ends). */
  cancel(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.pending = undefined;
    this.repeat = false;
  }

  private arm(): void {
    this.timer?.cancel();
    this.timer = this.options.clock.setTimer(this.options.timeoutMs ?? RESET_ACK_TIMEOUT_MS, () => {
      this.timer = undefined;
      if (this.repeat && this.pending !== undefined) {
        this.repeat = false;
        this.options.send(this.pending);
        this.arm();
      } else {
        // No failure since: give up waiting, as pppd does; the next failure sends a new request.
        this.pending = undefined;
      }
    });
  }
}
