// The Configuration Option list carried by Configure-Request/-Ack/-Nak/-Reject: Type, Length, Data
// (RFC 1661 §6). Length covers Type and Length, so it is at least 2 and must stay inside the packet.
import { type Decoded, ByteWriter, fail, ok } from '@switchyard/wire';

/** One Configuration Option as it appeared on the wire; `data` is a view of the value bytes only. */
export interface CpOption {
  readonly type: number;
  readonly data: Uint8Array;
}

/** Largest option value: the Length octet (255) minus the Type and Length octets. */
export const MAX_OPTION_DATA = 253;

/**
 * Splits an option list. `offset` is where `bytes` starts in the enclosing packet, so error offsets
 * point into the packet the caller logs.
 */
export function decodeCpOptions(bytes: Uint8Array, offset = 0): Decoded<CpOption[]> {
  const options: CpOption[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes.length - at < 2) {
      return fail('truncated-option', offset + at, `option header needs 2 bytes, ${bytes.length - at} left`);
    }
    const type = bytes[at] as number;
    const length = bytes[at + 1] as number;
    if (length < 2) {
      return fail('bad-option-length', offset + at + 1, `option ${type} has length ${length} (< 2)`);
    }
    if (at + length > bytes.length) {
      return fail(
        'truncated-option',
        offset + at + 1,
        `option ${type} has length ${length}, only ${bytes.length - at} bytes left in the packet`,
      );
    }
    options.push({ type, data: bytes.subarray(at + 2, at + length) });
    at += length;
  }
  return ok(options);
}

/** Writes options in the given order; a value longer than 253 bytes is a bug in the caller. */
export function writeCpOptions(writer: ByteWriter, options: readonly CpOption[]): void {
  for (const option of options) {
    if (option.data.length > MAX_OPTION_DATA) {
      throw new Error(`option ${option.type}: ${option.data.length}-byte value exceeds ${MAX_OPTION_DATA}`);
    }
    writer
      .u8(option.type)
      .u8(option.data.length + 2)
      .bytes(option.data);
  }
}

export function encodeCpOptions(options: readonly CpOption[]): Uint8Array {
  const writer = new ByteWriter();
  writeCpOptions(writer, options);
  return writer.finish();
}

/** Byte-for-byte equality of two options (RFC 1661 §5.2: an Ack must match exactly). */
export function cpOptionEquals(a: CpOption, b: CpOption): boolean {
  if (a.type !== b.type || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

export function cpOptionListEquals(a: readonly CpOption[], b: readonly CpOption[]): boolean {
  return a.length === b.length && a.every((option, i) => cpOptionEquals(option, b[i] as CpOption));
}
