// MD4 message digest (RFC 1320), needed for the NT password hash of MS-CHAP (RFC 2759 §8.3).
// Pure TypeScript, because OpenSSL 3 only offers MD4 with the legacy provider loaded.
import { createHash } from 'node:crypto';
import { nativeSupport } from './native.js';

const ROUND2 = 0x5a827999;
const ROUND3 = 0x6ed9eba1;

const rotl = (x: number, s: number): number => (x << s) | (x >>> (32 - s));

/** One 64-byte block at `offset` (RFC 1320 §3.4), updating `state` in place. */
function compress(state: Int32Array, block: Uint8Array, offset: number, x: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const p = offset + 4 * i;
    // Little-endian words (RFC 1320 §2): the low-order byte comes first.
    x[i] =
      (block[p] as number) |
      ((block[p + 1] as number) << 8) |
      ((block[p + 2] as number) << 16) |
      ((block[p + 3] as number) << 24);
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  const w = (k: number): number => x[k] as number;

  // Round 1: F(X,Y,Z) = XY v not(X) Z, words in order, shifts 3 7 11 19.
  for (let k = 0; k < 16; k += 4) {
    a = rotl((a + ((b & c) | (~b & d)) + w(k)) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + w(k + 1)) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + w(k + 2)) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + w(k + 3)) | 0, 19);
  }
  // Round 2: G(X,Y,Z) = XY v XZ v YZ, words by column (0 4 8 12, 1 5 9 13, …), shifts 3 5 9 13.
  for (let k = 0; k < 4; k++) {
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + w(k) + ROUND2) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + w(k + 4) + ROUND2) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + w(k + 8) + ROUND2) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + w(k + 12) + ROUND2) | 0, 13);
  }
  // Round 3: H(X,Y,Z) = X xor Y xor Z, words in bit-reversed order (0 8 4 12, 2 10 6 14, …), shifts 3 9 11 15.
  for (const k of [0, 2, 1, 3]) {
    a = rotl((a + (b ^ c ^ d) + w(k) + ROUND3) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + w(k + 8) + ROUND3) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + w(k + 4) + ROUND3) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + w(k + 12) + ROUND3) | 0, 15);
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
}

/** MD4 in pure TypeScript; always available. */
export function md4Pure(data: Uint8Array): Uint8Array {
  const state = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
  const x = new Int32Array(16);
  const fullBlocks = data.length >>> 6;
  for (let i = 0; i < fullBlocks; i++) compress(state, data, i * 64, x);

  // Padding (RFC 1320 §3.1-3.2): 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian.
  const rest = data.length - fullBlocks * 64;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(fullBlocks * 64));
  tail[rest] = 0x80;
  const bitLength = data.length * 8;
  const lengthAt = tail.length - 8;
  const low = bitLength >>> 0;
  const high = Math.floor(bitLength / 0x100000000);
  for (let i = 0; i < 4; i++) {
    tail[lengthAt + i] = (low >>> (8 * i)) & 0xff;
    tail[lengthAt + 4 + i] = (high >>> (8 * i)) & 0xff;
  }
  for (let offset = 0; offset < tail.length; offset += 64) compress(state, tail, offset, x);

  const digest = new Uint8Array(16);
  for (let i = 0; i < 16; i++) digest[i] = ((state[i >>> 2] as number) >>> (8 * (i & 3))) & 0xff;
  return digest;
}

/** MD4 through OpenSSL; only defined when the legacy provider is loaded. */
export const md4Native: ((data: Uint8Array) => Uint8Array) | undefined = nativeSupport.md4
  ? (data) => new Uint8Array(createHash('md4').update(data).digest())
  : undefined;

/**
 * Below this size the pure MD4 wins: OpenSSL's per-call setup costs about as much as hashing 1 KiB in
 * TypeScript (benchmark: 16 bytes, pure 3.9 M/s vs native 0.8 M/s; 64 KiB, pure 580 vs native 1430 MB/s).
 */
const NATIVE_MIN_BYTES = 1024;

/**
 * MD4 digest (16 bytes). Takes OpenSSL for inputs of 1 KiB or more when it offers MD4, the pure
 * implementation otherwise; MS-CHAP's inputs (at most 512 bytes) always take the pure path.
 */
export function md4(data: Uint8Array): Uint8Array {
  return md4Native !== undefined && data.length >= NATIVE_MIN_BYTES ? md4Native(data) : md4Pure(data);
}
