// The LCP keep-alive (RFC 1661 §5.8) as pppd runs it (lcp.c LcpEchoCheck, LcpSendEchoRequest,
// LcpLinkFailure): from LCP up, an Echo-Request every interval (the first at once); only an Echo-Reply
// resets the count of unanswered ones, and the link fails when that count reaches the limit.
import type { Clock, Timer } from '@switchyard/core';

export interface EchoSettings {
  /** pppd lcp-echo-interval, in ms; 0 = no Echo-Requests. */
  readonly intervalMs: number;
  /** pppd lcp-echo-failure; 0 = never declare the peer dead. */
  readonly failures: number;
  /** pppd lcp-echo-adaptive: skip a request when data arrived since the last check. */
  readonly adaptive: boolean;
}

export interface EchoHooks {
  /** Sends an Echo-Request with this Identifier. */
  sendEchoRequest(identifier: number): void;
  /** `pending` requests went unanswered: take the link down. */
  echoFailed(pending: number): void;
  /** Data packets received so far (for `adaptive`). */
  packetsIn(): number;
}

export class EchoKeepAlive {
  private pending = 0;
  private identifier = 0;
  private lastPacketsIn = 0;
  private timer: Timer | undefined;
  private running = false;

  constructor(
    private readonly settings: EchoSettings,
    private readonly clock: Clock,
    private readonly hooks: EchoHooks,
  ) {}

  /** Echo-Requests sent and not answered yet (pppd lcp_echos_pending). */
  get unanswered(): number {
    return this.pending;
  }

  /** LCP is up (pppd lcp_echo_lowerup): counters start over, the first request goes out now. */
  start(): void {
    this.stop();
    this.pending = 0;
    this.identifier = 0;
    if (this.settings.intervalMs <= 0) return;
    this.running = true;
    this.lastPacketsIn = this.hooks.packetsIn();
    this.check();
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** An Echo-Reply from the peer (not our own magic: LCP checks that first). */
  replyReceived(): void {
    this.pending = 0;
  }

  private check(): void {
    this.sendRequest();
    if (!this.running) return; // the failure took LCP down
    this.timer = this.clock.setTimer(this.settings.intervalMs, () => {
      this.timer = undefined;
      if (this.running) this.check();
    });
  }

  private sendRequest(): void {
    if (this.settings.failures > 0 && this.pending >= this.settings.failures) {
      const pending = this.pending;
      this.pending = 0;
      this.hooks.echoFailed(pending);
      return;
    }
    if (this.settings.adaptive) {
      const packetsIn = this.hooks.packetsIn();
      if (packetsIn !== this.lastPacketsIn) {
        this.lastPacketsIn = packetsIn; // the peer is evidently alive: no request this time
        return;
      }
    }
    this.hooks.sendEchoRequest(this.identifier);
    this.identifier = (this.identifier + 1) & 0xff;
    this.pending++;
  }
}
