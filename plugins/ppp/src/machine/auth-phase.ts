// The Authenticate phase (RFC 1661 §3.5): runs the Authenticator LCP agreed on, as authenticator
// (server: authenticate(), secrets from the credential stores) or as peer (client: prove()). The
// exchange stays registered through the Network phase, for CHAP rechallenges (RFC 1994 §2.2).
import {
  askCredentialStores,
  closeReason,
  type AuthExchange,
  type AuthResult,
  type Authenticator,
  type CloseReason,
  type CredentialStore,
} from '@switchyard/core';
import { type PppContext, protocolName } from '@switchyard/ppp';

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
    const generation = ++this.generation;
    context.link.register({
      protocol: authenticator.protocol,
      name: authenticator.name,
      phase: 'authenticate',
      receive: (payload) => {
        if (generation === this.generation) this.exchange?.receive(payload);
      },
    });
    this.protocol = authenticator.protocol;
    let settled = false; // one outcome per exchange ("Called once"); a late second call changes nothing
    const exchangeContext = {
      send: (packet: Uint8Array) => {
        if (generation === this.generation) context.send(authenticator.protocol, packet);
      },
      clock: context.clock,
      logger: context.logger,
      localName: context.facts.localName,
      peerAddress: context.session.peer,
      lookup: (query: Parameters<CredentialStore['lookup']>[0]) =>
        askCredentialStores(host.credentialStores, query),
      done: (result: AuthResult) => {
        if (generation !== this.generation || settled) return;
        settled = true;
        this.done(result, authenticator);
      },
    };
    this.exchange =
      context.role === 'server'
        ? authenticator.authenticate(exchangeContext)
        : authenticator.prove(exchangeContext, host.credentials!);
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

  private done(result: AuthResult, authenticator: Authenticator): void {
    const { host } = this;
    if (result.ok) {
      host.succeeded(result, authenticator); // the exchange keeps receiving: CHAP rechallenges
    } else {
      const who = result.user === undefined ? 'Peer' : `Peer ${result.user}`;
      const text =
        host.context.role === 'server'
          ? `${who} failed ${authenticator.name} authentication`
          : `${authenticator.name} authentication failed`;
      host.context.logger.info(`${text}: ${result.reason}`);
      host.failed(closeReason('auth-failed', result.reason));
    }
  }
}
