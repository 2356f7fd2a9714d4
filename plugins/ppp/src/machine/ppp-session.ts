// One PPP session over one Link, in either role: the link phases of RFC 1661 §3 driven by LCP's layer
// signals, the Authenticate phase, the Network phase, pppd's idle/maxconnect timers, and teardown from
// every side (peer Terminate, our close, echo failure, transport loss, session close), each releasing
// everything once. Frames come in through receive(); no I/O here.
import {
  closeReason,
  type Authenticator,
  type Clock,
  type CloseReason,
  type CredentialStore,
  type FrameReceiver,
  type Link,
  type Logger,
  type SessionResource,
} from '@switchyard/core';
import {
  PppLink,
  PppSessionContext,
  type LinkControl,
  type PppSessionContextOptions,
  type LinkControlFactory,
  type LinkEvent,
  type LinkPhase,
  type NetworkControlFactory,
  type PppFacts,
  type PppRole,
  type ProtocolEvents,
} from '@switchyard/ppp';
import { EventEmitter } from 'eventemitter3';
import { AuthPhase, type AuthPhaseHost, type AuthSuccess } from './auth-phase.js';
import { NetworkPhase, type NetworkPhaseHost } from './network-phase.js';
import { SessionTimers } from './session-timers.js';

export interface PppSessionOptions {
  readonly role: PppRole;
  /** pppd `name`. */
  readonly localName: string;
  readonly clock: Clock;
  /** Default: the session's logger. */
  readonly logger?: Logger;
  readonly linkControl: LinkControlFactory;
  readonly networkControls?: readonly NetworkControlFactory[];
  /** Strongest first is not required: LCP orders them by strength. */
  readonly authenticators?: readonly Authenticator[];
  /** Server role: where secrets are looked up. */
  readonly credentialStores?: readonly CredentialStore[];
  /** Client role: the user and secret we authenticate with. */
  readonly credentials?: { readonly user: string; readonly secret: string };
  /** pppd `idle`, seconds (0 = never). */
  readonly idleSeconds?: number;
  /** pppd `maxconnect`, seconds (0 = never). */
  readonly maxConnectSeconds?: number;
}

/** What a session reports while it runs (the client application waits for networkUp 'IPCP'). */
export interface PppSessionEvents {
  phase: [from: LinkPhase, to: LinkPhase];
  authenticated: [result: AuthSuccess | undefined];
  networkUp: [name: string];
  networkDown: [name: string];
}

/** The Link as the session uses it: the transport side only (frames arrive through receive()). */
export type PppTransport = Pick<Link, 'session' | 'send' | 'close' | 'maxFrameBytes'>;

export class PppSession implements PppSessionContextOptions, FrameReceiver, SessionResource {
  /** Created by the first listener: on the server nobody listens, and every session would hold one. */
  private emitter: EventEmitter<PppSessionEvents> | undefined;
  readonly facts: PppFacts;
  readonly link: PppLink;
  readonly context: PppSessionContext;
  readonly lcp: LinkControl;
  readonly auth: AuthPhase;
  readonly network: NetworkPhase;
  private readonly timers: SessionTimers | undefined;
  readonly logger: Logger;
  private closeRequested: CloseReason | undefined;
  private lcpDone = false;
  private transportDown = false;
  private releasing = false;
  private released = false;
  /** LCP finished or the transport went away: nothing more to wait for. */
  private isSettled = false;
  /** Made only when release() must wait for that (rare: most sessions end from below). */
  private onSettled: (() => void) | undefined;
  /** Identifiers for Protocol-Rejects when the LCP in use keeps no counter of its own. */
  private fallbackIdentifier = 0;

