// The MS-CHAPv2 Authenticator: LCP option `03 05 c2 23 81` (RFC 2759 §2), both roles run by the
// generic CHAP machines of @switchyard/ppp/auth with the MS-CHAPv2 digest.
import type { Authenticator } from '@switchyard/core';
import {
  type MschapConfig,
  type RandomSource,
  chapAuthenticatorExchange,
  chapPeerExchange,
  chapSettings,
} from '@switchyard/ppp/auth';
import { mschapV2Digest } from './mschap-v2-digest.js';

/** PPP Protocol number of CHAP (RFC 1994 §2). */
const CHAP = 0xc223;

export function createMschapV2Authenticator(
  config: Partial<MschapConfig>,
  random: RandomSource,
): Authenticator {
  const settings = chapSettings(config);
  return {
    name: 'mschap-v2',
    protocol: CHAP,
    lcpData: Uint8Array.of(mschapV2Digest.algorithm),
    // Preferred over every other protocol: the only one here with mutual authentication.
    strength: 40,
    authenticate: (context) => chapAuthenticatorExchange(mschapV2Digest, settings, random, context),
    prove: (context, credentials) => chapPeerExchange(mschapV2Digest, settings, random, context, credentials),
  };
}
