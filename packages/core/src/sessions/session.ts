// A session is one tunnel call: its PPP link plus every resource plugins attached to it (call ids,
// address lease, routes, MPPE keys, ARP entry). close() from any side releases each resource exactly
// once, in reverse order of attachment, and publishes `down` once.
import type { Logger } from '../logger.js';
import { formatCloseReason, type CloseReason } from './close-reason.js';
import type { SessionBus } from './session-events.js';

export type SessionId = number;

export type SessionState = 'establishing' | 'authenticating' | 'network' | 'closing' | 'closed';

export interface SessionCounters {
  packetsIn: number;
  packetsOut: number;
  bytesIn: number;
  bytesOut: number;
}

/** A read-only snapshot, safe to hand to listeners. */
export interface SessionInfo {
  readonly id: SessionId;
  readonly transport: string;
  readonly peer: string;
  readonly startedAt: number;
  readonly state: SessionState;
  readonly user?: string;
  readonly address?: string;
  readonly counters: Readonly<SessionCounters>;
}

/** Frees one resource; `reason` says why the session ends (e.g. to pick a PPTP disconnect code). */
type Release = (reason: CloseReason) => void | Promise<void>;

/**
 * A resource that frees itself when its session ends: attach the object itself instead of a closure
 * over it. A closure and its context are ~100 bytes, and a session holds about six resources for its
 * whole life (10,000 sessions held in the benchmark, 20 KiB each at most). `session` is passed so one
 * object can serve every session (an address pool, the proxy ARP table).
 */
export interface SessionResource {
  sessionEnded(reason: CloseReason, session: Session): void | Promise<void>;
}

export class Session {
  readonly counters: SessionCounters = { packetsIn: 0, packetsOut: 0, bytesIn: 0, bytesOut: 0 };
  private currentState: SessionState = 'establishing';
  private user?: string;
  private address?: string;
  /**
   * Attached resources, name and release alternating: no {name, release} record per resource (~6 per
   * session), and one array's spare capacity rather than two.
   */
  private readonly resources: (string | Release | SessionResource)[] = [];
  private closing?: Promise<CloseReason>;
  private reason?: CloseReason;
  private closedPromise: Promise<CloseReason> | undefined;
  private resolveClosed: ((reason: CloseReason) => void) | undefined;

  constructor(
    readonly id: SessionId,
    readonly transport: string,
    readonly peer: string,
    readonly startedAt: number,
    readonly logger: Logger,
    private readonly bus: SessionBus,
    private readonly onClosed: (session: Session) => void,
  ) {}

  /**
   * Settles with the reason once every resource has been released. Made when first asked for: few
   * sessions are ever waited on, and a promise with its resolver is ~150 bytes on each.
   */
  get closed(): Promise<CloseReason> {
    if (this.closedPromise === undefined) {
      this.closedPromise =
        this.currentState === 'closed'
          ? Promise.resolve(this.reason!)
          : new Promise((resolve) => (this.resolveClosed = resolve));
    }
    return this.closedPromise;
  }

  get state(): SessionState {
    return this.currentState;
  }

  get info(): SessionInfo {
    // Property by property, not by conditional spreads, which gave every snapshot (several per set-up,
    // one per event) a hidden class of its own.
    const info: { -readonly [K in keyof SessionInfo]: SessionInfo[K] } = {
      id: this.id,
      transport: this.transport,
      peer: this.peer,
      startedAt: this.startedAt,
      state: this.currentState,
      counters: { ...this.counters },
    };
    if (this.user !== undefined) info.user = this.user;
    if (this.address !== undefined) info.address = this.address;
    return info;
  }

  get isOpen(): boolean {
    return this.closing === undefined;
  }

  /**
   * Ties a resource's lifetime to the session. On a session already closing, `release` runs at once,
   * so a resource acquired in a race with close() is never leaked.
   */
  attach(name: string, release: Release | SessionResource): void {
    if (this.closing) {
      void this.runRelease(name, release, this.reason!);
      return;
    }
    this.resources.push(name, release);
  }

  setState(next: Exclude<SessionState, 'closing' | 'closed'>): void {
    if (this.closing || next === this.currentState) return;
    const previous = this.currentState;
    this.currentState = next;
    this.bus.emit('stateChanged', this.info, previous);
  }

  authenticated(user: string): void {
    if (this.closing) return;
    this.user = user;
    this.bus.emit('authenticated', this.info, user);
  }

  ipAssigned(address: string): void {
    if (this.closing) return;
    this.address = address;
    this.bus.emit('ipAssigned', this.info, address);
  }

  /** Idempotent: the first reason wins; later calls return the same promise. */
  close(reason: CloseReason): Promise<CloseReason> {
    if (this.closing) return this.closing;
    const previous = this.currentState;
    this.currentState = 'closing';
    this.reason = reason;
    // Released on a microtask: a release that closes a transport can re-enter close() synchronously,
    // and must then find `closing` already set rather than start a second release pass.
    this.closing = Promise.resolve().then(() => this.releaseAll(reason));
    this.bus.emit('stateChanged', this.info, previous);
    return this.closing;
  }

  private async releaseAll(reason: CloseReason): Promise<CloseReason> {
    while (this.resources.length > 0) {
      const release = this.resources.pop() as Release | SessionResource;
      await this.runRelease(this.resources.pop() as string, release, reason);
    }
    this.currentState = 'closed';
    this.logger.debug('session released', { reason: formatCloseReason(reason) });
    this.onClosed(this);
    this.bus.emit('down', this.info, reason);
    this.resolveClosed?.(reason);
    return reason;
  }

  private async runRelease(
    name: string,
    release: Release | SessionResource,
    reason: CloseReason,
  ): Promise<void> {
    try {
      await (typeof release === 'function' ? release(reason) : release.sessionEnded(reason, this));
    } catch (error) {
      // One failing release must not keep the others held: log it and go on.
      this.logger.error('releasing a session resource failed', {
        resource: name,
        error: String(error),
      });
    }
  }
}
