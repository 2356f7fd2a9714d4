// MS-CHAPv2 responses (RFC 2759 §8.1-8.2, §8.7-8.8): the peer's 24-byte NT-Response and the
// authenticator's "S=" response that proves to the peer that the server knows the password too.
import { constantTimeEqual, requireLength, textBytes, toHexUpper } from '../bytes.js';
import { Sha1 } from '../sha1.js';
import { challengeResponse } from './challenge-response.js';
import { hashNtPasswordHash, toNtPasswordHash, type NtSecret } from './password-hash.js';

/** The values of one MS-CHAPv2 exchange that every computation hashes. */
export interface MschapV2Challenges {
  /** The 16 bytes of the authenticator's Challenge packet. */
  readonly authenticatorChallenge: Uint8Array;
  /** The 16-byte Peer-Challenge of the peer's Response packet. */
  readonly peerChallenge: Uint8Array;
  /** The Name field of the peer's Response; a "DOMAIN\" prefix is skipped (RFC 2759 §8.2). */
  readonly userName: string | Uint8Array;
}

/** The authenticator response both as sent ("S=" + 40 uppercase hex digits) and as raw digest. */
export interface AuthenticatorResponse {
  readonly text: string;
  readonly bytes: Uint8Array;
}

const BACKSLASH = 0x5c;

/** ChallengeHash (RFC 2759 §8.2): first 8 bytes of SHA1(PeerChallenge ‖ AuthenticatorChallenge ‖ UserName). */
export function challengeHash(
  peerChallenge: Uint8Array,
  authenticatorChallenge: Uint8Array,
  userName: string | Uint8Array,
): Uint8Array {
  const name = textBytes(userName);
  // "Only the user name (as presented by the peer and excluding any prepended domain name)": pppd
  // skips up to the last backslash, as Windows peers send "DOMAIN\user".
  const user = name.subarray(name.lastIndexOf(BACKSLASH) + 1);
  const digest = new Sha1()
    .update(requireLength('PeerChallenge', peerChallenge, 16))
    .update(requireLength('AuthenticatorChallenge', authenticatorChallenge, 16))
    .update(user)
    .final();
  return digest.slice(0, 8);
}

function challengeOf(input: MschapV2Challenges): Uint8Array {
  return challengeHash(input.peerChallenge, input.authenticatorChallenge, input.userName);
}

/** GenerateNTResponse (RFC 2759 §8.1): what the peer sends, and what the authenticator expects. */
export function generateNtResponse(input: MschapV2Challenges & { readonly secret: NtSecret }): Uint8Array {
  return challengeResponse(challengeOf(input), toNtPasswordHash(input.secret));
}

/** RFC 2759 §8.7 "Magic server to client signing constant". */
const MAGIC1 = textBytes('Magic server to client signing constant');
/** RFC 2759 §8.7 "Pad to make it do more than one iteration". */
const MAGIC2 = textBytes('Pad to make it do more than one iteration');

/**
 * GenerateAuthenticatorResponse (RFC 2759 §8.7) from the password hash hash, for callers (the
 * authenticator) that already computed it for MPPE.
 */
export function authenticatorResponseFromHashHash(
  input: MschapV2Challenges & { readonly passwordHashHash: Uint8Array; readonly ntResponse: Uint8Array },
): AuthenticatorResponse {
  const digest = new Sha1()
    .update(requireLength('PasswordHashHash', input.passwordHashHash, 16))
    .update(requireLength('NT-Response', input.ntResponse, 24))
    .update(MAGIC1)
    .final();
  const bytes = new Sha1().update(digest).update(challengeOf(input)).update(MAGIC2).final();
  return { text: `S=${toHexUpper(bytes)}`, bytes };
}

/** GenerateAuthenticatorResponse (RFC 2759 §8.7). */
export function generateAuthenticatorResponse(
  input: MschapV2Challenges & { readonly secret: NtSecret; readonly ntResponse: Uint8Array },
): AuthenticatorResponse {
  const passwordHashHash = hashNtPasswordHash(toNtPasswordHash(input.secret));
  return authenticatorResponseFromHashHash({ ...input, passwordHashHash });
}

/**
 * CheckAuthenticatorResponse (RFC 2759 §8.8), the peer's side: `received` is the Success message;
 * its first 42 characters must be "S=" and the expected 40 hex digits (text after them, such as
 * " M=…", is ignored). Hex case is not significant.
 */
export function checkAuthenticatorResponse(
  input: MschapV2Challenges & {
    readonly secret: NtSecret;
    readonly ntResponse: Uint8Array;
    readonly received: string;
  },
): boolean {
  const match = /^S=([0-9A-Fa-f]{40})/.exec(input.received);
  if (match === null) return false;
  const hexDigits = match[1] as string;
  const received = new Uint8Array(20);
  for (let i = 0; i < 20; i++) received[i] = parseInt(hexDigits.slice(2 * i, 2 * i + 2), 16);
  return constantTimeEqual(generateAuthenticatorResponse(input).bytes, received);
}

/** Outcome of checking a peer's MS-CHAPv2 Response on the authenticator. */
export type MschapV2Verdict =
  | { readonly ok: false }
  | {
      readonly ok: true;
      /** Goes into the Success packet's message. */
      readonly authenticatorResponse: AuthenticatorResponse;
      /** Input to MPPE key derivation (RFC 3079 §3), so it need not be recomputed. */
      readonly passwordHashHash: Uint8Array;
    };

/**
 * The authenticator's whole job (RFC 2759 §5-6): compare the peer's NT-Response with the expected one
 * in constant time and, if they match, build the authenticator response.
 */
export function verifyMschapV2Response(
  input: MschapV2Challenges & { readonly secret: NtSecret; readonly ntResponse: Uint8Array },
): MschapV2Verdict {
  requireLength('NT-Response', input.ntResponse, 24);
  const passwordHash = toNtPasswordHash(input.secret);
  const expected = challengeResponse(challengeOf(input), passwordHash);
  if (!constantTimeEqual(expected, input.ntResponse)) return { ok: false };
  const passwordHashHash = hashNtPasswordHash(passwordHash);
  return {
    ok: true,
    authenticatorResponse: authenticatorResponseFromHashHash({ ...input, passwordHashHash }),
    passwordHashHash,
  };
}
