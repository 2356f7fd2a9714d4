// MS-CHAPv2 (RFC 2759) as a CHAP digest: 16-byte challenges, the 49-byte Response (§4), Success
// "S=<AuthenticatorResponse> M=Access granted" (§5, pppd's text), Failure "E=691 R= C= V=3 M=" (§6),
// and the peer's check of S= (§8.8). MPPE key material: GetMasterKey (RFC 3079 §3.4).
import type { MppeKeyMaterial } from '@switchyard/core';
import {
  checkAuthenticatorResponse,
  generateNtResponse,
  getMasterKey,
  hashNtPasswordHash,
  ntPasswordHash,
  verifyMschapV2Response,
} from '@switchyard/crypto';
import {
  type ChapDigest,
  MSCHAPV2_CHALLENGE_LENGTH,
  MschapError,
  decodeMschapV2Response,
  encodeMschapV2Response,
  formatMschapFailure,
  formatMschapV2Success,
  parseMschapFailure,
} from '@switchyard/ppp/auth';

/** pppd's texts (chap_ms.c chapms2_verify_response). */
const GRANTED = 'Access granted';
const DENIED = 'Access denied';
/** RFC 2759 §6: "For MS-CHAP-V2, this value SHOULD always be 3" (pppd sends 0). */
const PASSWORD_CHANGE_VERSION = 3;

// The master key lives as long as the session (CCP may renegotiate): copied out of the hash's buffer
// into an array small enough for V8 to keep inside the heap object, with no ArrayBuffer of its own
// (~170 bytes less per session). Whoever hands it to native code copies it first (MPPE's startKeys).
const keysFrom = (passwordHashHash: Uint8Array, ntResponse: Uint8Array): MppeKeyMaterial => ({
  kind: 'mschapv2',
  masterKey: Uint8Array.from(getMasterKey(passwordHashHash, ntResponse)),
});

export const mschapV2Digest: ChapDigest = {
  name: 'MS-v2',
  algorithm: 0x81,
  retries: true,

  challenge: (random) => random(MSCHAPV2_CHALLENGE_LENGTH),

  verify({ challenge, response, name, secret }) {
    const value = decodeMschapV2Response(response);
    if (!value.ok) return { ok: false, code: 'malformed', reason: value.error.message };
    const { peerChallenge, ntResponse, flags } = value.value;
    const verdict = verifyMschapV2Response({
      authenticatorChallenge: challenge,
      peerChallenge,
      userName: name, // as sent: ChallengeHash drops any "DOMAIN\" itself (RFC 2759 §8.2)
      secret,
      ntResponse,
    });
    if (!verdict.ok)
      return { ok: false, code: 'wrong-secret', reason: 'NT-Response does not match the secret' };
    // pppd leaves out " M=…" when the peer set the (reserved) Flags octet; we send what pppd sends.
    const text = verdict.authenticatorResponse.text;
    return {
      ok: true,
      message: formatMschapV2Success(text, flags === 0 ? GRANTED : undefined),
      keys: keysFrom(verdict.passwordHashHash, ntResponse),
    };
  },

  failureMessage: ({ retry, nextChallenge }) =>
    formatMschapFailure({
      error: MschapError.authenticationFailure,
      retry,
      challenge: nextChallenge,
      version: PASSWORD_CHANGE_VERSION,
      message: DENIED,
    }),

  respond({ challenge, name, secret, random }) {
    if (challenge.length !== MSCHAPV2_CHALLENGE_LENGTH) return undefined;
    const peerChallenge = random(MSCHAPV2_CHALLENGE_LENGTH);
    const input = { authenticatorChallenge: challenge, peerChallenge, userName: name };
    const ntResponse = generateNtResponse({ ...input, secret });
    return {
      value: encodeMschapV2Response({ peerChallenge, ntResponse, flags: 0 }),
      // RFC 2759 §5: "If the authenticator response is either missing or incorrect, the peer MUST end
      // the session."
      success(message) {
        if (!checkAuthenticatorResponse({ ...input, secret, ntResponse, received: message })) {
          return {
            ok: false,
            reason: `authenticator response missing or wrong in Success "${message.slice(0, 64)}"`,
          };
        }
        return { ok: true, keys: keysFrom(hashNtPasswordHash(ntPasswordHash(secret)), ntResponse) };
      },
    };
  },

  retryChallenge(message) {
    const failure = parseMschapFailure(message);
    // RFC 2759 §6: C= "MUST be exactly 32 octets long"; without it there is nothing to answer.
    if (!failure?.retry || failure.challenge?.length !== MSCHAPV2_CHALLENGE_LENGTH) return undefined;
    return failure.challenge;
  },
};
