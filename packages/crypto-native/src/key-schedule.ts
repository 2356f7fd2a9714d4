// The native MPPE key schedule: @switchyard/crypto's MppeKeySchedule with the key changes and RC4 in C
// (native/mppe.c). The state lives in a Uint8Array this object owns, so a call allocates nothing and
// the session key is read without crossing into the addon.
import {
  mppeKeyLength,
  type MppeKeyScheduleFactory,
  type MppeKeyScheduleLike,
  type MppeStrength,
} from '@switchyard/crypto';
import { cryptoNative, type CryptoNativeAddon } from './native.js';

/**
 * One direction's MPPE keys and RC4 state, byte for byte what the pure `MppeKeySchedule` (the
 * reference it is tested against) computes. Throws `CryptoNativeUnavailableError` when the addon is
 * missing, RangeError for a short start key or a strength MPPE does not define.
 */
export class NativeMppeKeySchedule implements MppeKeyScheduleLike {
  readonly strength: MppeStrength;
  readonly keyLength: 8 | 16;
  private readonly native: CryptoNativeAddon;
  private readonly state: Uint8Array;
  private readonly keyAt: number;

  constructor(startKey: Uint8Array, strength: MppeStrength) {
    const native = cryptoNative();
    this.native = native;
    // A fresh array: its backing store is aligned for the 32-bit RC4 table the addon keeps in it.
    this.state = new Uint8Array(native.stateBytes);
    native.init(this.state, startKey, strength);
    this.strength = strength;
    this.keyLength = mppeKeyLength(strength);
    this.keyAt = native.sessionKeyOffset + this.keyLength;
  }

  get sessionKey(): Uint8Array {
    return this.state.slice(this.keyAt, this.keyAt + this.keyLength);
  }

  rekey(times = 1): void {
    // Stateful receivers ask for 0 changes on most packets: no crossing for nothing.
    if (times === 0) return;
    this.native.rekey(this.state, times);
  }

  resetCipher(): void {
    this.native.resetCipher(this.state);
  }

  update(input: Uint8Array, output: Uint8Array = new Uint8Array(input.length)): Uint8Array {
    this.native.update(this.state, input, output);
    return output;
  }

  rekeyAndUpdate(data: Uint8Array, offset?: number, length?: number, times?: number): void {
    this.native.rekeyAndUpdate(this.state, data, offset, length, times);
  }
}

/** The native schedule as a factory, for the MPPE plugin's machines. */
export const createNativeMppeKeySchedule: MppeKeyScheduleFactory = (startKey, strength) =>
  new NativeMppeKeySchedule(startKey, strength);
