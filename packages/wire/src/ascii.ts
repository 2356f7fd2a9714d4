// Fixed-width NUL-padded ASCII fields (PPTP host name, vendor, phone numbers) and Latin-1 text.

export function encodeAscii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Decodes up to the first NUL: peers pad these fields with zeros (RFC 2637 §2.1). */
export function decodeAsciiz(bytes: Uint8Array): string {
  let end = bytes.indexOf(0);
  if (end < 0) end = bytes.length;
  let out = '';
  for (let i = 0; i < end; i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}
