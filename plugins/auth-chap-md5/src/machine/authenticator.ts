// The CHAP-MD5 Authenticator: LCP option `03 05 c2 23 05` (RFC 1994 §3), both roles run by the generic
// CHAP machines of @switchyard/ppp/auth with the MD5 digest.
import type { Authenticator } from '@switchyard/core';
import {
  type ChapConfig,
  type RandomSource,
  chapAuthenticatorExchange,
  chapPeerExchange,
  chapSettings,
} from '@switchyard/ppp/auth';
import { chapMd5Digest } from './md5-digest.js';

/** PPP Protocol number of CHAP (RFC 1994 §2). */
const CHAP = 0xc223;

export function createChapMd5Authenticator(config: Partial<ChapConfig>, random: RandomSource): Authenticator {
  const settings = chapSettings(config);
  return {
    name: 'chap-md5',
    protocol: CHAP,
    lcpData: Uint8Array.of(chapMd5Digest.algorithm),
    // Above PAP (the password never crosses the wire), below MS-CHAP (no MPPE keys).
    strength: 20,
    authenticate: (context) => chapAuthenticatorExchange(chapMd5Digest, settings, random, context),
    prove: (context, credentials) => chapPeerExchange(chapMd5Digest, settings, random, context, credentials),
  };
}
