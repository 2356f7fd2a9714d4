// The MS-CHAPv1 Authenticator: LCP option `03 05 c2 23 80` (RFC 2433 §4), both roles run by the generic
// CHAP machines of @switchyard/ppp/auth with the MS-CHAPv1 digest.
import type { Authenticator } from '@switchyard/core';
import {
  type MschapConfig,
  type RandomSource,
  chapAuthenticatorExchange,
  chapPeerExchange,
  chapSettings,
} from '@switchyard/ppp/auth';
import { mschapV1Digest } from './mschap-v1-digest.js';

/** PPP Protocol number of CHAP (RFC 1994 §2). */
const CHAP = 0xc223;

export function createMschapV1Authenticator(
  config: Partial<MschapConfig>,
  random: RandomSource,
): Authenticator {
  const settings = chapSettings(config);
  return {
    name: 'mschap',
    protocol: CHAP,
    lcpData: Uint8Array.of(mschapV1Digest.algorithm),
    // Below MS-CHAPv2 (no mutual authentication, weaker MPPE keys), above plain CHAP (no MPPE keys).
    strength: 30,
    authenticate: (context) => chapAuthenticatorExchange(mschapV1Digest, settings, random, context),
    prove: (context, credentials) => chapPeerExchange(mschapV1Digest, settings, random, context, credentials),
  };
}
