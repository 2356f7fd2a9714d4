// Control-protocol packets (LCP, IPCP, CCP, IPV6CP…): Code, Identifier, Length, Data (RFC 1661 §5),
// decoded into readonly objects. The Length is proven before any field is read; octets beyond it
// are padding and ignored (RFC 1661 §5 "Length"). Which codes exist depends on the protocol.
import { type Decoded, ByteWriter, fail, ok } from '@switchyard/wire';
import { isCodeDefined } from './codes.js';
import { type CpOption, decodeCpOptions, writeCpOptions } from './cp-options.js';
import { PppProtocol } from './protocols.js';

/** Code, Identifier and Length. */
export const CP_HEADER_LENGTH = 4;

interface CpPacketBase {
  readonly identifier: number;
}

/** Configure-Request/-Ack/-Nak/-Reject (RFC 1661 §5.1–5.4). */
export interface ConfigurePacket extends CpPacketBase {
  readonly kind: 'configure';
  readonly code: 1 | 2 | 3 | 4;
  readonly options: readonly CpOption[];
}

/** Terminate-Request/-Ack (RFC 1661 §5.5); `data` is uninterpreted (pppd puts a reason string there). */
export interface TerminatePacket extends CpPacketBase {
  readonly kind: 'terminate';
  readonly code: 5 | 6;
  readonly data: Uint8Array;
}

/** Code-Reject (RFC 1661 §5.6): a copy of the rejected packet, starting at its Code field. */
export interface CodeRejectPacket extends CpPacketBase {
  readonly kind: 'codeReject';
  readonly code: 7;
  readonly rejectedPacket: Uint8Array;
}

/** Protocol-Reject, LCP only (RFC 1661 §5.7). */
export interface ProtocolRejectPacket extends CpPacketBase {
  readonly kind: 'protocolReject';
  readonly code: 8;
  readonly rejectedProtocol: number;
  readonly rejectedInformation: Uint8Array;
}

/**
 * The LCP packets that start with a Magic-Number: Echo-Request/-Reply, Discard-Request (RFC 1661
 * §5.8–5.9), Identification and Time-Remaining (RFC 1570 §1.1–1.2). LCP only.
 */
export interface MagicPacket extends CpPacketBase {
  readonly kind: 'magic';
  readonly code: 9 | 10 | 11 | 12 | 13;
  readonly magicNumber: number;
  readonly data: Uint8Array;
}

/** Any other code: CCP's Reset-Request/-Ack (14/15, RFC 1962 §3.1) or a code the protocol does not define. */
export interface OtherPacket extends CpPacketBase {
  readonly kind: 'other';
  readonly code: number;
  readonly data: Uint8Array;
}

export type CpPacket =
  ConfigurePacket | TerminatePacket | CodeRejectPacket | ProtocolRejectPacket | MagicPacket | OtherPacket;

const u16 = (b: Uint8Array, at: number): number => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number): number => ((u16(b, at) << 16) | u16(b, at + 2)) >>> 0;

/**
 * Decodes one control packet of `protocol` (default LCP, whose code set is the widest). Codes the
 * protocol does not define (IPCP code 9, LCP code 14) decode as `kind: 'other'` so the automaton
 * can Code-Reject them. Never throws; every failure carries the offset it was noticed at.
 */
export function decodeCpPacket(bytes: Uint8Array, protocol: number = PppProtocol.LCP): Decoded<CpPacket> {
  if (bytes.length < CP_HEADER_LENGTH) {
    return fail('truncated', bytes.length, `control packet needs 4 header bytes, got ${bytes.length}`);
  }
  const code = bytes[0] as number;
  const identifier = bytes[1] as number;
  const length = u16(bytes, 2);
  if (length < CP_HEADER_LENGTH) return fail('bad-length', 2, `Length field ${length} is below 4`);
  if (length > bytes.length) {
    return fail('truncated', bytes.length, `Length field says ${length}, only ${bytes.length} bytes present`);
  }
  const body = bytes.subarray(CP_HEADER_LENGTH, length);
  if (!isCodeDefined(protocol, code)) return ok({ kind: 'other', code, identifier, data: body });
  switch (code) {
    case 1:
    case 2:
    case 3:
    case 4: {
      const options = decodeCpOptions(body, CP_HEADER_LENGTH);
      return options.ok ? ok({ kind: 'configure', code, identifier, options: options.value }) : options;
    }
    case 5:
    case 6:
      return ok({ kind: 'terminate', code, identifier, data: body });
    case 7:
      return ok({ kind: 'codeReject', code, identifier, rejectedPacket: body });
    case 8:
      if (body.length < 2)
        return fail('truncated', length, 'Protocol-Reject needs a 2-byte Rejected-Protocol');
      return ok({
        kind: 'protocolReject',
        code,
        identifier,
        rejectedProtocol: u16(body, 0),
        rejectedInformation: body.subarray(2),
      });
    case 9:
    case 10:
    case 11:
    case 12:
    case 13:
      if (body.length < 4) return fail('truncated', length, `code ${code} needs a 4-byte Magic-Number`);
      return ok({ kind: 'magic', code, identifier, magicNumber: u32(body, 0), data: body.subarray(4) });
    default:
      return ok({ kind: 'other', code, identifier, data: body });
  }
}

/** Encodes a packet with an exact Length (no padding). Oversized packets are a caller bug and throw. */
export function encodeCpPacket(packet: CpPacket): Uint8Array {
  const writer = new ByteWriter(64);
  writer.u8(packet.code).u8(packet.identifier).u16(0);
  switch (packet.kind) {
    case 'configure':
      writeCpOptions(writer, packet.options);
      break;
    case 'codeReject':
      writer.bytes(packet.rejectedPacket);
      break;
    case 'protocolReject':
      writer.u16(packet.rejectedProtocol).bytes(packet.rejectedInformation);
      break;
    case 'magic':
      writer.u32(packet.magicNumber).bytes(packet.data);
      break;
    default:
      writer.bytes(packet.data);
  }
  if (writer.size > 0xffff)
    throw new Error(`control packet of ${writer.size} bytes exceeds the Length field`);
  return writer.patchU16(2, writer.size).finish();
}
