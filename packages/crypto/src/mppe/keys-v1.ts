// MPPE start keys from MS-CHAPv1 credentials (RFC 3079 §2): Get_Start_Key from the NT password hash
// hash and the authenticator's challenge, or the LM hash that RFC 3079 §2.1-2.2 use for 40/56-bit.
import { requireLength } from '../bytes.js';
import { Sha1 } from '../sha1.js';
import type { MppeKeys } from './keys-v2.js';

/** Get_Start_Key (RFC 3079 §2.4): first 16 bytes of SHA1(PasswordHashHash ‖ PasswordHashHash ‖ Challenge). */
export function getStartKey(challenge: Uint8Array, passwordHashHash: Uint8Array): Uint8Array {
  requireLength('PasswordHashHash', passwordHashHash, 16);
  return new Sha1()
    .update(passwordHashHash)
    .update(passwordHashHash)
    .update(requireLength('Challenge', challenge, 8))
    .final()
    .slice(0, 16);
}

/**
 * Start keys for MS-CHAPv1, as pppd derives them (`mppe_set_keys`): Get_Start_Key for every strength
 * and the same key in both directions (RFC 3079 §2, Implementation Note). `MppeKeySchedule` takes the
 * first 8 bytes for 40/56-bit.
 */
export function deriveMppeKeysV1(input: {
  readonly challenge: Uint8Array;
  readonly passwordHashHash: Uint8Array;
}): MppeKeys {
  const key = getStartKey(input.challenge, input.passwordHashHash);
  return { sendKey: key, receiveKey: key.slice() };
}

/**
 * The 40/56-bit start key RFC 3079 §2.1-2.2 specify (and Windows uses): the first 8 bytes of the
 * LmPasswordHash. Not what pppd does; offered for peers that insist on the RFC.
 */
export function lmStartKey(lmPasswordHash: Uint8Array): Uint8Array {
  // Uint8Array.from copies even when handed a Buffer, whose slice() would be a view.
  return Uint8Array.from(requireLength('LmPasswordHash', lmPasswordHash, 16).subarray(0, 8));
}
