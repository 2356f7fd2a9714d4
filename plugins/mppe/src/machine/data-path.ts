// The MPPE data path of one session (RFC 3078 §3, §8): the DataTransform the driver sends covered frames
// through, the receive side for protocol 0x00FD, and the CCP Reset-Request traffic that stateful mode needs.
import type { Clock, Logger } from '@switchyard/core';
import type { MppeKeyScheduleFactory } from '@switchyard/crypto';
import {
  CpCode,
  PPP_MAX_FRAME_HEADER,
  PppProtocol,
  type CpPacket,
  type DataTransform,
  type ProtectedFrame,
  type ProtocolHandler,
} from '@switchyard/ppp';
import { MPPE_OVERHEAD, formatMppeHeader, isMppeCovered } from '../codec/mppe-header.js';
import type { MppeCounters } from './counters.js';
import { MppeDecryptor } from './decryptor.js';
import { type MppeCipherOptions, MppeEncryptor } from './encryptor.js';
import type { MppeDirection } from './negotiation-rules.js';
import type { StatefulResync } from './policy.js';
import { ResetRequester } from './reset-requester.js';
import type { StartKeys } from './session-keys.js';

export interface MppeDataPathOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly counters: MppeCounters;
  readonly resync: StatefulResync;
  /** Builds each direction's key schedule (default: the pure one); see `MppeCipherOptions`. */
  readonly createKeySchedule?: MppeKeyScheduleFactory;
  /** A decrypted frame (inner protocol field + data) back into the demultiplexer. */
  deliver(frame: Uint8Array): void;
  /** Sends a CCP packet (our Reset-Requests). */
  sendCcp(packet: CpPacket): void;
  /** CCP's Identifier counter. */
  nextIdentifier(): number;
  /** The peer sent too many undecryptable packets (Linux DECOMP_FATALERROR): end the session. */
  fatal(detail: string): void;
}

const EMPTY = new Uint8Array(0);
/**
 * Per-session scratch for one frame each way: room for the largest PPTP frame (1500-byte path MTU) and
 * its header. A larger frame gets its own buffer, so nothing is ever truncated.
 */
const SCRATCH_BYTES = 2048;

/**
 * Between `start` and `stop` (CCP Opened) frames are encrypted and decrypted; otherwise covered frames
 * are dropped and counted, never sent in clear, and 0x00FD frames are dropped. Each `start` begins from
 * the initial session keys and a fresh coherency count, as Linux does when CCP (re)opens.
 *
 * Ownership (the data path's rule, README "Design"): a frame is lent, never given. What `protect`
 * returns and what `deliver` gets live in this session's two scratch buffers and are valid only until
 * the call that handed them over returns; whoever keeps one (a transport's send batch, a test) copies
 * it. That spares an allocation of a frame-sized buffer per packet each way, and the GC work after it.
 */
export class MppeDataPath implements DataTransform, ProtocolHandler {
  /** The link: this object receives the session's 0x00FD frames. */
  readonly protocol = PppProtocol.COMPRESSED;
  readonly name = 'MPPE';
  readonly phase = 'network';
  readonly overheadBytes = MPPE_OVERHEAD;
  private encryptor: MppeEncryptor | undefined;
  private decryptor: MppeDecryptor | undefined;
  private stateful = false;
  /** Created by the first stateful decryption failure: stateless sessions (most) never need one. */
  private resets: ResetRequester | undefined;
  private sendScratch: Uint8Array | undefined;
  private receiveScratch: Uint8Array | undefined;
  /**
   * What start() was given. The two ciphers, with their key schedules (native state with a buffer of
   * its own each), are built from it at each direction's first packet: an idle session holds none.
   */
  private keys: StartKeys | undefined;
  private sendDirection: MppeDirection | undefined;
  private receiveDirection: MppeDirection | undefined;

  constructor(private readonly options: MppeDataPathOptions) {}

  /** The DataTransform the driver sends covered frames through: this object itself. */
  get transform(): DataTransform {
    return this;
  }

  covers(protocol: number): boolean {
    return isMppeCovered(protocol);
  }

  get running(): boolean {
    return this.keys !== undefined;
  }

  /** The Identifier of our Reset-Request awaiting its Ack, if any. */
  get outstandingResetRequest(): number | undefined {
    return this.resets?.outstanding;
  }

