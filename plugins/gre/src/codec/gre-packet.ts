// The enhanced GRE header of RFC 2637 §4.1. Two shapes of API: allocation-free accessors and writers
// for the per-packet hot path (greCallId, greSeq, writeGreHeader), and decode/encode into objects for
// tests, traces and tools. Every accessor assumes the packet passed checkGrePacket().
import { type Decoded, fail, ok } from '@switchyard/wire';
import {
  GRE_BASE_HEADER_LENGTH,
  GRE_PROTOCOL_PPP,
  GRE_VERSION_ENHANCED,
  GreFlag0,
  GreFlag1,
} from './constants.js';

/** Why a datagram is not a well-formed PPTP GRE packet (anchors §6 #2–#4). */
export const GreMalformedReason = {
  Truncated: 'truncated',
  ChecksumPresent: 'checksum-present',
  RoutingPresent: 'routing-present',
  KeyAbsent: 'key-absent',
  StrictSourceRoute: 'strict-source-route',
  RecursionControl: 'recursion-control',
  ReservedFlags: 'reserved-flags',
  BadVersion: 'bad-version',
  BadProtocol: 'bad-protocol',
  PayloadTruncated: 'payload-truncated',
  PayloadWithoutSequence: 'payload-without-sequence',
  NoSequenceNoAck: 'no-sequence-no-ack',
} as const;
export type GreMalformedReason = (typeof GreMalformedReason)[keyof typeof GreMalformedReason];

const u16 = (b: Uint8Array, at: number): number => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number): number => ((u16(b, at) << 16) | u16(b, at + 2)) >>> 0;

/**
 * Checks everything RFC 2637 §4.1 fixes: C, R, s clear, K set, Recur 0, Flags 0, Ver 1, protocol
 * 0x880B, the header and Payload Length within the datagram, a payload only with S, and S or A set.
 * Returns undefined when the packet is good. Bytes after the payload (link padding) are tolerated.
 */
export function checkGrePacket(bytes: Uint8Array): GreMalformedReason | undefined {
  if (bytes.length < GRE_BASE_HEADER_LENGTH) return GreMalformedReason.Truncated;
  const b0 = bytes[0] as number;
  const b1 = bytes[1] as number;
  if (b0 & GreFlag0.Checksum) return GreMalformedReason.ChecksumPresent;
  if (b0 & GreFlag0.Routing) return GreMalformedReason.RoutingPresent;
  if (!(b0 & GreFlag0.Key)) return GreMalformedReason.KeyAbsent;
  if (b0 & GreFlag0.StrictSourceRoute) return GreMalformedReason.StrictSourceRoute;
  if (b0 & GreFlag0.RecursionMask) return GreMalformedReason.RecursionControl;
  if (b1 & GreFlag1.FlagsMask) return GreMalformedReason.ReservedFlags;
  if ((b1 & GreFlag1.VersionMask) !== GRE_VERSION_ENHANCED) return GreMalformedReason.BadVersion;
  if (u16(bytes, 2) !== GRE_PROTOCOL_PPP) return GreMalformedReason.BadProtocol;
  const hasSeq = (b0 & GreFlag0.Sequence) !== 0;
  const hasAck = (b1 & GreFlag1.Acknowledgment) !== 0;
  if (!hasSeq && !hasAck) return GreMalformedReason.NoSequenceNoAck;
  const headerLength = greHeaderLength(hasSeq, hasAck);
  if (bytes.length < headerLength) return GreMalformedReason.Truncated;
  const payloadLength = u16(bytes, 4);
  if (!hasSeq && payloadLength !== 0) return GreMalformedReason.PayloadWithoutSequence;
  if (headerLength + payloadLength > bytes.length) return GreMalformedReason.PayloadTruncated;
  return undefined;
}

/** 8, 12 or 16 bytes: 4 more for each of the sequence and acknowledgment numbers (anchors §6 #4). */
export function greHeaderLength(hasSeq: boolean, hasAck: boolean): number {
  return GRE_BASE_HEADER_LENGTH + (hasSeq ? 4 : 0) + (hasAck ? 4 : 0);
}

/** Low 16 bits of the key: the receiver's Call ID (anchors §6 #1). */
export function greCallId(bytes: Uint8Array): number {
  return u16(bytes, 6);
}

/** High 16 bits of the key: the PPP payload length (anchors §6 #2). */
export function grePayloadLength(bytes: Uint8Array): number {
  return u16(bytes, 4);
}

export function greHasSeq(bytes: Uint8Array): boolean {
  return ((bytes[0] as number) & GreFlag0.Sequence) !== 0;
}

export function greHasAck(bytes: Uint8Array): boolean {
  return ((bytes[1] as number) & GreFlag1.Acknowledgment) !== 0;
}

/** The sequence number, or -1 for an acknowledgment-only packet. */
export function greSeq(bytes: Uint8Array): number {
  return greHasSeq(bytes) ? u32(bytes, 8) : -1;
}

