// Hex helpers for tests, traces and fixtures: `hex('01 02 0a')` tolerates spaces, newlines and colons.

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new Error(`not a hex string: ${text.slice(0, 40)}`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array, separator = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += (bytes[i] as number).toString(16).padStart(2, '0');
  }
  return out;
}

/** A short excerpt for logs of malformed input: at most `max` bytes, then an ellipsis. */
export function hexExcerpt(bytes: Uint8Array, max = 32): string {
  const shown = toHex(bytes.subarray(0, max), ' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : shown;
}