  /** Error points of the receive side (Linux sanity_errors). */
  get sanityErrors(): number {
    return this.decryptor?.sanityErrors ?? 0;
  }

  start(keys: StartKeys, send: MppeDirection, receive: MppeDirection): void {
    this.keys = keys;
    this.sendDirection = send;
    this.receiveDirection = receive;
    this.encryptor = undefined;
    this.decryptor = undefined;
    this.stateful = !receive.stateless;
    this.resets?.cancel();
  }

  stop(): void {
    this.keys = undefined;
    this.encryptor = undefined;
    this.decryptor = undefined;
    this.resets?.cancel();
  }

  /** The sending cipher, built at the first use after start(); undefined when not running. */
  private sender(): MppeEncryptor | undefined {
    if (this.encryptor === undefined && this.keys !== undefined)
      this.encryptor = new MppeEncryptor(this.cipherOptions(this.keys.send, this.sendDirection!));
    return this.encryptor;
  }

  /** The receiving cipher, built like sender(). */
  private receiver(): MppeDecryptor | undefined {
    if (this.decryptor === undefined && this.keys !== undefined)
      this.decryptor = new MppeDecryptor(this.cipherOptions(this.keys.receive, this.receiveDirection!));
    return this.decryptor;
  }

  private cipherOptions(startKey: Uint8Array, direction: MppeDirection): MppeCipherOptions {
    const { counters, resync, createKeySchedule } = this.options;
    return { startKey, ...direction, counters, resync, createKeySchedule };
  }

  protect(protocol: number, data: Uint8Array): ProtectedFrame | undefined {
    if (!isMppeCovered(protocol)) return { protocol, payload: data }; // control protocols go in clear
    const encryptor = this.encryptor ?? this.sender();
    if (encryptor === undefined) {
      this.options.counters.sendDroppedNotUp++;
      return undefined;
    }
    // Room for the PPP header in front of the ciphertext: the frame is built around it, not copied.
    // Allocated on first use: a session that carries no data costs no scratch (lazy per-session state).
    this.sendScratch ??= new Uint8Array(SCRATCH_BYTES);
    const payload = encryptor.encrypt(protocol, data, PPP_MAX_FRAME_HEADER, this.sendScratch);
    return { protocol: PppProtocol.COMPRESSED, payload, headroom: PPP_MAX_FRAME_HEADER };
  }

  /** A 0x00FD frame's payload. Never throws: peer input is dropped and counted. */
  receive(payload: Uint8Array): void {
    const decryptor = this.decryptor ?? this.receiver();
    if (decryptor === undefined) {
      this.options.counters.receivedNotUp++;
      return;
    }
    this.receiveScratch ??= new Uint8Array(SCRATCH_BYTES);
    const result = decryptor.decrypt(payload, this.receiveScratch);
    if (typeof result !== 'string') {
      this.options.deliver(result);
      return;
    }
    const { logger } = this.options;
    if (logger.debugEnabled) logger.debug(`MPPE: dropped [${formatMppeHeader(payload)}]: ${result}`);
    if (decryptor.fatal) {
      this.stop();
      this.options.fatal('Too many MPPE errors');
      return;
    }
    // pppd ccp_datainput: every stateful decompression error asks for a reset (repeated while one is
    // outstanding). Stateless mode needs none (RFC 3078 §8.1): every packet is flushed.
    if (this.stateful) (this.resets ??= this.resetRequester()).request();
  }

  /** The peer asked us to resynchronise (a Reset-Request in Opened). */
  resetRequested(): void {
    this.options.counters.resetRequestsReceived++;
    this.sender()?.reset();
  }

  resetAcked(identifier: number): void {
    this.options.counters.resetAcksReceived++;
    this.resets?.acknowledge(identifier);
  }

  private resetRequester(): ResetRequester {
    // Methods of the options are called on it: the options may be a class instance (CcpControl).
    const { options } = this;
    return new ResetRequester({
      clock: options.clock,
      nextIdentifier: () => options.nextIdentifier(),
      send: (identifier) => {
        options.counters.resetRequestsSent++;
        options.sendCcp({ kind: 'other', code: CpCode.ResetRequest, identifier, data: EMPTY });
      },
    });
  }
}
