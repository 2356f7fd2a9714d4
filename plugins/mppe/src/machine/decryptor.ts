// The receiving half of MPPE (RFC 3078 §3.1, §7, §8): header checks, coherency-count synchronisation
// (stateless N key changes with late-packet discard; stateful discard-until-FLUSHED) and decryption,
// with Linux ppp_mppe.c's sanity counter (mppe_decompress).
import { createPureMppeKeySchedule, type MppeKeyScheduleLike } from '@switchyard/crypto';
import {
  COHERENCY_MASK,
  COHERENCY_SPACE,
  MPPE_HEADER_LENGTH,
  MPPE_MIN_PAYLOAD,
  MppeFlag,
  coherencyDistance,
  isMppeCovered,
} from '../codec/mppe-header.js';
import type { MppeCipherOptions } from './encryptor.js';
import type { MppeCounters } from './counters.js';

/** Why a packet was not decrypted. */
export type MppeDropReason =
  | 'malformed'
  | 'bad-header'
  | 'late'
  | 'duplicate'
  /** Stateful: a gap in the coherency count; the caller sends a CCP Reset-Request (§8.2). */
  | 'lost'
  /** Stateful: still waiting for a FLUSHED packet; the caller may repeat the Reset-Request. */
  | 'discarding'
  | 'bad-inner-protocol';

/** Linux SANITY_MAX: this many error points close the link (pppd "Too many MPPE errors"). */
export const SANITY_MAX = 1600;
/** Points per packet with impossible header bits (Linux: +100 each, halved by every good packet). */
const BAD_HEADER_POINTS = 100;
/** Linux ("discard late packet in stateless mode") counts a late packet once: +1. */
const LATE_POINTS = 1;

/** Number of "flag" counts (low octet 0xFF) among the `distance` counts from `from` on. */
export function flagCountsBetween(from: number, distance: number): number {
  const first = (0xff - (from & 0xff)) & 0xff;
  return first < distance ? 1 + Math.floor((distance - 1 - first) / 256) : 0;
}

/**
 * One direction's decryptor. `decrypt` returns the inner PPP frame (protocol field, 1 or 2 octets, then
 * data: Linux accepts a PFC-compressed inner protocol) in a new buffer, or why it was dropped.
 *
 * - Stateless (§8.1): N = (cc − last) mod 4096 key changes before decrypting. N = 0 is a duplicate and
 *   N > 2048 a late packet: both are dropped, since following them would take up to 4095 key changes
 *   and leave us behind the sender for good (Linux "discard late packet in stateless mode").
 * - Stateful (§8.2): any gap enters the discard state (Reset-Request, drop everything) until a FLUSHED
 *   packet arrives; then one key change per flag count missed, and the packet's own resynchronisation:
 *   a key change for every FLUSHED packet (Linux, the sender rekeys on Reset-Request) or, in 'rfc3078'
 *   mode, a key change on flag packets and a table re-initialisation on other FLUSHED ones.
 */
export class MppeDecryptor {
  private readonly keys: MppeKeyScheduleLike;
  private readonly stateless: boolean;
  private readonly linux: boolean;
  private readonly counters: MppeCounters;
  private coherencyCount = COHERENCY_MASK;
  private discarding = false;
  private sanity = 0;
  /** Stateless: key changes the packet being opened needs, made in the same call as its decryption. */
  private pendingRekeys = 0;

  constructor(options: MppeCipherOptions) {
    this.keys = (options.createKeySchedule ?? createPureMppeKeySchedule)(options.startKey, options.strength);
    this.stateless = options.stateless;
    this.linux = (options.resync ?? 'linux') === 'linux';
    this.counters = options.counters;
  }

  /** Error points (Linux sanity_errors); at SANITY_MAX the session must end. */
  get sanityErrors(): number {
    return this.sanity;
  }

  get fatal(): boolean {
    return this.sanity >= SANITY_MAX;
  }

  /** Stateful: waiting for a FLUSHED packet. */
  get isDiscarding(): boolean {
    return this.discarding;
  }

