// @switchyard/crypto-native: the MPPE data path's crypto (RFC 3078 key changes and RC4) in C, behind the
// same MppeKeyScheduleLike interface as @switchyard/crypto's pure TypeScript reference.
export { NativeMppeKeySchedule, createNativeMppeKeySchedule } from './key-schedule.js';
export {
  cryptoNative,
  loadCryptoNative,
  CryptoNativeUnavailableError,
  type CryptoNativeAddon,
} from './native.js';
