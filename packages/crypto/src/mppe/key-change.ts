// MPPE key-change primitives: GetNewKeyFromSHA (RFC 3078 §7.3, = Get_Key of RFC 3079 §2.4), the
// 40/56-bit strength reduction (RFC 3078 §7.3, RFC 3079 §2.1-2.2, §3.1-3.2) and one full key change.
import { requireLength } from '../bytes.js';
import { rc4 } from '../rc4.js';
import { sha1Digest } from '../sha1.js';

/** Effective MPPE key strength in bits, as negotiated in CCP (RFC 3078 §2). */
export type MppeStrength = 40 | 56 | 128;

/** Session keys are 8 bytes for 40- and 56-bit MPPE and 16 bytes for 128-bit (RFC 3078 §7.3). */
export function mppeKeyLength(strength: MppeStrength): 8 | 16 {
  return strength === 128 ? 16 : 8;
}

/** SHApad1: 40 zero bytes. */
export const SHA_PAD1: Uint8Array = new Uint8Array(40);
/** SHApad2: 40 bytes of 0xF2. */
export const SHA_PAD2: Uint8Array = new Uint8Array(40).fill(0xf2);

/** Writes StartKey ‖ SHApad1 ‖ SessionKey ‖ SHApad2, the SHA-1 input of GetNewKeyFromSHA. */
export function keyChangeInput(startKey: Uint8Array, sessionKey: Uint8Array, keyLength: number): Uint8Array {
  const input = new Uint8Array(2 * keyLength + 80);
  input.set(startKey.subarray(0, keyLength), 0);
  input.set(SHA_PAD1, keyLength);
  input.set(sessionKey.subarray(0, keyLength), keyLength + 40);
  input.set(SHA_PAD2, 2 * keyLength + 40);
  return input;
}

/**
 * GetNewKeyFromSHA (RFC 3078 §7.3): the interim key, first `keyLength` bytes of
 * SHA1(StartKey ‖ SHApad1 ‖ SessionKey ‖ SHApad2). Keys longer than `keyLength` are truncated, as the
 * Linux kernel does with the 16-byte master keys pppd hands it for 40-bit MPPE.
 */
export function getNewKeyFromSha(
  startKey: Uint8Array,
  sessionKey: Uint8Array,
  keyLength: 8 | 16,
): Uint8Array {
  checkKey('StartKey', startKey, keyLength);
  checkKey('SessionKey', sessionKey, keyLength);
  // A copy into a plain Uint8Array: slicing node's Buffer would return a view, not a copy.
  return Uint8Array.from(sha1Digest(keyChangeInput(startKey, sessionKey, keyLength)).subarray(0, keyLength));
}

function checkKey(name: string, key: Uint8Array, keyLength: number): void {
  if (key.length < keyLength) requireLength(name, key, keyLength);
}

/**
 * Lowers the effective strength in place (RFC 3078 §7.3): 40-bit keys start D1 26 9E, 56-bit keys D1;
 * 128-bit keys are left alone. Returns `key`.
 */
export function reduceKeyStrength(key: Uint8Array, strength: MppeStrength): Uint8Array {
  if (strength === 128) return key;
  key[0] = 0xd1;
  if (strength === 40) {
    key[1] = 0x26;
    key[2] = 0x9e;
  }
  return key;
}

/**
 * The initial session key: GetNewKeyFromSHA(StartKey, StartKey) reduced, WITHOUT the RC4 step of a
 * later key change. RFC 3079's samples (§2.5, §3.5) and Linux ppp_mppe (`mppe_rekey(state, 1)`) do
 * this; applying RC4 here too is a classic interop bug.
 */
export function initialSessionKey(startKey: Uint8Array, strength: MppeStrength): Uint8Array {
  const keyLength = mppeKeyLength(strength);
  return reduceKeyStrength(getNewKeyFromSha(startKey, startKey, keyLength), strength);
}

/**
 * One key change (RFC 3078 §7.3): Interim = GetNewKeyFromSHA(StartKey, SessionKey), then
 * SessionKey = RC4(Interim, Interim), then the strength reduction. Stateless; `MppeKeySchedule` does
 * the same without allocating.
 */
export function changeSessionKey(
  startKey: Uint8Array,
  sessionKey: Uint8Array,
  strength: MppeStrength,
): Uint8Array {
  const interim = getNewKeyFromSha(startKey, sessionKey, mppeKeyLength(strength));
  return reduceKeyStrength(rc4(interim, interim), strength);
}
