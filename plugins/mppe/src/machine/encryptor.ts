// The sending half of MPPE (RFC 3078 §3, §6, §7): coherency count, key changes and RC4 over the protocol
// field and data, byte-compatible with Linux ppp_mppe.c mppe_compress (the peer pppd users run).
import {
  createPureMppeKeySchedule,
  type MppeKeyScheduleFactory,
  type MppeKeyScheduleLike,
  type MppeStrength,
} from '@switchyard/crypto';
import {
  COHERENCY_MASK,
  MPPE_HEADER_LENGTH,
  MPPE_OVERHEAD,
  MppeFlag,
  writeMppeHeader,
} from '../codec/mppe-header.js';
import type { MppeCounters } from './counters.js';
import type { StatefulResync } from './policy.js';

export interface MppeCipherOptions {
  /** This direction's 16-byte start key (the prefix serves 40/56-bit). */
  readonly startKey: Uint8Array;
  readonly strength: MppeStrength;
  readonly stateless: boolean;
  /** Stateful only: what a CCP Reset-Request (sender) or a FLUSHED packet (receiver) does. Default 'linux'. */
  readonly resync?: StatefulResync;
  readonly counters: MppeCounters;
  /**
   * Builds this direction's key schedule. The plugin injects the native one (@switchyard/crypto-native);
   * the default is the pure TypeScript reference, so machine tests need no addon.
   */
  readonly createKeySchedule?: MppeKeyScheduleFactory;
}

/**
 * One direction's encryptor. The coherency count starts at 0xFFF so the first packet carries 0 (Linux
 * mppe_init). Stateless: a key change before every packet, the first included, and A set on each
 * (§7.1, test-vectors.md erratum 4). Stateful: the RC4 stream runs on; a key change and A on each "flag"
 * packet (count low octet 0xFF, §7.2), and after a CCP Reset-Request A on the next packet (§8.2), with
 * a key change (Linux) or a re-initialisation of the tables with the current key (RFC 3078 wording).
 * Linux does not set A on the first stateful packet, and neither do we.
 */
export class MppeEncryptor {
  private readonly keys: MppeKeyScheduleLike;
  private readonly stateless: boolean;
  private readonly rekeyOnReset: boolean;
  private readonly counters: MppeCounters;
  private coherencyCount = COHERENCY_MASK;
  private resetPending = false;

  constructor(options: MppeCipherOptions) {
    this.keys = (options.createKeySchedule ?? createPureMppeKeySchedule)(options.startKey, options.strength);
    this.stateless = options.stateless;
    this.rekeyOnReset = (options.resync ?? 'linux') === 'linux';
    this.counters = options.counters;
  }

  /**
   * The MPPE payload for one frame (what follows protocol 0x00FD): header, then RC4 of the 2-byte
   * protocol field and the data, in a buffer that starts `headroom` bytes into its backing one, so the PPP
   * header can be written in front without another allocation and copy. With `into` (large enough) that
   * buffer is `into` itself: no allocation, and the result is only valid until `into` is written again
   * (the data path lends it to the transport, which copies it during the call); otherwise a new one.
   */
  encrypt(protocol: number, data: Uint8Array, headroom = 0, into?: Uint8Array): Uint8Array {
    const count = (this.coherencyCount + 1) & COHERENCY_MASK;
    this.coherencyCount = count;
    let flags: number = MppeFlag.ENCRYPTED;
    let rekeys = 0;
    if (this.stateless || (count & 0xff) === 0xff) {
      rekeys = 1;
      flags |= MppeFlag.FLUSHED;
    } else if (this.resetPending) {
      if (this.rekeyOnReset) rekeys = 1;
      else this.keys.resetCipher();
      flags |= MppeFlag.FLUSHED;
    }
    this.resetPending = false;
    const size = headroom + MPPE_OVERHEAD + data.length;
    const out = (into !== undefined && into.length >= size ? into : new Uint8Array(size)).subarray(
      headroom,
      size,
    );
    writeMppeHeader(out, flags, count);
    out[2] = (protocol >> 8) & 0xff;
    out[3] = protocol & 0xff;
    out.set(data, MPPE_OVERHEAD);
    // The key change and the RC4 over protocol field and data in one call (one crossing into the
    // native addon per packet), in place, without a subarray for the body.
    this.keys.rekeyAndUpdate(out, MPPE_HEADER_LENGTH, undefined, rekeys);
    this.counters.packetsEncrypted++;
    this.counters.bytesEncrypted += out.length - MPPE_HEADER_LENGTH;
    return out;
  }

  /**
   * A CCP Reset-Request arrived: resynchronise on the next packet. Repeated requests before that packet
   * cause one resynchronisation only (Linux mppe_comp_reset: the peer cannot know how many arrived).
   * Stateless mode already flushes every packet.
   */
  reset(): void {
    if (!this.stateless) this.resetPending = true;
  }

  /** The coherency count of the last packet sent (0xFFF before the first). */
  get lastCoherencyCount(): number {
    return this.coherencyCount;
  }
}
