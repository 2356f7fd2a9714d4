// The control connection's Echo keep-alive (RFC 2637 §3.1.4): after `intervalMs` without any control
// message from the peer, send an Echo-Request; close if its Echo-Reply has not come `timeoutMs` later.
// Silence is measured from the last message received, so a busy connection never sends echoes.
import type { Timer } from '@switchyard/core';

export interface KeepaliveHooks {
  /** Arms a timer whose callback runs like an input of the machine (outputs collected). */
  arm(delayMs: number, callback: () => void): Timer;
  now(): number;
  sendEchoRequest(identifier: number): void;
  /** The Echo-Reply did not come in time. */
  expire(): void;
}

export class Keepalive {
  private idleTimer: Timer | undefined;
  private replyTimer: Timer | undefined;
  private outstanding: number | undefined;
  private nextIdentifier = 1;
  private lastReceivedAt = 0;

  /** `intervalMs` 0 disables the keep-alive. */
  constructor(
    private readonly intervalMs: number,
    private readonly timeoutMs: number,
    private readonly hooks: KeepaliveHooks,
  ) {}

  start(): void {
    this.lastReceivedAt = this.hooks.now();
    this.armIdle(this.intervalMs);
  }

  /** Any control message from the peer proves it alive. */
  noteReceived(): void {
    this.lastReceivedAt = this.hooks.now();
  }

  /** True when this Echo-Reply answers our outstanding Echo-Request. */
  onEchoReply(identifier: number): boolean {
    if (identifier !== this.outstanding) return false;
    this.outstanding = undefined;
    this.replyTimer?.cancel();
    this.replyTimer = undefined;
    this.armIdle(this.intervalMs);
    return true;
  }

  stop(): void {
    this.idleTimer?.cancel();
    this.replyTimer?.cancel();
    this.idleTimer = this.replyTimer = this.outstanding = undefined;
  }

  private armIdle(delayMs: number): void {
    this.idleTimer?.cancel();
    this.idleTimer = this.intervalMs > 0 ? this.hooks.arm(delayMs, () => this.onIdle()) : undefined;
  }

  private onIdle(): void {
    this.idleTimer = undefined;
    if (this.outstanding !== undefined) return;
    const silentMs = this.hooks.now() - this.lastReceivedAt;
    if (silentMs < this.intervalMs) return this.armIdle(this.intervalMs - silentMs);
    const identifier = this.nextIdentifier;
    this.nextIdentifier = (this.nextIdentifier + 1) >>> 0 || 1;
    this.outstanding = identifier;
    this.hooks.sendEchoRequest(identifier);
    this.replyTimer = this.hooks.arm(this.timeoutMs, () => this.hooks.expire());
  }
}
