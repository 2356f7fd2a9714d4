// MS-CHAPv1 responses (RFC 2433 §A.1, A.5): the 24-byte NT and LAN Manager challenge responses a peer
// puts in its Response packet, and the authenticator's check of them.
import { constantTimeEqual, requireLength } from '../bytes.js';
import { challengeResponse } from './challenge-response.js';
import { lmPasswordHash, toNtPasswordHash, type NtSecret } from './password-hash.js';

/** NtChallengeResponse (RFC 2433 App. A.5). */
export function ntChallengeResponse(challenge: Uint8Array, secret: NtSecret): Uint8Array {
  return challengeResponse(challenge, toNtPasswordHash(secret));
}

/** LmChallengeResponse (RFC 2433 App. A.1); needs the clear-text password. */
export function lmChallengeResponse(challenge: Uint8Array, password: string): Uint8Array {
  return challengeResponse(challenge, lmPasswordHash(password));
}

/**
 * The authenticator's check of an MS-CHAPv1 NT-Response (RFC 2433 §3, Use-Windows-NT-compatible flag
 * = 1), in constant time. Like pppd, LM-only responses are not accepted: the LM hash is too weak.
 */
export function verifyMschapV1Response(
  challenge: Uint8Array,
  ntResponse: Uint8Array,
  secret: NtSecret,
): boolean {
  requireLength('NT-Response', ntResponse, 24);
  return constantTimeEqual(ntChallengeResponse(challenge, secret), ntResponse);
}
