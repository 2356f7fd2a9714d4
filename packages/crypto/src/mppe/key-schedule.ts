// Per-direction MPPE key state (RFC 3078 §5, §7, §8): the session key, its changes, and the RC4 tables
// keyed with it. The MPPE plugin keeps one per direction and decides when to change keys.
import { Rc4 } from '../rc4.js';
import { sha1Short } from '../sha1-short.js';
import { keyChangeInput, mppeKeyLength, reduceKeyStrength, type MppeStrength } from './key-change.js';

/**
 * What an MPPE key schedule offers: this pure one (the reference) and @switchyard/crypto-native's C
 * twin both implement it, so the MPPE plugin's machines take either through a factory.
 */
export interface MppeKeyScheduleLike {
  readonly strength: MppeStrength;
  /** 8 or 16 bytes. */
  readonly keyLength: 8 | 16;
  /** A copy of the current session key. */
  readonly sessionKey: Uint8Array;
  /** `times` key changes (RFC 3078 §7.3, default 1), then the RC4 tables re-keyed; 0 changes nothing. */
  rekey(times?: number): void;
  /** Re-initialises the RC4 tables from the current session key (RFC 3078 §8.2). */
  resetCipher(): void;
  /** RC4 with the running keystream into `output` (default: a new array); `output` may be `input`. */
  update(input: Uint8Array, output?: Uint8Array): Uint8Array;
  /**
   * `rekey(times)` (default 1), then RC4 over `data[offset, offset + length)` (default: from `offset` to
   * the end): in place, or with `output` into `output[0, length)`, `data` left as it was. A stateless
   * packet's whole work in one call, which for the native schedule is one crossing into the addon
   * instead of two; `output` lets a receiver decrypt a frame it must not modify without copying it
   * first. Byte by byte in order, like `update`, so `output` may overlap `data`. Arguments are checked
   * before anything changes.
   */
  rekeyAndUpdate(
    data: Uint8Array,
    offset?: number,
    length?: number,
    times?: number,
    output?: Uint8Array,
  ): void;
}

/** Builds a schedule for one direction: see `MppeKeySchedule`'s constructor. */
export type MppeKeyScheduleFactory = (startKey: Uint8Array, strength: MppeStrength) => MppeKeyScheduleLike;

/** The pure TypeScript schedule as a factory. */
export const createPureMppeKeySchedule: MppeKeyScheduleFactory = (startKey, strength) =>
  new MppeKeySchedule(startKey, strength);

/** Checks a [offset, offset + length) range of `data` as the native schedule does; returns the length. */
export function checkMppeRange(data: Uint8Array, offset: number, length: number | undefined): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > data.length) {
    throw new RangeError(`offset must be an integer from 0 to ${data.length}, got ${offset}`);
  }
  const rest = data.length - offset;
  if (length === undefined) return rest;
  if (!Number.isInteger(length) || length < 0 || length > rest) {
    throw new RangeError(`length must be an integer from 0 to ${rest}, got ${length}`);
  }
  return length;
}

/**
 * One direction's MPPE keys and RC4 state. Construction derives the initial session key
 * (`initialSessionKey`, no RC4 step) and keys the RC4 tables with it.
 *
 * - Stateless mode (RFC 3078 §7.1): `rekey()` before every packet, then `update()`; a receiver that
 *   sees the coherency count jump by N calls `rekey(N)` (§8.1).
 * - Stateful mode (§7.2): `update()` continues the keystream; `rekey()` on a "flag" packet
 *   (coherency count low byte 0xFF); `resetCipher()` when a FLUSHED packet arrives or a CCP
 *   Reset-Request is received (§8.2). Linux rekeys on a Reset-Request instead; call `rekey()` to match.
 */
export class MppeKeySchedule implements MppeKeyScheduleLike {
  readonly strength: MppeStrength;
  /** 8 or 16 bytes. */
  readonly keyLength: 8 | 16;
  /**
   * StartKey ‖ SHApad1 ‖ SessionKey ‖ SHApad2: the SHA-1 input of every key change, kept whole so a
   * change hashes it in place. The current session key lives inside it.
   */
  private readonly shaInput: Uint8Array;
  private readonly current: Uint8Array;
  /** SHA-1 output of the last key change, reused: stateless MPPE changes keys before every packet. */
  private readonly digest = new Uint8Array(20);
  private readonly interim: Uint8Array;
  private readonly cipher = new Rc4();

  /**
   * @param startKey the direction's master key (RFC 3079 MasterSendKey/MasterReceiveKey); only its
   *   first `mppeKeyLength(strength)` bytes count, so the 16-byte keys of `deriveMppeKeysV2` serve all strengths.
   */
  constructor(startKey: Uint8Array, strength: MppeStrength) {
    this.strength = strength;
    this.keyLength = mppeKeyLength(strength);
    if (startKey.length < this.keyLength) {
      throw new RangeError(`MPPE start key must be at least ${this.keyLength} bytes, got ${startKey.length}`);
    }
    this.shaInput = keyChangeInput(startKey, startKey, this.keyLength);
    this.current = this.shaInput.subarray(this.keyLength + 40, 2 * this.keyLength + 40);
    this.interim = this.digest.subarray(0, this.keyLength);
    this.current.set(sha1Short(this.shaInput, this.digest).subarray(0, this.keyLength));
    reduceKeyStrength(this.current, strength);
    this.cipher.setKey(this.current);
  }

  /** A copy of the current session key. */
  get sessionKey(): Uint8Array {
    return this.current.slice();
  }

  /** Changes the session key `times` times (RFC 3078 §7.3) and re-keys the RC4 tables with the result. */
  rekey(times = 1): void {
    if (!Number.isInteger(times) || times < 0) throw new RangeError(`rekey count must be ≥ 0, got ${times}`);
    if (times === 0) return;
    const { current, interim } = this;
    for (let n = 0; n < times; n++) {
      sha1Short(this.shaInput, this.digest);
      // SessionKey = RC4(Interim, Interim), written straight into the SHA input for the next change.
      this.cipher.setKey(interim).update(interim, current);
      reduceKeyStrength(current, this.strength);
    }
    this.cipher.setKey(current);
  }

  /** Re-initialises the RC4 tables from the current session key, without changing it (RFC 3078 §8.2). */
  resetCipher(): void {
    this.cipher.setKey(this.current);
  }

  /** Encrypts or decrypts with the running keystream; `output` may be `input` (see `Rc4Stream.update`). */
  update(input: Uint8Array, output?: Uint8Array): Uint8Array {
    return this.cipher.update(input, output);
  }

  rekeyAndUpdate(data: Uint8Array, offset = 0, length?: number, times = 1, output?: Uint8Array): void {
    const count = checkMppeRange(data, offset, length);
    if (output !== undefined && output.length < count) {
      throw new RangeError(`MPPE output (${output.length} bytes) is shorter than the range (${count})`);
    }
    this.rekey(times);
    const view = data.subarray(offset, offset + count);
    this.cipher.update(view, output ?? view);
  }
}