  constructor(
    private readonly transport: PppTransport,
    readonly options: PppSessionOptions,
  ) {
    const session = transport.session;
    this.logger = options.logger ?? session.logger;
    this.facts = { localName: options.localName };
    this.link = new PppLink(this); // PppLinkOptions: nextIdentifier() below
    this.context = new PppSessionContext(this);
    const authenticators = options.authenticators ?? [];
    // A client without credentials cannot agree to authenticate: LCP then Rejects the option.
    const usable = options.role === 'client' && !options.credentials ? [] : authenticators;
    this.lcp = options.linkControl.create(this.context, usable, new LcpEvents(this));
    const hooks = new PhaseHooks(this, authenticators);
    this.auth = new AuthPhase(hooks);
    this.network = new NetworkPhase(hooks);
    // pppd's idle and maxconnect are off by default: then a session holds no timers object at all.
    const idleMs = (options.idleSeconds ?? 0) * 1000;
    const maxConnectMs = (options.maxConnectSeconds ?? 0) * 1000;
    if (idleMs > 0 || maxConnectMs > 0) {
      this.timers = new SessionTimers(
        options.clock,
        { idleMs, maxConnectMs },
        () => this.context.lastDataAt,
        (reason, message) => {
          this.logger.info(message);
          this.close(reason);
        },
      );
    }
  }

  get session() {
    return this.transport.session;
  }

  /** PppSessionContextOptions (the context's options are this session). */
  get role(): PppRole {
    return this.options.role;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get maxFrameBytes(): number {
    return this.transport.maxFrameBytes;
  }

  /** One PPP frame onto the transport. */
  transmit(frame: Uint8Array): void {
    this.transport.send(frame);
  }

  get events(): EventEmitter<PppSessionEvents> {
    return (this.emitter ??= new EventEmitter());
  }

  get phase(): LinkPhase {
    return this.link.phase;
  }

  /** The tunnel carries frames: Establish (RFC 1661 §3.3), LCP's first Configure-Request. */
  start(): void {
    // Released after every resource attached later (leases, routes), before the transport's own.
    this.session.attach('ppp', this);
    this.signal('lowerUp');
    this.lcp.open();
  }

  /** FrameReceiver: one frame from the transport (lent for the call). */
  frame(frame: Uint8Array): void {
    if (!this.released) this.context.receiveFrame(frame);
  }

  /** FrameReceiver: the transport went away; no Terminate exchange is possible any more. */
  end(): void {
    if (this.transportDown || this.released) return;
    this.transportDown = true;
    this.context.stop();
    this.lcp.lowerDown();
    this.signal('lowerDown');
    this.settle();
    this.endSession(this.lcp.closeReason ?? this.closeRequested ?? closeReason('transport-closed'));
  }

  /** Orderly close: LCP Terminate-Request, then (LCP finished) the session and transport. Idempotent. */
  close(reason: CloseReason): void {
    if (this.lcpDone || this.transportDown) {
      this.endSession(reason);
      return;
    }
    if (this.closeRequested) return;
    this.closeRequested = reason;
    this.signal('close');
    this.lcp.close(reason);
  }

  private settle(): void {
    this.isSettled = true;
    this.onSettled?.();
  }

  /** The first non-gating NCP opened (pppd np_up): idle and maxconnect start. */
  networkStarted(): void {
    this.context.lastDataAt = this.options.clock.now();
    this.timers?.start();
  }

  /** A listener's event, when there is a listener. */
  emit(event: 'networkUp' | 'networkDown', name: string): void {
    this.emitter?.emit(event, name);
  }

  private signal(event: LinkEvent): void {
    const change = this.link.signal(event);
    if (!change) return;
    this.logger.debug(`phase: ${change.from} => ${change.to} (${event})`);
    this.emitter?.emit('phase', change.from, change.to);
  }

  /** LCP's This-Layer-Up (through LcpEvents). */
  lcpUp(): void {
    this.signal('lcpUp');
    if (this.facts.lcp?.auth) this.session.setState('authenticating');
    this.auth.start(this.facts.lcp?.auth);
  }

  /** The Authenticate phase succeeded (through PhaseHooks). */
  authenticated(result: AuthSuccess | undefined): void {
    if (result) {
      this.facts.auth = result;
      if (this.options.role === 'server') this.session.authenticated(result.user);
      else this.logger.info('authentication succeeded', { user: result.user });
    }
    this.emitter?.emit('authenticated', result);
    this.signal('authenticated');
    this.network.start();
  }

  /** LCP left Opened (renegotiation or termination): everything above it stops (pppd link_down). */
  lcpDown(): void {
    this.timers?.stop();
    this.network.stop();
    this.auth.stop();
    this.facts.auth = undefined;
    this.signal('lcpDown');
    if (this.phase === 'establish') this.session.setState('establishing'); // renegotiating, not ending
  }

  lcpFinished(reason: CloseReason | undefined): void {
    if (this.lcpDone) return;
    this.lcpDone = true;
    this.timers?.stop();
    this.network.stop();
    this.auth.stop();
    this.signal('lcpFinished');
    this.settle();
    const why = reason ?? this.lcp.closeReason ?? this.closeRequested;
    this.endSession(why ?? closeReason('negotiation-failed', 'LCP finished'));
  }

  /**
   * Closes the session unless it is closing already. Session.close() is not re-entrant: our release
   * closes the transport, which ends the link's frames synchronously, before close() has recorded itself.
   */
  private endSession(reason: CloseReason): void {
    const state = this.session.state;
    if (this.releasing || state === 'closing' || state === 'closed') return;
    void this.session.close(reason);
  }

  /**
   * The session is closing (from here or elsewhere: appliance stop, admin). If LCP is still up, send our
   * Terminate-Request and wait for the Ack or Max-Terminate (pppd on SIGTERM), then close the transport.
   */
  /** PppLinkOptions: Protocol-Reject Identifiers come from LCP's counter, as pppd shares it. */
  nextIdentifier(): number {
    return this.lcp.nextIdentifier?.() ?? (this.fallbackIdentifier = (this.fallbackIdentifier + 1) & 0xff);
  }

  /** SessionResource: the session ends (see release()). */
  sessionEnded(reason: CloseReason): Promise<void> {
    return this.release(reason);
  }

  private async release(reason: CloseReason): Promise<void> {
    this.releasing = true;
    if (!this.lcpDone && !this.transportDown) {
      this.close(reason); // e.g. shutdown: "User request", as pppd on SIGTERM
      if (!this.isSettled) await new Promise<void>((resolve) => (this.onSettled = resolve));
    }
    this.released = true;
    this.timers?.stop();
    this.network.stop();
    this.auth.stop();
    this.lcp.dispose();
    this.context.stop();
    this.transport.close(reason);
    this.emitter?.removeAllListeners();
  }
}

/** LCP's events for one session: a class, so they are shared methods, not three closures. */
class LcpEvents implements ProtocolEvents {
  constructor(private readonly ppp: PppSession) {}

