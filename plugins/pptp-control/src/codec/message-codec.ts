// Decode/encode of one complete PPTP control message (RFC 2637 §2), driven by the layout tables.
// Decoding proves the header and the exact per-type length before any body field is read.
import { ByteReader, ByteWriter, type Decoded, decodeAsciiz, encodeAscii, fail, ok } from '@switchyard/wire';
import {
  CONTROL_MESSAGE_LENGTH,
  ControlMessageType,
  type ControlMessageName,
  PPTP_HEADER_LENGTH,
  PPTP_MAGIC_COOKIE,
  PptpMessageType,
} from './constants.js';
import { decodePptpHeader, PptpDecodeReason } from './header.js';
import { KIND_SIZE, MESSAGE_LAYOUTS, type FieldSpec } from './layouts.js';
import type { PptpMessage } from './messages.js';

type AnyField = FieldSpec<Record<string, number | string>>;
const layoutOf = (type: ControlMessageName): readonly AnyField[] =>
  MESSAGE_LAYOUTS[type] as unknown as readonly AnyField[];

/**
 * Decodes exactly one control message. `bytes` must hold the whole message and nothing more
 * (the framer hands over exact slices); reserved fields after the header are not checked (Postel).
 */
export function decodePptpMessage(bytes: Uint8Array): Decoded<PptpMessage> {
  const header = decodePptpHeader(bytes);
  if (!header.ok) return header;
  const { length, type } = header.value;
  if (bytes.length < length) {
    return fail(
      PptpDecodeReason.Truncated,
      bytes.length,
      `${type} needs ${length} bytes, have ${bytes.length}`,
    );
  }
  if (bytes.length > length) {
    return fail(
      PptpDecodeReason.TrailingBytes,
      length,
      `${bytes.length - length} bytes after a ${length}-byte ${type}`,
    );
  }
  const reader = new ByteReader(bytes, PPTP_HEADER_LENGTH);
  const message: Record<string, number | string> = { type };
  for (const [name, kind] of layoutOf(type)) {
    let value: number | string;
    switch (kind) {
      case 'u8':
        value = reader.u8();
        break;
      case 'u16':
        value = reader.u16();
        break;
      case 'u32':
        value = reader.u32();
        break;
      default:
        value = decodeAsciiz(reader.bytesView(KIND_SIZE[kind]));
    }
    if (name !== null) message[name] = value;
  }
  return ok(message as unknown as PptpMessage);
}

/** Encodes a control message with its header; reserved fields are written as 0 (RFC 2637 §2). */
export function encodePptpMessage(message: PptpMessage): Uint8Array {
  const length = CONTROL_MESSAGE_LENGTH[message.type];
  const writer = new ByteWriter(length);
  writer.u16(length).u16(PptpMessageType.Control).u32(PPTP_MAGIC_COOKIE);
  writer.u16(ControlMessageType[message.type]).u16(0);
  const fields = message as unknown as Readonly<Record<string, number | string>>;
  for (const [name, kind] of layoutOf(message.type)) {
    const value = name === null ? 0 : fields[name];
    switch (kind) {
      case 'u8':
        writer.u8(Number(value ?? 0));
        break;
      case 'u16':
        writer.u16(Number(value ?? 0));
        break;
      case 'u32':
        writer.u32(Number(value ?? 0));
        break;
      default:
        writer.fixed(encodeAscii(String(value ?? '')), KIND_SIZE[kind]);
    }
  }
  return writer.finish();
}
