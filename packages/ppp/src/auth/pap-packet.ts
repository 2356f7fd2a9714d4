// PAP packets (RFC 1334 §2.2): Authenticate-Request carries Peer-ID and Password, each behind a
// one-octet length (§2.2.1); Authenticate-Ack/-Nak carry a Message behind Msg-Length (§2.2.2).
import { type Decoded, ByteWriter, fail, ok } from '@switchyard/wire';

/** The Code field (RFC 1334 §2.2). */
export const PapCode = { AuthenticateRequest: 1, AuthenticateAck: 2, AuthenticateNak: 3 } as const;

export const PAP_HEADER_LENGTH = 4;

/** Authenticate-Request (code 1). `peerId` and `password` are views of the input. */
export interface PapRequestPacket {
  readonly kind: 'request';
  readonly code: 1;
  readonly identifier: number;
  readonly peerId: Uint8Array;
  readonly password: Uint8Array;
}

/** Authenticate-Ack (code 2) or Authenticate-Nak (code 3). */
export interface PapReplyPacket {
  readonly kind: 'ack' | 'nak';
  readonly code: 2 | 3;
  readonly identifier: number;
  readonly message: Uint8Array;
}

/** Any other code: PAP has no Code-Reject, so the caller drops it. */
export interface PapUnknownPacket {
  readonly kind: 'unknown';
  readonly code: number;
  readonly identifier: number;
  readonly data: Uint8Array;
}

export type PapPacket = PapRequestPacket | PapReplyPacket | PapUnknownPacket;

/** Reads a one-octet length and that many bytes at `at`; undefined when they overrun `body`. */
function counted(body: Uint8Array, at: number): Uint8Array | undefined {
  if (at >= body.length) return undefined;
  const size = body[at] as number;
  return at + 1 + size <= body.length ? body.subarray(at + 1, at + 1 + size) : undefined;
}

/** Decodes the PAP packet in a PPP Information field; octets beyond Length are padding. Never throws. */
export function decodePapPacket(bytes: Uint8Array): Decoded<PapPacket> {
  if (bytes.length < PAP_HEADER_LENGTH) {
    return fail('truncated', bytes.length, `PAP packet needs 4 header bytes, got ${bytes.length}`);
  }
  const code = bytes[0] as number;
  const identifier = bytes[1] as number;
  const length = ((bytes[2] as number) << 8) | (bytes[3] as number);
  if (length < PAP_HEADER_LENGTH) return fail('bad-length', 2, `Length field ${length} is below 4`);
  if (length > bytes.length) {
    return fail('truncated', bytes.length, `Length field says ${length}, only ${bytes.length} bytes present`);
  }
  const body = bytes.subarray(PAP_HEADER_LENGTH, length);
  switch (code) {
    case PapCode.AuthenticateRequest: {
      const peerId = counted(body, 0);
      if (!peerId) return fail('bad-peer-id-length', PAP_HEADER_LENGTH, 'Peer-ID-Length overruns the packet');
      const at = 1 + peerId.length;
      const password = counted(body, at);
      if (!password) {
        return fail('bad-passwd-length', PAP_HEADER_LENGTH + at, 'Passwd-Length overruns the packet');
      }
      return ok({ kind: 'request', code, identifier, peerId, password });
    }
    case PapCode.AuthenticateAck:
    case PapCode.AuthenticateNak: {
      const kind = code === PapCode.AuthenticateAck ? 'ack' : 'nak';
      // pppd (upap_rauthack/-nak) accepts a reply without Msg-Length; so do we, as an empty message.
      if (body.length === 0) return ok({ kind, code, identifier, message: body });
      const message = counted(body, 0);
      if (!message) return fail('bad-msg-length', PAP_HEADER_LENGTH, 'Msg-Length overruns the packet');
      return ok({ kind, code, identifier, message });
    }
    default:
      return ok({ kind: 'unknown', code, identifier, data: body });
  }
}

function checkCounted(field: string, bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0xff)
    throw new RangeError(`PAP ${field} must be at most 255 bytes, got ${bytes.length}`);
  return bytes;
}

/** Encodes with an exact Length. A field over 255 bytes is a caller bug and throws. */
export function encodePapPacket(packet: PapPacket): Uint8Array {
  const writer = new ByteWriter(64);
  writer.u8(packet.code).u8(packet.identifier).u16(0);
  switch (packet.kind) {
    case 'request':
      writer.u8(checkCounted('Peer-ID', packet.peerId).length).bytes(packet.peerId);
      writer.u8(checkCounted('Password', packet.password).length).bytes(packet.password);
      break;
    case 'ack':
    case 'nak':
      writer.u8(checkCounted('Message', packet.message).length).bytes(packet.message);
      break;
    default:
      writer.bytes(packet.data);
  }
  if (writer.size > 0xffff)
    throw new RangeError(`PAP packet of ${writer.size} bytes exceeds the Length field`);
  return writer.patchU16(2, writer.size).finish();
}

/** An Authenticate-Ack or -Nak with the right `code` for its `kind`. */
export function papReplyPacket(kind: 'ack' | 'nak', identifier: number, message: Uint8Array): PapReplyPacket {
  const code = kind === 'ack' ? PapCode.AuthenticateAck : PapCode.AuthenticateNak;
  return { kind, code, identifier, message };
}
