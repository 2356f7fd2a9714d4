// The native MPPE key schedule: @switchyard/crypto's MppeKeySchedule with the key changes and RC4 in C
// (native/mppe.c). The state lives in a Uint8Array this object owns, so a call allocates nothing and
// the session key is read without crossing into the addon. It starts as the header alone (136 bytes:
// keys, no RC4 table, which the addon keys from the session key when first needed), grows to one table
// (1.2 KB) at the first data and to two (2.2 KB) at the first stateless packet, the only user of the
// second one: idle sessions carry no table, stateful directions never the second.
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
  private state: Uint8Array;
  private readonly keyAt: number;

  constructor(startKey: Uint8Array, strength: MppeStrength) {
    const native = cryptoNative();
    this.native = native;
    // A fresh array: its backing store is aligned for the 32-bit RC4 table the addon keeps in it.
    this.state = new Uint8Array(native.headerStateBytes);
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
    this.native.rekey(this.withTable(), times);
  }

  resetCipher(): void {
    this.native.resetCipher(this.withTable());
  }

  update(input: Uint8Array, output: Uint8Array = new Uint8Array(input.length)): Uint8Array {
    this.native.update(this.withTable(), input, output);
    return output;
  }

  rekeyAndUpdate(
    data: Uint8Array,
    offset?: number,
    length?: number,
    times?: number,
    output?: Uint8Array,
  ): void {
    // A key change here (times defaults to 1) is stateless MPPE: from now on the next one is prepared.
    const state = times === 0 ? this.withTable() : this.grown(this.native.stateBytes);
    this.native.rekeyAndUpdate(state, data, offset, length, times, output);
  }

  /** Whether the second RC4 table (the look-ahead key change) has been allocated; for tests. */
  get lookAhead(): boolean {
    return this.state.length === this.native.stateBytes;
  }

  /** Bytes of state held now: the header, one table or two (tests, memory accounting). */
  get heldBytes(): number {
    return this.state.length;
  }

  private withTable(): Uint8Array {
    return this.state.length === this.native.headerStateBytes
      ? this.grown(this.native.compactStateBytes)
      : this.state;
  }

  /** The state with room for `bytes` at least; the smaller layouts are prefixes of the larger (mppe.h). */
  private grown(bytes: number): Uint8Array {
    if (this.state.length >= bytes) return this.state;
    const larger = new Uint8Array(bytes);
    larger.set(this.state);
    this.state = larger;
    return larger;
  }
}

/** The native schedule as a factory, for the MPPE plugin's machines. */
export const createNativeMppeKeySchedule: MppeKeyScheduleFactory = (startKey, strength) =>
  new NativeMppeKeySchedule(startKey, strength);
