// SHA-1 (FIPS 180-4 §6.1) of short messages, in TypeScript, for the MPPE key change: stateless MPPE
// (RFC 3078 §7.1) hashes a 112-byte (128-bit) or 96-byte (40/56-bit) input before EVERY packet, and at
// that size node:crypto's per-call overhead (argument checks, a new Buffer for each digest) costs more
// than the two compression rounds themselves. No allocation: scratch state is module-level (a call
// never yields), and the digest is written into the caller's array.

/** The longest message that fits two 64-byte blocks with its padding (0x80 and the 8-byte length). */
export const SHA1_SHORT_MAX = 119;

const W = new Int32Array(80);
const H = new Int32Array(5);
const BLOCKS = new Uint8Array(128);

function compress(block: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++) {
    const o = at + 4 * t;
    W[t] =
      ((block[o] as number) << 24) |
      ((block[o + 1] as number) << 16) |
      ((block[o + 2] as number) << 8) |
      (block[o + 3] as number);
  }
  for (let t = 16; t < 80; t++) {
    const x = (W[t - 3] as number) ^ (W[t - 8] as number) ^ (W[t - 14] as number) ^ (W[t - 16] as number);
    W[t] = (x << 1) | (x >>> 31);
  }
  let a = H[0] as number;
  let b = H[1] as number;
  let c = H[2] as number;
  let d = H[3] as number;
  let e = H[4] as number;
  // Four loops, one per round function, so none of them branches per step.
  let t = 0;
  for (; t < 20; t++) {
    const next = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  for (; t < 40; t++) {
    const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  for (; t < 60; t++) {
    const next =
      (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  for (; t < 80; t++) {
    const next = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + (W[t] as number)) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
}

/**
 * SHA-1 of `data` (at most SHA1_SHORT_MAX bytes) written into `out[0..20)`; returns `out`. `data` is
 * copied into the padded blocks first, so `out` may overlap it.
 */
export function sha1Short(data: Uint8Array, out: Uint8Array = new Uint8Array(20)): Uint8Array {
  const length = data.length;
  if (length > SHA1_SHORT_MAX)
    throw new RangeError(`sha1Short takes at most ${SHA1_SHORT_MAX} bytes, got ${length}`);
  const end = length + 9 <= 64 ? 64 : 128;
  BLOCKS.fill(0, 0, end);
  BLOCKS.set(data);
  BLOCKS[length] = 0x80;
  // The message length in bits, big-endian, in the last 8 bytes (it never exceeds 32 bits here).
  const bits = length * 8;
  BLOCKS[end - 2] = bits >>> 8;
  BLOCKS[end - 1] = bits & 0xff;
  H[0] = 0x67452301;
  H[1] = 0xefcdab89;
  H[2] = 0x98badcfe;
  H[3] = 0x10325476;
  H[4] = 0xc3d2e1f0;
  compress(BLOCKS, 0);
  if (end === 128) compress(BLOCKS, 64);
  for (let i = 0; i < 5; i++) {
    const v = H[i] as number;
    out[4 * i] = v >>> 24;
    out[4 * i + 1] = (v >>> 16) & 0xff;
    out[4 * i + 2] = (v >>> 8) & 0xff;
    out[4 * i + 3] = v & 0xff;
  }
  return out;
}
