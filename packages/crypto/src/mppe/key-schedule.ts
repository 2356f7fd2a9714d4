// Per-direction MPPE key state (RFC 3078 §5, §7, §8): the session key, its changes, and the RC4 tables
// keyed with it. The MPPE plugin keeps one per direction and decides when to change keys.
import { Rc4 } from '../rc4.js';
import { sha1Short } from '../sha1-short.js';
import { keyChangeInput, mppeKeyLength, reduceKeyStrength, type MppeStrength } from './key-change.js';

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
export class MppeKeySchedule {
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
}