  /**
   * `payload` is what follows protocol 0x00FD: header and encrypted bytes; it is not modified. With `into`
   * (large enough) the frame is decrypted there: no allocation, and the result is valid only until `into`
   * is written again (the data path delivers it during the call); otherwise into a new buffer.
   */
  decrypt(payload: Uint8Array, into?: Uint8Array): Uint8Array | MppeDropReason {
    if (payload.length < MPPE_MIN_PAYLOAD) {
      this.counters.malformed++;
      return 'malformed';
    }
    const flags = (payload[0] as number) & 0xf0;
    const count = (((payload[0] as number) & 0x0f) << 8) | (payload[1] as number);
    const flushed = (flags & MppeFlag.FLUSHED) !== 0;
    // B and C have "no significance in MPPE" (§3.1) and are ignored, as Linux does.
    if ((flags & MppeFlag.ENCRYPTED) === 0) return this.bad('bad-header', BAD_HEADER_POINTS);
    const sync = this.stateless ? this.syncStateless(count, flushed) : this.syncStateful(count, flushed);
    if (sync !== undefined) return sync;
    return this.open(payload, into);
  }

  private syncStateless(count: number, flushed: boolean): MppeDropReason | undefined {
    if (!flushed) return this.bad('bad-header', BAD_HEADER_POINTS); // A on every stateless packet (§3.1)
    const distance = coherencyDistance(this.coherencyCount, count);
    if (distance === 0) {
      this.counters.duplicate++;
      return 'duplicate';
    }
    if (distance > COHERENCY_SPACE / 2) return this.bad('late', LATE_POINTS);
    this.counters.lost += distance - 1;
    this.pendingRekeys = distance;
    this.coherencyCount = count;
    return undefined;
  }

  private syncStateful(count: number, flushed: boolean): MppeDropReason | undefined {
    const flag = (count & 0xff) === 0xff;
    // Linux checks this; an RFC sender re-initialises on a flag packet too, but need not say so.
    if (this.linux && flag && !flushed) return this.bad('bad-header', BAD_HEADER_POINTS);
    const expected = (this.coherencyCount + 1) & COHERENCY_MASK;
    if (!this.discarding) {
      if (count !== expected) {
        this.discarding = true;
        this.coherencyCount = expected;
        this.counters.lost += coherencyDistance(expected, count);
        return 'lost';
      }
      this.coherencyCount = count;
      this.resync(0, flag, flushed);
      return undefined;
    }
    if (!flushed) {
      this.counters.discarded++;
      return 'discarding';
    }
    // coherencyCount holds the count expected when the loss was noticed.
    const missedFlags = flagCountsBetween(this.coherencyCount, coherencyDistance(this.coherencyCount, count));
    this.discarding = false;
    this.coherencyCount = count;
    this.resync(missedFlags, flag, flushed);
    return undefined;
  }

  /** Key changes for missed flag packets, then this packet's own (see the class comment). */
  private resync(missedFlags: number, flag: boolean, flushed: boolean): void {
    if (this.linux) {
      this.keys.rekey(missedFlags + (flushed ? 1 : 0));
      return;
    }
    this.keys.rekey(missedFlags + (flag ? 1 : 0));
    if (flushed && !flag && missedFlags === 0) this.keys.resetCipher();
  }

  private open(payload: Uint8Array, into: Uint8Array | undefined): Uint8Array | MppeDropReason {
    // RC4 reads the ciphertext where it is and writes the plaintext into `into` when it is large
    // enough, else into a new buffer: the caller's frame is left as it was (a reorder buffer or a tap
    // may hold it) without first copying it to decrypt the copy in place, which cost a copy of the
    // packet and a subarray object per packet. One fused call (key changes + RC4) costs less than a
    // second crossing into the native addon.
    const length = payload.length - MPPE_HEADER_LENGTH;
    const out =
      into !== undefined && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
    this.keys.rekeyAndUpdate(payload, MPPE_HEADER_LENGTH, length, this.pendingRekeys, out);
    this.pendingRekeys = 0;
    const first = out[0] as number;
    const protocol = (first & 1) === 1 ? first : (first << 8) | (out[1] as number);
    if (!isMppeCovered(protocol)) {
      this.counters.badInnerProtocol++;
      return 'bad-inner-protocol';
    }
    this.sanity >>= 1; // good packet credit (Linux)
    this.counters.packetsDecrypted++;
    this.counters.bytesDecrypted += out.length;
    return out;
  }

  private bad(reason: 'bad-header' | 'late', points: number): MppeDropReason {
    this.sanity += points;
    if (reason === 'late') this.counters.late++;
    else this.counters.badHeader++;
    return reason;
  }
}
