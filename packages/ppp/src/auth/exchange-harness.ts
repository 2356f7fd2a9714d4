// Test support for auth exchanges (exported for the auth plugins' tests): an AuthExchangeContext that
// records what is sent and decided, and an in-memory wire between an authenticator and a peer, with a
// filter to lose or alter packets. Deliveries are queued, never re-entrant, like a real link.
import type {
  AuthExchange,
  AuthExchangeContext,
  AuthResult,
  Clock,
  CredentialAnswer,
  CredentialQuery,
  Logger,
} from '@switchyard/core';

export interface ExchangeEndOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly localName?: string;
  readonly peerAddress?: string;
  /** The credential stores' answer; default: nobody is known. */
  readonly lookup?: (query: CredentialQuery) => Promise<CredentialAnswer>;
}

/** One end of an exchange: its context, and everything it sent, looked up and decided. */
export class ExchangeEnd {
  readonly sent: Uint8Array[] = [];
  readonly results: AuthResult[] = [];
  /** Outcomes of rechallenges (after the first result). */
  readonly rechecks: AuthResult[] = [];
  readonly queries: CredentialQuery[] = [];
  readonly context: AuthExchangeContext;
  /** Where sent packets go besides `sent`; set by connectExchanges. */
  onSend?: (packet: Uint8Array) => void;

  constructor(options: ExchangeEndOptions) {
    const lookup = options.lookup ?? (async () => ({ kind: 'not-found' }) as const);
    this.context = {
      send: (packet) => {
        this.sent.push(packet.slice());
        this.onSend?.(packet.slice());
      },
      clock: options.clock,
      logger: options.logger,
      localName: options.localName ?? 'Nanu-VPN',
      peerAddress: options.peerAddress ?? '172.31.255.2',
      lookup: (query) => {
        this.queries.push(query);
        return lookup(query);
      },
      done: (result) => this.results.push(result),
      rechecked: (result) => this.rechecks.push(result),
    };
  }

  /** The single result, or undefined; more than one `done` is a bug the tests must see. */
  get result(): AuthResult | undefined {
    if (this.results.length > 1) throw new Error(`done() called ${this.results.length} times`);
    return this.results[0];
  }
}

/** Decides what becomes of a packet in flight: the packets to deliver (none = lost). */
export type PacketFilter = (packet: Uint8Array, direction: 'toPeer' | 'toAuthenticator') => Uint8Array[];

/** Joins two exchanges: each end's sends reach the other's receive() on a later microtask. */
export function connectExchanges(
  authenticator: { end: ExchangeEnd; exchange: () => AuthExchange },
  peer: { end: ExchangeEnd; exchange: () => AuthExchange },
  filter: PacketFilter = (packet) => [packet],
): void {
  const deliver = (to: () => AuthExchange, direction: 'toPeer' | 'toAuthenticator') => (packet: Uint8Array) =>
    queueMicrotask(() => {
      for (const p of filter(packet, direction)) to().receive(p);
    });
  authenticator.end.onSend = deliver(peer.exchange, 'toPeer');
  peer.end.onSend = deliver(authenticator.exchange, 'toAuthenticator');
}

/** Lets queued deliveries and credential lookups run to completion. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A credential store answer for tests: `found` with the chap-secrets fields. */
export const found = (secret: string, addresses: readonly string[] = []): CredentialAnswer => ({
  kind: 'found',
  secret,
  addresses,
});

/** The same bytes every call, for injecting a known challenge into an exchange. */
export function fixedRandom(...chunks: readonly Uint8Array[]): (length: number) => Uint8Array {
  let next = 0;
  return (length) => {
    const chunk = chunks[Math.min(next++, chunks.length - 1)];
    if (!chunk) return new Uint8Array(length);
    const out = new Uint8Array(length);
    out.set(chunk.subarray(0, length));
    return out;
  };
}
