// Small byte helpers shared by the MS-CHAP and MPPE code: length checks, concatenation, text encodings
// (RFC 2759 hashes UTF-16LE passwords; RFC 2433's LM hash wants an uppercase 8-bit "OEM" string).

/** Throws a RangeError unless `bytes` is exactly `length` long: a wrong length here is a caller bug. */
export function requireLength(name: string, bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length !== length) {
    throw new RangeError(`${name} must be ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Compares in time that depends only on the lengths, so a forged response learns nothing from timing. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** UTF-16LE code units, no terminator: the "unicode-char" password of RFC 2759 §8.3. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >>> 8;
  }
  return out;
}

const utf8 = new TextEncoder();

/** User names go on the wire as bytes; a string is taken as UTF-8 (ASCII in practice). */
export function textBytes(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? utf8.encode(text) : text;
}

export function toHexUpper(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++)
    out += (bytes[i] as number).toString(16).toUpperCase().padStart(2, '0');
  return out;
}
