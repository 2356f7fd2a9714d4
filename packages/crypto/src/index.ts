// @switchyard/crypto: the legacy primitives PPTP needs (MD4, DES, SHA-1, RC4), MS-CHAPv1/v2
// (RFC 2433, RFC 2759) and MPPE key derivation and key changes (RFC 3078, RFC 3079). Pure code, no I/O.
export { nativeSupport, type NativeSupport } from './native.js';
export { md4, md4Pure, md4Native } from './md4.js';
export {
  desEncryptBlock,
  desEncryptBlockPure,
  desEncryptBlockNative,
  desEncrypt7,
  expandDesKey,
} from './des.js';
export { Sha1, sha1 } from './sha1.js';
export { Rc4, rc4, type Rc4Stream } from './rc4.js';
export { NativeRc4, createRc4, type Rc4Implementation } from './rc4-native.js';
export { constantTimeEqual } from './bytes.js';

export {
  ntPasswordHash,
  hashNtPasswordHash,
  lmPasswordHash,
  toNtPasswordHash,
  type NtSecret,
} from './mschap/password-hash.js';
export { challengeResponse } from './mschap/challenge-response.js';
export {
  challengeHash,
  generateNtResponse,
  generateAuthenticatorResponse,
  authenticatorResponseFromHashHash,
  checkAuthenticatorResponse,
  verifyMschapV2Response,
  type MschapV2Challenges,
  type AuthenticatorResponse,
  type MschapV2Verdict,
} from './mschap/mschap-v2.js';
export { ntChallengeResponse, lmChallengeResponse, verifyMschapV1Response } from './mschap/mschap-v1.js';

export {
  mppeKeyLength,
  getNewKeyFromSha,
  reduceKeyStrength,
  initialSessionKey,
  changeSessionKey,
  type MppeStrength,
} from './mppe/key-change.js';
export {
  MppeKeySchedule,
  createPureMppeKeySchedule,
  checkMppeRange,
  type MppeKeyScheduleLike,
  type MppeKeyScheduleFactory,
} from './mppe/key-schedule.js';
export {
  getMasterKey,
  getAsymmetricStartKey,
  deriveMppeKeysV2,
  type MppeKeys,
  type MppeRole,
} from './mppe/keys-v2.js';
export { getStartKey, deriveMppeKeysV1, lmStartKey } from './mppe/keys-v1.js';
