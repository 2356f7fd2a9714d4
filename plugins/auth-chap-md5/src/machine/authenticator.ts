// The CHAP-MD5 Authenticator: LCP option `03 05 c2 23 05` (RFC 1994 §3).
import type { Authenticator } from '@switchyard/core';
import { type ChapConfig, type RandomSource, chapAuthenticator, chapSettings } from '@switchyard/ppp/auth';
import { chapMd5Digest } from './md5-digest.js';

export function createChapMd5Authenticator(config: Partial<ChapConfig>, random: RandomSource): Authenticator {
  // Above PAP (the password never crosses the wire), below MS-CHAP (no MPPE keys).
  const settings = chapSettings(config);
  return chapAuthenticator({ name: 'chap-md5', digest: chapMd5Digest, strength: 20, settings, random });
}
