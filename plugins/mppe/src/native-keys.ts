// The key schedules the MPPE data path runs on outside tests: @switchyard/crypto-native's C twin of the
// pure MppeKeySchedule (the data path's hottest code: RC4 and stateless MPPE's per-packet key change).
// Plugin layer, not machine/: the machines stay pure and take the schedule factory as an argument.
import type { MppeKeyScheduleFactory } from '@switchyard/crypto';
import { createNativeMppeKeySchedule, cryptoNative } from '@switchyard/crypto-native';

/**
 * The native schedule factory, after loading the addon: throws CryptoNativeUnavailableError (code
 * SY_ERR_NATIVE_UNAVAILABLE, saying how to build it) rather than fall back to the slower pure path.
 */
export function nativeKeySchedules(): MppeKeyScheduleFactory {
  cryptoNative();
  return createNativeMppeKeySchedule;
}
