// The 12-byte PPTP control header (RFC 2637 §1.4, §2): Length, PPTP Message Type, Magic Cookie,
// Control Message Type, Reserved0. Checked field by field so a stream reader can reject garbage
// as soon as the offending bytes arrive instead of waiting for a bogus length to fill up.
import { type Decoded, fail, ok } from '@switchyard/wire';
import {
  CONTROL_MESSAGE_LENGTH,
  ControlMessageType,
  type ControlMessageName,
  PPTP_HEADER_LENGTH,
  PPTP_MAGIC_COOKIE,
  PPTP_MAX_MESSAGE_LENGTH,
  PptpMessageType,
} from './constants.js';

export interface PptpHeader {
  /** Total message length including the header; already proven to be this type's exact size. */
  readonly length: number;
  readonly type: ControlMessageName;
}

/** Failure reasons of the control codec; all of them mean loss of sync on a TCP stream. */
export const PptpDecodeReason = {
  Truncated: 'truncated',
  BadLength: 'bad-length',
  BadMessageType: 'bad-message-type',
  BadMagicCookie: 'bad-magic-cookie',
  UnknownControlMessageType: 'unknown-control-message-type',
  BadReserved0: 'bad-reserved0',
  TrailingBytes: 'trailing-bytes',
} as const;

const NAME_BY_CODE: readonly (ControlMessageName | undefined)[] = (() => {
  const names: (ControlMessageName | undefined)[] = [];
  for (const [name, code] of Object.entries(ControlMessageType)) names[code] = name as ControlMessageName;
  return names;
})();

/** The message name for a Control Message Type code, or undefined for codes RFC 2637 does not define. */
export function controlMessageName(code: number): ControlMessageName | undefined {
  return NAME_BY_CODE[code];
}

const u16 = (b: Uint8Array, at: number): number => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number): number => ((u16(b, at) << 16) | u16(b, at + 2)) >>> 0;

/**
 * Validates the header at the start of `bytes`, which may hold fewer than 12 bytes: every field that is
 * present is checked, and only then is a short input reported as `truncated` (the caller waits for more).
 */
export function decodePptpHeader(bytes: Uint8Array): Decoded<PptpHeader> {
  const have = bytes.length;
  if (have < 2) return fail(PptpDecodeReason.Truncated, have, `need 2 bytes for Length, have ${have}`);
  const length = u16(bytes, 0);
  if (length < PPTP_HEADER_LENGTH || length > PPTP_MAX_MESSAGE_LENGTH) {
    return fail(
      PptpDecodeReason.BadLength,
      0,
      `Length ${length} outside ${PPTP_HEADER_LENGTH}..${PPTP_MAX_MESSAGE_LENGTH}`,
    );
  }
  if (have < 4) return fail(PptpDecodeReason.Truncated, have, 'need 4 bytes for PPTP Message Type');
  const messageType = u16(bytes, 2);
  if (messageType !== PptpMessageType.Control) {
    return fail(
      PptpDecodeReason.BadMessageType,
      2,
      `PPTP Message Type ${messageType}, only 1 (control) is defined`,
    );
  }
  if (have < 8) return fail(PptpDecodeReason.Truncated, have, 'need 8 bytes for Magic Cookie');
  const cookie = u32(bytes, 4);
  if (cookie !== PPTP_MAGIC_COOKIE) {
    return fail(PptpDecodeReason.BadMagicCookie, 4, `Magic Cookie 0x${cookie.toString(16).padStart(8, '0')}`);
  }
  if (have < 10) return fail(PptpDecodeReason.Truncated, have, 'need 10 bytes for Control Message Type');
  const code = u16(bytes, 8);
  const type = controlMessageName(code);
  if (type === undefined) {
    return fail(PptpDecodeReason.UnknownControlMessageType, 8, `Control Message Type ${code} is not defined`);
  }
  const expected = CONTROL_MESSAGE_LENGTH[type];
  if (length !== expected) {
    return fail(PptpDecodeReason.BadLength, 0, `${type} must be ${expected} bytes, Length says ${length}`);
  }
  if (have < PPTP_HEADER_LENGTH) return fail(PptpDecodeReason.Truncated, have, 'need 12 bytes for Reserved0');
  const reserved0 = u16(bytes, 10);
  if (reserved0 !== 0) return fail(PptpDecodeReason.BadReserved0, 10, `Reserved0 is ${reserved0}, must be 0`);
  return ok({ length, type });
}
