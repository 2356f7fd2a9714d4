// MS-CHAPv1 (RFC 2433) as a CHAP digest: 8-byte challenges (§5), the 49-byte Response with only the
// NT-Response used (§6, as pppd), Success "Access granted", Failure "E=691 R= C= V=2" (§8). MPPE key
// material: NtPasswordHashHash and the challenge (RFC 3079 §2.4 Get_Start_Key).
import type { MppeKeyMaterial } from '@switchyard/core';
import {
  hashNtPasswordHash,
  ntChallengeResponse,
  ntPasswordHash,
  verifyMschapV1Response,
} from '@switchyard/crypto';
import {
  type ChapDigest,
  MSCHAPV1_CHALLENGE_LENGTH,
  MschapError,
  decodeMschapV1Response,
  encodeMschapV1Response,
  formatMschapFailure,
  parseMschapFailure,
} from '@switchyard/ppp/auth';

/** RFC 2433 §8: "this field SHOULD always contain a value greater than or equal to 2" (pppd sends 0). */
const PASSWORD_CHANGE_VERSION = 2;
/** RFC 2433 §8: without C=, a retry answers the previous challenge "plus decimal 23 in the first octet". */
const IMPLIED_CHALLENGE_STEP = 23;

// Held for the session's life: copies small enough to stay inside the V8 heap (see MS-CHAPv2's keysFrom).
const keysFrom = (secret: string, challenge: Uint8Array): MppeKeyMaterial => ({
  kind: 'mschapv1',
  masterKey: Uint8Array.from(hashNtPasswordHash(ntPasswordHash(secret))),
  challenge: Uint8Array.from(challenge),
});

export const mschapV1Digest: ChapDigest = {
  name: 'MS',
  algorithm: 0x80,
  retries: true,

  challenge: (random) => random(MSCHAPV1_CHALLENGE_LENGTH),

  verify({ challenge, response, secret }) {
    const value = decodeMschapV1Response(response);
    if (!value.ok) return { ok: false, code: 'malformed', reason: value.error.message };
    if (!value.value.useNt) {
      // pppd (built without MSLANMAN) refuses LAN Manager responses: the LM hash is too weak.
      return {
        ok: false,
        code: 'malformed',
        reason: 'peer sent only the LAN Manager response (not supported)',
      };
    }
    if (!verifyMschapV1Response(challenge, value.value.ntResponse, secret)) {
      return { ok: false, code: 'wrong-secret', reason: 'NT-Response does not match the secret' };
    }
    return { ok: true, message: 'Access granted', keys: keysFrom(secret, challenge) };
  },

  failureMessage: ({ retry, nextChallenge }) =>
    formatMschapFailure({
      error: MschapError.authenticationFailure,
      retry,
      challenge: nextChallenge,
      version: PASSWORD_CHANGE_VERSION,
    }),

  respond({ challenge, secret }) {
    if (challenge.length !== MSCHAPV1_CHALLENGE_LENGTH) return undefined;
    return {
      value: encodeMschapV1Response(ntChallengeResponse(challenge, secret)),
      // MS-CHAPv1 has no mutual authentication: any Success for our Response is accepted.
      success: () => ({ ok: true, keys: keysFrom(secret, challenge) }),
    };
  },

  retryChallenge(message, lastChallenge) {
    const failure = parseMschapFailure(message);
    if (!failure?.retry) return undefined;
    if (failure.challenge) {
      return failure.challenge.length === MSCHAPV1_CHALLENGE_LENGTH ? failure.challenge : undefined;
    }
    const implied = lastChallenge.slice();
    implied[0] = ((implied[0] ?? 0) + IMPLIED_CHALLENGE_STEP) & 0xff;
    return implied;
  },
};
