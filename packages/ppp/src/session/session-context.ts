// The standard PppContext: the data path of one session in both directions. Out: framing with the
// negotiated compressions, the DataTransform for covered protocols, and the encryption gate (RFC 3078
// §3, pppd require-mppe); in: frame decoding, the same gate, data counters and the demultiplexer with
// its Protocol-Rejects (RFC 1661 §3.6, §5.7). No I/O: frames leave through `transmit`.
import type { Clock, CloseReason, Logger, Session } from '@switchyard/core';
import { type PppFrame, decodePppFrame } from '../codec/ppp-frame.js';
import { formatCpPacket } from '../codec/format.js';
import { PppProtocol, protocolName } from '../codec/protocols.js';
import type { PppLink } from '../link/ppp-link.js';
import type { DataTransform, PppContext, PppFacts, PppRole, ProtectedFrame } from './contracts.js';

/** What the context counts besides the session's data counters. */
export interface PppFrameCounters {
  /** Frames that did not decode (RFC 1661 §2 framing). */
  malformed: number;
  /** Frames the current phase does not accept (§3.4–3.7). */
  discarded: number;
  /** Frames of unknown protocols answered with an LCP Protocol-Reject (§5.7). */
  protocolRejects: number;
  /** Data frames dropped because encryption is required: not yet up when sending, or received in clear. */
  unencrypted: number;
  /** Frames the transform refused to protect. */
  transformDropped: number;
  /** Data frames dropped outside the Network phase or after the link went down. */
  notReady: number;
}

export interface PppSessionContextOptions {
  readonly session: Session;
  readonly role: PppRole;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly link: PppLink;
  readonly facts: PppFacts;
  /** Puts one PPP frame on the transport (Link.send). */
  readonly transmit: (frame: Uint8Array) => void;
  /** What PppContext.close does (the driver's orderly close). */
  readonly close: (reason: CloseReason) => void;
  /** The transport's largest frame (Link.maxFrameBytes). */
  readonly maxFrameBytes: number;
}

const LCP_FORMAT = { name: 'LCP', protocol: PppProtocol.LCP };
/** Protocol + Address/Control, the most a frame header takes (RFC 1661 §2, §6.5–6.6). */
const MAX_FRAME_HEADER = 4;

/**
 * Network-layer data (RFC 1661 §2: 0x0xxx–0x3xxx), counted and gated. The compressed datagram 0x00fd
 * and 0x00fb are the transform's own frames: they are counted once recovered, through deliver().
 */
export function isDataProtocol(protocol: number): boolean {
  return protocol < 0x4000 && protocol !== PppProtocol.COMPRESSED && protocol !== 0x00fb;
}

export class PppSessionContext implements PppContext {
  readonly session: Session;
  readonly role: PppRole;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly link: PppLink;
  readonly facts: PppFacts;
  readonly counters: PppFrameCounters = {
    malformed: 0,
    discarded: 0,
    protocolRejects: 0,
    unencrypted: 0,
    transformDropped: 0,
    notReady: 0,
  };
  /** clock.now() of the last data packet in either direction (pppd `idle`). */
  lastDataAt: number;
  private transform: DataTransform | undefined;
  private encryptionRequired = false;
  private stopped = false;

  constructor(private readonly options: PppSessionContextOptions) {
    this.session = options.session;
    this.role = options.role;
    this.clock = options.clock;
    this.logger = options.logger;
    this.link = options.link;
    this.facts = options.facts;
    this.lastDataAt = options.clock.now();
  }

  get dataMtuBytes(): number {
    const lcp = this.facts.lcp;
    const mtu = Math.min(
      lcp?.mtuBytes ?? lcp?.peerMruBytes ?? 1500,
      this.options.maxFrameBytes - MAX_FRAME_HEADER,
    );
    return mtu - (this.transform?.overheadBytes ?? 0);
  }

  get dataTransform(): DataTransform | undefined {
    return this.transform;
  }

  get requiresEncryption(): boolean {
    return this.encryptionRequired;
  }

  /** From now on covered data never crosses in clear (a gating NCP exists). Sticky for the session. */
  requireEncryption(): void {
    this.encryptionRequired = true;
  }

  /** The transport is gone: nothing more is sent. */
  stop(): void {
    this.stopped = true;
  }

  setDataTransform(transform: DataTransform | undefined): void {
    this.transform = transform;
  }

  close(reason: CloseReason): void {
    this.options.close(reason);
  }

  send(protocol: number, payload: Uint8Array): void {
    if (this.stopped) return;
    let out: ProtectedFrame = { protocol, payload };
    if (isDataProtocol(protocol)) {
      if (this.link.phase !== 'network') {
        this.counters.notReady++;
        return;
      }
      const transform = this.transform;
      if (transform?.covers(protocol)) {
        const protectedFrame = transform.protect(protocol, payload);
        if (protectedFrame === undefined) {
          this.counters.transformDropped++;
          return;
        }
        out = protectedFrame;
      } else if (transform === undefined && this.encryptionRequired) {
        this.counters.unencrypted++; // required but not up: never in clear (pppd require-mppe)
        return;
      }
      this.countData('out', payload.length);
    }
    this.options.transmit(this.link.frame(out.protocol, out.payload, out.headroom));
  }

  /** A frame from the transport. */
  receiveFrame(bytes: Uint8Array): void {
    this.receive(bytes, false);
  }

  deliver(frame: Uint8Array): void {
    this.receive(frame, true);
  }

  private receive(bytes: Uint8Array, recovered: boolean): void {
    const decoded = decodePppFrame(bytes);
    if (!decoded.ok) {
      this.counters.malformed++;
      this.logger.debug('malformed PPP frame discarded', { ...decoded.error, recovered });
      return;
    }
    const frame = decoded.value;
    if (isDataProtocol(frame.protocol) && !this.acceptData(frame, recovered)) return;
    const receipt = this.link.receive(frame);
    if (receipt.kind === 'protocolReject') {
      this.counters.protocolRejects++;
      if (this.logger.debugEnabled) this.logger.debug(`sent [${formatCpPacket(LCP_FORMAT, receipt.packet)}]`);
      if (!this.stopped) this.options.transmit(receipt.frame);
    } else if (receipt.kind === 'discarded') {
      this.counters.discarded++;
      if (this.logger.debugEnabled) {
        const what = receipt.protocol === undefined ? 'frame' : protocolName(receipt.protocol);
        this.logger.debug(`discarded ${what} in phase ${this.link.phase} (${receipt.reason})`);
      }
    }
  }

  private acceptData(frame: PppFrame, recovered: boolean): boolean {
    if (!recovered && this.encryptionRequired && (this.transform?.covers(frame.protocol) ?? true)) {
      this.counters.unencrypted++; // a clear packet where only encrypted ones may arrive
      return false;
    }
    if (this.link.phase === 'network') this.countData('in', frame.payload.length);
    return true;
  }

  private countData(direction: 'in' | 'out', bytes: number): void {
    const counters = this.session.counters;
    if (direction === 'in') {
      counters.packetsIn++;
      counters.bytesIn += bytes;
    } else {
      counters.packetsOut++;
      counters.bytesOut += bytes;
    }
    this.lastDataAt = this.clock.now();
  }
}
