// The MS-CHAPv1 Authenticator: LCP option `03 05 c2 23 80` (RFC 2433 §4).
import type { Authenticator } from '@switchyard/core';
import { type MschapConfig, type RandomSource, chapAuthenticator, chapSettings } from '@switchyard/ppp/auth';
import { mschapV1Digest } from './mschap-v1-digest.js';

export function createMschapV1Authenticator(
  config: Partial<MschapConfig>,
  random: RandomSource,
): Authenticator {
  // Below MS-CHAPv2 (no mutual authentication, weaker MPPE keys), above plain CHAP (no MPPE keys).
  const settings = chapSettings(config);
  return chapAuthenticator({ name: 'mschap', digest: mschapV1Digest, strength: 30, settings, random });
}
