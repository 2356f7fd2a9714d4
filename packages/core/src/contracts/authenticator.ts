// A PPP authentication protocol (PAP, CHAP-MD5, MS-CHAP v1/v2, later EAP) for both roles: the
// authenticator (server) side and the peer (client) side. The LCP plugin negotiates which one runs;
// the link owner feeds it the protocol's packets and sends what it returns.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { CredentialAnswer, CredentialQuery } from './credential-store.js';
import { createToken } from '../tokens.js';

/** Keys the MPPE plugin derives session keys from (RFC 3079). */
export interface MppeKeyMaterial {
  readonly kind: 'mschapv1' | 'mschapv2';
  /** MS-CHAPv2: the 16-byte MasterKey; MS-CHAPv1: NtPasswordHashHash. */
  readonly masterKey: Uint8Array;
  /** MS-CHAPv1 only: the 8-byte challenge the start key mixes in. */
  readonly challenge?: Uint8Array;
}

/** Why an authentication failed, for callers that act on it (accounting, metrics, RADIUS causes). */
export const AuthFailureCodes = [
  'unknown-user', // no credential store knows the name
  'wrong-secret', // the store knows the user; the response or password does not match
  'store-unavailable', // no store could answer (fail closed)
  'malformed', // the peer's response cannot be checked (wrong size, LM-only MS-CHAPv1)
  'timeout', // retransmissions exhausted with no answer (pppd chap-max-challenge, pap-max-authreq)
  'rejected', // peer role: the authenticator sent Failure / Authenticate-Nak
  'unverified-authenticator', // peer role: MS-CHAPv2 S= missing or wrong (RFC 2759 §5: end the session)
] as const;

export type AuthFailureCode = (typeof AuthFailureCodes)[number];

export type AuthResult =
  | {
      readonly ok: true;
      /** The authenticated name as looked up (after any domain stripping); the peer role's own user. */
      readonly user: string;
      readonly keys?: MppeKeyMaterial;
      /** The credential store's address list for the user (chap-secrets IP column), passed through. */
      readonly addresses?: readonly string[];
    }
  | {
      readonly ok: false;
      readonly user?: string;
      readonly code: AuthFailureCode;
      /** One line for the log ("authentication failed for user X: <reason>"); never holds a secret. */
      readonly reason: string;
    };

/** What the peer role proves it knows. */
export interface PeerCredentials {
  readonly user: string;
  readonly secret: string;
}

export interface AuthExchangeContext {
  /** Sends one packet of this auth protocol (payload after the PPP protocol field). */
  send(packet: Uint8Array): void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Our name (pppd `name`), used in challenges and to match chap-secrets' server column. */
  readonly localName: string;
  readonly peerAddress: string;
  /** Looks a user's secret up in the appliance's credential stores (authenticator role). */
  lookup(query: CredentialQuery): Promise<CredentialAnswer>;
  /** Called once with the outcome. */
  done(result: AuthResult): void;
  /**
   * The outcome of a later check of the same peer after a successful `done` (CHAP rechallenge, pppd
   * `chap-interval`, RFC 1994 §2.2). A failure ends the link as pppd's auth_peer_fail does; a success
   * changes nothing: the session keeps the MPPE key material of its first authentication. The running
   * keys are CCP's, and pppd too keeps them until CCP renegotiates; taking a rechallenge's material for
   * a later renegotiation would make the keys depend on how many rechallenges each end counted.
   */
  rechecked(result: AuthResult): void;
}

/**
 * One run of the protocol on one link. Keep feeding it the protocol's packets after `done` until the
 * link goes down: a peer whose Success or Ack was lost repeats its Response or Request, and must get
 * the same reply again (RFC 1994 §4.1, RFC 1334 §2.2.1 Implementation Notes).
 */
export interface AuthExchange {
  start(): void;
  /** A packet of this protocol (payload after the PPP Protocol field); malformed input is dropped. */
  receive(packet: Uint8Array): void;
  /** Cancels timers; no further output and no `done`. */
  stop(): void;
}

export interface Authenticator {
  /** 'pap', 'chap-md5', 'mschap', 'mschap-v2' (pppd's refuse-/require- option suffixes). */
  readonly name: string;
  /** PPP protocol number (0xC023 PAP, 0xC223 CHAP). */
  readonly protocol: number;
  /** The LCP Authentication-Protocol option data after the protocol (CHAP algorithm: 0x05, 0x80, 0x81). */
  readonly lcpData: Uint8Array;
  /** Preference when several are enabled; higher is tried first (MS-CHAPv2 highest). */
  readonly strength: number;
  /** Authenticator (server) role. */
  authenticate(context: AuthExchangeContext): AuthExchange;
  /** Peer (client) role, proving `user`/`secret`. */
  prove(context: AuthExchangeContext, credentials: PeerCredentials): AuthExchange;
}

export const authenticatorToken = createToken<Authenticator>('core.authenticator');
