// One CHAP flavour (MD5, MS-CHAPv1, MS-CHAPv2) as a core Authenticator: the LCP option carries the
// digest's algorithm byte (RFC 1994 §3), and both roles run the generic CHAP machines with that digest.
import type { Authenticator } from '@switchyard/core';
import { chapAuthenticatorExchange } from './chap-authenticator.js';
import type { ChapDigest, ChapSettings, RandomSource } from './chap-digest.js';
import { chapPeerExchange } from './chap-peer.js';

/** PPP Protocol number of CHAP (RFC 1994 §2). */
const CHAP = 0xc223;

export interface ChapAuthenticatorSpec {
  /** pppd's option suffix: 'chap-md5', 'mschap', 'mschap-v2'. */
  readonly name: string;
  readonly digest: ChapDigest;
  /** Preference when several are enabled; see Authenticator.strength. */
  readonly strength: number;
  readonly settings: ChapSettings;
  readonly random: RandomSource;
}

export function chapAuthenticator(spec: ChapAuthenticatorSpec): Authenticator {
  const { digest, settings, random } = spec;
  return {
    name: spec.name,
    protocol: CHAP,
    lcpData: Uint8Array.of(digest.algorithm),
    strength: spec.strength,
    authenticate: (context) => chapAuthenticatorExchange(digest, settings, random, context),
    prove: (context, credentials) => chapPeerExchange(digest, settings, random, context, credentials),
  };
}
