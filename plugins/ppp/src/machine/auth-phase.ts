// The Authenticate phase (RFC 1661 §3.5): runs the Authenticator LCP agreed on, as authenticator
// (server: authenticate(), secrets from the credential stores) or as peer (client: prove()). The
// exchange stays registered through the Network phase, for CHAP rechallenges (RFC 1994 §2.2).
import {
  askCredentialStores,
  closeReason,
  type AuthExchange,
  type AuthExchangeContext,
  type AuthResult,
  type Authenticator,
  type Clock,
  type CloseReason,
  type CredentialAnswer,
  type CredentialQuery,
  type CredentialStore,
  type Logger,
} from '@switchyard/core';
import { type PppContext, type ProtocolHandler, protocolName } from '@switchyard/ppp';

export type AuthSuccess = Extract<AuthResult, { ok: true }>;

export interface AuthPhaseHost {
  readonly context: PppContext;
  readonly authenticators: readonly Authenticator[];
  /** Server role: where secrets are looked up (askCredentialStores, in order). */
  readonly credentialStores: readonly CredentialStore[];
  /** Client role: what we prove. */
  readonly credentials?: { readonly user: string; readonly secret: string };
  /** Authentication succeeded, or none was negotiated (`result` undefined). */
  succeeded(result: AuthSuccess | undefined, authenticator: Authenticator | undefined): void;
  failed(reason: CloseReason): void;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export class AuthPhase {
  private exchange: AuthExchange | undefined;
  private protocol: number | undefined;
  private generation = 0;

  constructor(private readonly host: AuthPhaseHost) {}

  /** Starts authenticating with what LCP agreed (`agreed` undefined: no authentication, §3.5). */
  start(agreed: { readonly protocol: number; readonly data: Uint8Array } | undefined): void {
    this.stop();
    const { host } = this;
    if (agreed === undefined) {
      host.succeeded(undefined, undefined);
      return;
    }
    const authenticator = host.authenticators.find(
      (a) => a.protocol === agreed.protocol && sameBytes(a.lcpData, agreed.data),
    );
    if (authenticator === undefined) {
      host.failed(closeReason('auth-failed', `no authenticator for ${protocolName(agreed.protocol)}`));
      return;
    }
    const { context } = host;
    if (context.role === 'client' && host.credentials === undefined) {
      host.failed(closeReason('auth-failed', 'no credentials to authenticate with'));
      return;
    }
    const run = new AuthRun(this, ++this.generation, authenticator, context);
    context.link.register(run);
    this.protocol = authenticator.protocol;
    this.exchange =
      context.role === 'server'
        ? authenticator.authenticate(run)
        : authenticator.prove(run, host.credentials!);
    this.exchange.start();
  }

  /** Ends the exchange (LCP went down, the session ends): no further output. */
  stop(): void {
    this.generation++;
    this.exchange?.stop();
    this.exchange = undefined;
    if (this.protocol !== undefined) this.host.context.link.unregister(this.protocol);
    this.protocol = undefined;
  }

  /** The exchange of the run under way, if `generation` is still it (AuthRun). */
  current(generation: number): AuthExchange | undefined {
    return generation === this.generation ? this.exchange : undefined;
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  lookup(query: CredentialQuery): Promise<CredentialAnswer> {
    return askCredentialStores(this.host.credentialStores, query);
  }

  /** The run's outcome (AuthRun calls it once, while the run is current). */
  done(result: AuthResult, authenticator: Authenticator): void {
    if (result.ok)
      this.host.succeeded(result, authenticator); // the exchange keeps receiving: rechallenges
    else this.fail(result, authenticator);
  }

  /** A rechallenge's outcome (CHAP chap-interval): a failure ends the session, as pppd's auth_peer_fail. */
  rechecked(result: AuthResult, authenticator: Authenticator): void {
    if (result.ok)
      this.host.context.logger.debug(`${authenticator.name} rechallenge passed`, { user: result.user });
    else this.fail(result, authenticator);
  }

  private fail(result: Extract<AuthResult, { ok: false }>, authenticator: Authenticator): void {
    const { host } = this;
    const who = result.user === undefined ? 'Peer' : `Peer ${result.user}`;
    const text =
      host.context.role === 'server'
        ? `${who} failed ${authenticator.name} authentication`
        : `${authenticator.name} authentication failed`;
    host.context.logger.info(`${text}: ${result.reason}`);
    host.failed(closeReason('auth-failed', result.reason));
  }
}

/**
 * One exchange's link handler and AuthExchangeContext in one object: a class, so a session keeps one
 * small object for the rest of its life (the exchange stays for rechallenges and repeated Responses)
 * instead of two objects, four closures and their context.
 */
class AuthRun implements AuthExchangeContext, ProtocolHandler {
  readonly phase = 'authenticate';
  readonly protocol: number;
  readonly name: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly localName: string;
  readonly peerAddress: string;
  /** One outcome per exchange ("Called once"); a late second call changes nothing. */
  private settled = false;

  constructor(
    private readonly owner: AuthPhase,
    private readonly generation: number,
    private readonly authenticator: Authenticator,
    private readonly context: PppContext,
  ) {
    this.protocol = authenticator.protocol;
    this.name = authenticator.name;
    this.clock = context.clock;
    this.logger = context.logger;
    this.localName = context.facts.localName;
    this.peerAddress = context.session.peer;
  }

  /** The link: a packet of this protocol. */
  receive(payload: Uint8Array): void {
    this.owner.current(this.generation)?.receive(payload);
  }

  send(packet: Uint8Array): void {
    if (this.owner.isCurrent(this.generation)) this.context.send(this.protocol, packet);
  }

  lookup(query: CredentialQuery): Promise<CredentialAnswer> {
    return this.owner.lookup(query);
  }

  done(result: AuthResult): void {
    if (!this.owner.isCurrent(this.generation) || this.settled) return;
    this.settled = true;
    this.owner.done(result, this.authenticator);
  }

  rechecked(result: AuthResult): void {
    if (this.owner.isCurrent(this.generation) && this.settled)
      this.owner.rechecked(result, this.authenticator);
  }
}
