// CHAP packets (RFC 1994 §4): Challenge and Response carry Value-Size, Value and Name (§4.1), Success
// and Failure a Message (§4.2). MS-CHAP v1/v2 (RFC 2433 §5-8, RFC 2759 §3-6) reuse these packets and
// only sub-format the Value and the Message (mschap-value.ts, mschap-message.ts).
import { type Decoded, ByteWriter, fail, ok } from '@switchyard/wire';

/** The Code field (RFC 1994 §4). MS-CHAPv2's Change-Password (7) stays an unknown code: we never offer it. */
export const ChapCode = { Challenge: 1, Response: 2, Success: 3, Failure: 4 } as const;

/** Code, Identifier and Length. */
export const CHAP_HEADER_LENGTH = 4;

/** Challenge (code 1) or Response (code 2), RFC 1994 §4.1. `value` and `name` are views of the input. */
export interface ChapValuePacket {
  readonly kind: 'challenge' | 'response';
  readonly code: 1 | 2;
  readonly identifier: number;
  /** One or more octets: the challenge, or the peer's answer (16 bytes for MD5, 49 for MS-CHAP). */
  readonly value: Uint8Array;
  /** The sender's name: not NUL-terminated, may be empty (Microsoft authenticators send none). */
  readonly name: Uint8Array;
}

/** Success (code 3) or Failure (code 4), RFC 1994 §4.2. */
export interface ChapStatusPacket {
  readonly kind: 'success' | 'failure';
  readonly code: 3 | 4;
  readonly identifier: number;
  readonly message: Uint8Array;
}

/** Any other code (Change-Password, garbage): kept as a number; CHAP has no Code-Reject, so it is dropped. */
export interface ChapUnknownPacket {
  readonly kind: 'unknown';
  readonly code: number;
  readonly identifier: number;
  readonly data: Uint8Array;
}

export type ChapPacket = ChapValuePacket | ChapStatusPacket | ChapUnknownPacket;

/**
 * Decodes the CHAP packet in a PPP Information field. The Length is proven before any field is read;
 * octets beyond it are padding (RFC 1994 §4 "Length"). Never throws.
 */
export function decodeChapPacket(bytes: Uint8Array): Decoded<ChapPacket> {
  if (bytes.length < CHAP_HEADER_LENGTH) {
    return fail('truncated', bytes.length, `CHAP packet needs 4 header bytes, got ${bytes.length}`);
  }
  const code = bytes[0] as number;
  const identifier = bytes[1] as number;
  const length = ((bytes[2] as number) << 8) | (bytes[3] as number);
  if (length < CHAP_HEADER_LENGTH) return fail('bad-length', 2, `Length field ${length} is below 4`);
  if (length > bytes.length) {
    return fail('truncated', bytes.length, `Length field says ${length}, only ${bytes.length} bytes present`);
  }
  const body = bytes.subarray(CHAP_HEADER_LENGTH, length);
  switch (code) {
    case ChapCode.Challenge:
    case ChapCode.Response: {
      const kind = code === ChapCode.Challenge ? 'challenge' : 'response';
      if (body.length < 1) return fail('truncated', length, `${kind} needs a Value-Size octet`);
      const size = body[0] as number;
      // RFC 1994 §4.1: "The Value field is one or more octets".
      if (size === 0) return fail('bad-value-size', CHAP_HEADER_LENGTH, `${kind} Value-Size is 0`);
      if (1 + size > body.length) {
        return fail(
          'bad-value-size',
          CHAP_HEADER_LENGTH,
          `${kind} Value-Size ${size} overruns the ${body.length - 1} bytes after it`,
        );
      }
      return ok({
        kind,
        code,
        identifier,
        value: body.subarray(1, 1 + size),
        name: body.subarray(1 + size),
      });
    }
    case ChapCode.Success:
      return ok({ kind: 'success', code, identifier, message: body });
    case ChapCode.Failure:
      return ok({ kind: 'failure', code, identifier, message: body });
    default:
      return ok({ kind: 'unknown', code, identifier, data: body });
  }
}

/** Encodes with an exact Length. A Value outside 1..255 bytes or a packet over 65535 bytes is a caller bug. */
export function encodeChapPacket(packet: ChapPacket): Uint8Array {
  const writer = new ByteWriter(64);
  writer.u8(packet.code).u8(packet.identifier).u16(0);
  switch (packet.kind) {
    case 'challenge':
    case 'response':
      if (packet.value.length < 1 || packet.value.length > 0xff) {
        throw new RangeError(`CHAP Value must be 1..255 bytes, got ${packet.value.length}`);
      }
      writer.u8(packet.value.length).bytes(packet.value).bytes(packet.name);
      break;
    case 'success':
    case 'failure':
      writer.bytes(packet.message);
      break;
    default:
      writer.bytes(packet.data);
  }
  if (writer.size > 0xffff)
    throw new RangeError(`CHAP packet of ${writer.size} bytes exceeds the Length field`);
  return writer.patchU16(2, writer.size).finish();
}

/** A Challenge or Response with the right `code` for its `kind`. */
export function chapValuePacket(
  kind: 'challenge' | 'response',
  identifier: number,
  value: Uint8Array,
  name: Uint8Array,
): ChapValuePacket {
  const code = kind === 'challenge' ? ChapCode.Challenge : ChapCode.Response;
  return { kind, code, identifier, value, name };
}

/** A Success or Failure with the right `code` for its `kind`. */
export function chapStatusPacket(
  kind: 'success' | 'failure',
  identifier: number,
  message: Uint8Array,
): ChapStatusPacket {
  return { kind, code: kind === 'success' ? ChapCode.Success : ChapCode.Failure, identifier, message };
}
