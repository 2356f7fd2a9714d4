// PPP frames as PPTP carries them in GRE (RFC 2637 §4): no HDLC flags, no byte stuffing, no FCS.
// Address/Control FF 03 may be omitted (ACFC, RFC 1661 §6.6) and the Protocol field may be one byte
// (PFC, §6.5); receivers accept both forms whatever was negotiated (anchors §6 #12).
import { type Decoded, fail, ok } from '@switchyard/wire';
import { PppProtocol } from './protocols.js';

const ALL_STATIONS = 0xff;
const UNNUMBERED_INFORMATION = 0x03;

export interface PppFrame {
  readonly protocol: number;
  /** A view of the Information field (the bytes after the Protocol field). */
  readonly payload: Uint8Array;
  /** True when FF 03 was present, false when the sender compressed it away (ACFC). */
  readonly addressControl: boolean;
  /** 1 when the sender compressed the Protocol field (PFC). */
  readonly protocolFieldLength: 1 | 2;
}

/** How to frame what we send: the compressions the peer asked to receive and we Acked (RFC 1661 §6.5–6.6). */
export interface PppFraming {
  /** Omit FF 03: allowed once we have Acked the peer's Address-and-Control-Field-Compression. */
  readonly acfc: boolean;
  /** Send 1-byte Protocol fields: allowed once we have Acked the peer's Protocol-Field-Compression. */
  readonly pfc: boolean;
}

/** Address/Control (2) and a 2-byte Protocol: the longest header a frame gets (RFC 1661 §2, §6.5–6.6). */
export const PPP_MAX_FRAME_HEADER = 4;

/** The framing before LCP has negotiated anything (RFC 1661 §6: every option at its default). */
export const UNCOMPRESSED_FRAMING: PppFraming = { acfc: false, pfc: false };

/**
 * Splits a frame into Protocol and Information. A leading FF must be followed by 03: 0xFF can never be
 * a compressed Protocol (RFC 1661 §6.6). An odd first Protocol octet means a 1-byte (compressed) field,
 * since full Protocol values have an even high octet (RFC 1661 §2). Never throws.
 */
export function decodePppFrame(bytes: Uint8Array): Decoded<PppFrame> {
  let at = 0;
  const addressControl = bytes[0] === ALL_STATIONS;
  if (addressControl) {
    if (bytes.length < 2) return fail('truncated', bytes.length, 'Address 0xff without a Control field');
    if (bytes[1] !== UNNUMBERED_INFORMATION) {
      return fail('bad-control', 1, `Control field 0x${(bytes[1] as number).toString(16)} is not 0x03`);
    }
    at = 2;
  }
  const first = bytes[at];
  if (first === undefined) return fail('truncated', at, 'frame ends before the Protocol field');
  if ((first & 1) === 1) {
    return ok({ protocol: first, payload: bytes.subarray(at + 1), addressControl, protocolFieldLength: 1 });
  }
  const second = bytes[at + 1];
  if (second === undefined) return fail('truncated', at + 1, 'frame ends inside the 2-byte Protocol field');
  return ok({
    protocol: (first << 8) | second,
    payload: bytes.subarray(at + 2),
    addressControl,
    protocolFieldLength: 2,
  });
}

/**
 * Builds a frame. LCP always goes out with FF 03 and the 2-byte Protocol field, whatever was negotiated
 * (RFC 1661 §6.5–6.6: "MUST NOT be compressed when sending any LCP packet"; anchors §6 #12). Linux's
 * pptp.ko forces this only for LCP codes 1–7, so captured Linux Echo frames lack FF 03; we follow the RFC.
 *
 * `headroom`: bytes just before `payload` in its buffer that the caller owns and gives up (an encrypted
 * payload allocated with room for its frame header). When the header fits there it is written in place
 * and the frame is a view of that buffer: no allocation and no copy of the payload on the data path.
 */
export function encodePppFrame(
  protocol: number,
  payload: Uint8Array,
  framing: PppFraming = UNCOMPRESSED_FRAMING,
  headroom = 0,
): Uint8Array {
  const isLcp = protocol === PppProtocol.LCP;
  const addressControl = isLcp || !framing.acfc;
  // Only values 0x00xx with an odd low octet fit one byte without ambiguity (RFC 1661 §6.5).
  const shortProtocol = !isLcp && framing.pfc && protocol <= 0xff && (protocol & 1) === 1;
  const header = (addressControl ? 2 : 0) + (shortProtocol ? 1 : 2);
  const inPlace = header <= headroom && header <= payload.byteOffset;
  const frame = inPlace
    ? new Uint8Array(payload.buffer, payload.byteOffset - header, header + payload.length)
    : new Uint8Array(header + payload.length);
  let at = 0;
  if (addressControl) {
    frame[at++] = ALL_STATIONS;
    frame[at++] = UNNUMBERED_INFORMATION;
  }
  if (!shortProtocol) frame[at++] = (protocol >> 8) & 0xff;
  frame[at++] = protocol & 0xff;
  if (!inPlace) frame.set(payload, at);
  return frame;
}
