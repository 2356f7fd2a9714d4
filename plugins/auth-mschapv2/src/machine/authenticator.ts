// The MS-CHAPv2 Authenticator: LCP option `03 05 c2 23 81` (RFC 2759 §2).
import type { Authenticator } from '@switchyard/core';
import { type MschapConfig, type RandomSource, chapAuthenticator, chapSettings } from '@switchyard/ppp/auth';
import { mschapV2Digest } from './mschap-v2-digest.js';

export function createMschapV2Authenticator(
  config: Partial<MschapConfig>,
  random: RandomSource,
): Authenticator {
  // Preferred over every other protocol: the only one here with mutual authentication.
  const settings = chapSettings(config);
  return chapAuthenticator({ name: 'mschap-v2', digest: mschapV2Digest, strength: 40, settings, random });
}
