// CHAP with MD5 (RFC 1994 §2.2, algorithm 5): Response Value = MD5(Identifier ‖ secret ‖ challenge),
// challenges of 16 to 24 random bytes and the texts "Access granted"/"Access denied", as pppd's
// chap-md5.c. No MPPE keys: MPPE needs MS-CHAP (RFC 3079).
import { createHash } from 'node:crypto';
import { constantTimeEqual } from '@switchyard/crypto';
import { type ChapDigest, utf8 } from '@switchyard/ppp/auth';

/** pppd chap-md5.c MD5_MIN_CHALLENGE, MD5_MAX_CHALLENGE. */
const MIN_CHALLENGE = 16;
const MAX_CHALLENGE = 24;
const MD5_LENGTH = 16;

/** RFC 1994 §2.2: "the one-way hash … over the Identifier, followed by the secret, then the Challenge". */
export function chapMd5Response(identifier: number, secret: string, challenge: Uint8Array): Uint8Array {
  const hash = createHash('md5').update(Uint8Array.of(identifier)).update(utf8(secret)).update(challenge);
  return new Uint8Array(hash.digest());
}

export const chapMd5Digest: ChapDigest = {
  name: 'MD5',
  algorithm: 0x05,
  // RFC 1994 has no retry: "There is no provision for re-tries of failed authentication."
  retries: false,

  challenge(random) {
    const extra = (random(1)[0] ?? 0) % (MAX_CHALLENGE - MIN_CHALLENGE + 1);
    return random(MIN_CHALLENGE + extra);
  },

  verify({ identifier, challenge, response, secret }) {
    if (response.length !== MD5_LENGTH) {
      return {
        ok: false,
        code: 'malformed',
        reason: `MD5 Response Value is ${response.length} bytes, expected 16`,
      };
    }
    if (!constantTimeEqual(chapMd5Response(identifier, secret, challenge), response)) {
      return { ok: false, code: 'wrong-secret', reason: 'MD5 response does not match the secret' };
    }
    return { ok: true, message: 'Access granted' };
  },

  failureMessage: () => 'Access denied',

  respond: ({ identifier, challenge, secret }) => ({
    value: chapMd5Response(identifier, secret, challenge),
    success: () => ({ ok: true }),
  }),

  retryChallenge: () => undefined,
};
