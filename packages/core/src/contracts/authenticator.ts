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

export type AuthResult =
  | {
      readonly ok: true;
      readonly user: string;
      readonly keys?: MppeKeyMaterial;
      readonly addresses?: readonly string[];
    }
  | { readonly ok: false; readonly user?: string; readonly reason: string };

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
}

export interface AuthExchange {
  start(): void;
  receive(packet: Uint8Array): void;
  /** Cancels timers; no further output. */
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
  prove(context: AuthExchangeContext, credentials: { user: string; secret: string }): AuthExchange;
}

export const authenticatorToken = createToken<Authenticator>('core.authenticator');