/** The acknowledgment number, or -1 when A is clear. Without S it sits at bytes 8–11 (anchors §6 #4). */
export function greAck(bytes: Uint8Array): number {
  if (!greHasAck(bytes)) return -1;
  return u32(bytes, greHasSeq(bytes) ? 12 : 8);
}

/** Where the PPP payload starts. */
export function grePayloadOffset(bytes: Uint8Array): number {
  return greHeaderLength(greHasSeq(bytes), greHasAck(bytes));
}

/** A view (no copy) of the PPP payload. */
export function grePayload(bytes: Uint8Array): Uint8Array {
  const start = grePayloadOffset(bytes);
  return bytes.subarray(start, start + grePayloadLength(bytes));
}

/** A decoded packet for tests and traces; the hot path uses the accessors above. */
export interface GrePacket {
  readonly callId: number;
  readonly sequenceNumber: number | undefined;
  readonly acknowledgmentNumber: number | undefined;
  /** A view into the decoded bytes. */
  readonly payload: Uint8Array;
}

export function decodeGrePacket(bytes: Uint8Array): Decoded<GrePacket> {
  const malformed = checkGrePacket(bytes);
  if (malformed !== undefined) return fail(malformed, 0, `not a PPTP enhanced GRE packet: ${malformed}`);
  const seq = greSeq(bytes);
  const ack = greAck(bytes);
  return ok({
    callId: greCallId(bytes),
    sequenceNumber: seq < 0 ? undefined : seq,
    acknowledgmentNumber: ack < 0 ? undefined : ack,
    payload: grePayload(bytes),
  });
}

/**
 * Writes a header at `target[offset]` for a payload of `payloadLength` bytes; returns the header
 * length. Pass undefined to leave out the sequence number (ack-only) or the acknowledgment.
 */
export function writeGreHeader(
  target: Uint8Array,
  offset: number,
  callId: number,
  payloadLength: number,
  seq: number | undefined,
  ack: number | undefined,
): number {
  const hasSeq = seq !== undefined;
  const hasAck = ack !== undefined;
  target[offset] = GreFlag0.Key | (hasSeq ? GreFlag0.Sequence : 0);
  target[offset + 1] = (hasAck ? GreFlag1.Acknowledgment : 0) | GRE_VERSION_ENHANCED;
  target[offset + 2] = GRE_PROTOCOL_PPP >> 8;
  target[offset + 3] = GRE_PROTOCOL_PPP & 0xff;
  target[offset + 4] = payloadLength >> 8;
  target[offset + 5] = payloadLength & 0xff;
  target[offset + 6] = callId >> 8;
  target[offset + 7] = callId & 0xff;
  let at = offset + GRE_BASE_HEADER_LENGTH;
  if (hasSeq) at = writeU32(target, at, seq);
  if (hasAck) at = writeU32(target, at, ack);
  return at - offset;
}

function writeU32(target: Uint8Array, at: number, value: number): number {
  target[at] = value >>> 24;
  target[at + 1] = (value >>> 16) & 0xff;
  target[at + 2] = (value >>> 8) & 0xff;
  target[at + 3] = value & 0xff;
  return at + 4;
}

/** Header fields for the allocating encoder. */
export interface GreHeaderFields {
  readonly callId: number;
  readonly sequenceNumber?: number | undefined;
  readonly acknowledgmentNumber?: number | undefined;
}

/** Header + payload into `target[offset]`; returns the bytes written. `target` must have room. */
export function encodeGreInto(
  target: Uint8Array,
  offset: number,
  fields: GreHeaderFields,
  payload: Uint8Array,
): number {
  const { callId, sequenceNumber, acknowledgmentNumber } = fields;
  const header = writeGreHeader(target, offset, callId, payload.length, sequenceNumber, acknowledgmentNumber);
  target.set(payload, offset + header);
  return header + payload.length;
}

/** A new buffer holding header + payload. A packet with payload must carry a sequence number. */
export function encodeGrePacket(
  fields: GreHeaderFields,
  payload: Uint8Array = new Uint8Array(0),
): Uint8Array {
  if (payload.length > 0 && fields.sequenceNumber === undefined) {
    throw new Error('gre: a payload packet needs a sequence number (RFC 2637 §4.1 S bit)');
  }
  const hasSeq = fields.sequenceNumber !== undefined;
  const out = new Uint8Array(
    greHeaderLength(hasSeq, fields.acknowledgmentNumber !== undefined) + payload.length,
  );
  encodeGreInto(out, 0, fields, payload);
  return out;
}

/** The 12-byte acknowledgment-only packet: `20 81 88 0b 00 00 <call id> <ack>` (anchors §5.1, §6 #4). */
export function encodeGreAck(callId: number, ack: number): Uint8Array {
  return encodeGrePacket({ callId, acknowledgmentNumber: ack });
}