  up(): void {
    this.ppp.lcpUp();
  }

  down(): void {
    this.ppp.lcpDown();
  }

  finished(reason?: CloseReason): void {
    this.ppp.lcpFinished(reason);
  }
}

/** The Authenticate and Network phases' host: one object where there were two and six closures. */
class PhaseHooks implements AuthPhaseHost, NetworkPhaseHost {
  readonly context: PppSessionContext;
  readonly credentialStores: readonly CredentialStore[];
  readonly credentials?: { readonly user: string; readonly secret: string };
  readonly factories: readonly NetworkControlFactory[];

  constructor(
    private readonly ppp: PppSession,
    readonly authenticators: readonly Authenticator[],
  ) {
    const options = ppp.options;
    this.context = ppp.context;
    this.credentialStores = options.credentialStores ?? [];
    if (options.credentials) this.credentials = options.credentials;
    this.factories = options.networkControls ?? [];
  }

  succeeded(result: AuthSuccess | undefined): void {
    this.ppp.authenticated(result);
  }

  failed(reason: CloseReason): void {
    this.ppp.close(reason);
  }

  firstUp(): void {
    this.ppp.networkStarted();
  }

  up(name: string): void {
    this.ppp.emit('networkUp', name);
  }

  down(name: string): void {
    this.ppp.emit('networkDown', name);
  }
}
