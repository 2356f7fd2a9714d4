// DES single-block encryption (FIPS 46-3, ECB on one 64-bit block) and the MS-CHAP 7→8-byte key
// expansion (RFC 2759 §8.6, RFC 2433 App. B.3). MS-CHAP needs nothing else: three blocks per response.
import { createCipheriv } from 'node:crypto';
import { IP, P, PC1, PC2, SBOXES, SHIFTS } from './des-tables.js';
import { requireLength } from './bytes.js';
import { nativeSupport } from './native.js';

/**
 * Lookup tables for a bit permutation `table` (output bit i ← input bit table[i], 1-based, MSB first):
 * for input group g of `groupBits` bits holding value v, entry 2·(g·2^groupBits + v) is the output's
 * bits 1–32 and the next entry bits 33–64. A permutation is then one OR of a lookup per group.
 */
function permutationTables(table: readonly number[], groupBits: number, groups: number): Int32Array {
  const size = 1 << groupBits;
  const out = new Int32Array(groups * size * 2);
  table.forEach((source, i) => {
    const g = Math.floor((source - 1) / groupBits);
    const bitInGroup = groupBits - 1 - ((source - 1) % groupBits);
    for (let v = 0; v < size; v++) {
      if (((v >>> bitInGroup) & 1) === 0) continue;
      const at = (g * size + v) * 2 + (i < 32 ? 0 : 1);
      out[at] = (out[at] as number) | (1 << (31 - (i % 32)));
    }
  });
  return out;
}

const inverse = (table: readonly number[]): number[] => {
  const out = new Array<number>(table.length);
  table.forEach((source, i) => (out[source - 1] = i + 1));
  return out;
};

const IP_T = permutationTables(IP, 8, 8);
const FP_T = permutationTables(inverse(IP), 8, 8);
const PC1_T = permutationTables(PC1, 8, 8);
const PC2_T = permutationTables(PC2, 7, 8);

/** S-box k for 6-bit input v, already passed through P: the round function is then 8 lookups. */
const SP = new Int32Array(8 * 64);
{
  const pTables = permutationTables(P, 8, 4);
  SBOXES.forEach((sbox, k) => {
    for (let v = 0; v < 64; v++) {
      const row = ((v >>> 4) & 2) | (v & 1); // outer bits b1 b6 pick the row, inner b2…b5 the column
      const s = (sbox[row * 16 + ((v >>> 1) & 15)] as number) << (28 - 4 * k);
      let permuted = 0;
      for (let g = 0; g < 4; g++)
        permuted |= pTables[(g * 256 + ((s >>> (24 - 8 * g)) & 0xff)) * 2] as number;
      SP[k * 64 + v] = permuted;
    }
  });
}

/** Applies 8-bit-group tables `t` to 8 bytes; writes bits 1–32 and 33–64 to `out[0]`, `out[1]`. */
function permute64(t: Int32Array, bytes: ArrayLike<number>, out: Int32Array): void {
  let hi = 0;
  let lo = 0;
  for (let g = 0; g < 8; g++) {
    const at = (g * 256 + (bytes[g] as number)) * 2;
    hi |= t[at] as number;
    lo |= t[at + 1] as number;
  }
  out[0] = hi;
  out[1] = lo;
}

/** The 16 round keys as 8 six-bit chunks each (FIPS 46-3 key schedule). */
function roundKeys(key: Uint8Array, keys: Uint8Array, pair: Int32Array): void {
  permute64(PC1_T, key, pair);
  const hi = pair[0] as number;
  const lo = pair[1] as number;
  let c = hi >>> 4; // PC1 bits 1–28
  let d = ((hi & 0xf) << 24) | (lo >>> 8); // PC1 bits 29–56
  for (let round = 0; round < 16; round++) {
    const s = SHIFTS[round] as number;
    c = ((c << s) | (c >>> (28 - s))) & 0xfffffff;
    d = ((d << s) | (d >>> (28 - s))) & 0xfffffff;
    let kHi = 0;
    let kLo = 0;
    for (let g = 0; g < 8; g++) {
      const v = g < 4 ? (c >>> (21 - 7 * g)) & 0x7f : (d >>> (21 - 7 * (g - 4))) & 0x7f;
      kHi |= PC2_T[(g * 128 + v) * 2] as number;
      kLo |= PC2_T[(g * 128 + v) * 2 + 1] as number;
    }
    // 48 bits: chunks 0–4 and the top 2 bits of chunk 5 in kHi, the rest in the top of kLo.
    const at = round * 8;
    keys[at] = kHi >>> 26;
    keys[at + 1] = (kHi >>> 20) & 63;
    keys[at + 2] = (kHi >>> 14) & 63;
    keys[at + 3] = (kHi >>> 8) & 63;
    keys[at + 4] = (kHi >>> 2) & 63;
    keys[at + 5] = ((kHi & 3) << 4) | (kLo >>> 28);
    keys[at + 6] = (kLo >>> 22) & 63;
    keys[at + 7] = (kLo >>> 16) & 63;
  }
}

/** f(R, K) = P(S(E(R) ⊕ K)); E's k-th 6-bit group is R's bits 4k…4k+5 (cyclically), i.e. a rotation. */
function feistel(r: number, keys: Uint8Array, at: number): number {
  let f = 0;
  for (let k = 0; k < 8; k++) {
    const rot = (4 * k + 31) & 31;
    const e = (((r << rot) | (r >>> (32 - rot))) >>> 26) & 63;
    f |= SP[k * 64 + (e ^ (keys[at + k] as number))] as number;
  }
  return f;
}

const scratchKeys = new Uint8Array(128);
const scratchPair = new Int32Array(2);
const scratchBytes = new Uint8Array(8);

/** DES-encrypts one 8-byte block with an 8-byte key (parity bits ignored), in pure TypeScript. */
export function desEncryptBlockPure(
  key: Uint8Array,
  block: Uint8Array,
  out: Uint8Array = new Uint8Array(8),
): Uint8Array {
  requireLength('DES key', key, 8);
  requireLength('DES block', block, 8);
  roundKeys(key, scratchKeys, scratchPair);
  permute64(IP_T, block, scratchPair);
  let l = scratchPair[0] as number;
  let r = scratchPair[1] as number;
  for (let round = 0; round < 16; round++) {
    const next = l ^ feistel(r, scratchKeys, round * 8);
    l = r;
    r = next;
  }
  // The last round does not swap, so the pre-output is R16‖L16.
  for (let i = 0; i < 4; i++) {
    scratchBytes[i] = r >>> (24 - 8 * i);
    scratchBytes[4 + i] = l >>> (24 - 8 * i);
  }
  permute64(FP_T, scratchBytes, scratchPair);
  for (let i = 0; i < 4; i++) {
    out[i] = (scratchPair[0] as number) >>> (24 - 8 * i);
    out[4 + i] = (scratchPair[1] as number) >>> (24 - 8 * i);
  }
  return out;
}

const nativeDes = nativeSupport.des;

/** DES through OpenSSL (`des-ecb`, or `des-ede-ecb` with K‖K); undefined if OpenSSL offers neither. */
export const desEncryptBlockNative: ((key: Uint8Array, block: Uint8Array) => Uint8Array) | undefined =
  nativeDes === undefined
    ? undefined
    : (key, block) => {
        requireLength('DES key', key, 8);
        requireLength('DES block', block, 8);
        const cipherKey = nativeDes === 'des-ecb' ? key : Buffer.concat([key, key]);
        const cipher = createCipheriv(nativeDes, cipherKey, null).setAutoPadding(false);
        return new Uint8Array(Buffer.concat([cipher.update(block), cipher.final()]));
      };

/**
 * DES-encrypts one block. Always the pure path: MS-CHAP changes the key on every block, and building
 * an OpenSSL cipher object per block costs more than the whole pure computation (benchmark: pure
 * 2.2 M blocks/s, native 0.4 M blocks/s, each with its own key).
 */
export function desEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return desEncryptBlockPure(key, block);
}

/**
 * Spreads a 7-byte (56-bit) key over 8 bytes, 7 key bits each followed by a parity bit set for odd
 * parity (RFC 2759 §9.3: FC 15 6A F7 ED CD 6C → FD 0B 5B 5E 7F 6E 34 D9). DES ignores the parity bit,
 * but setting it matches the RFC examples and pickier DES engines.
 */
export function expandDesKey(key7: Uint8Array): Uint8Array {
  requireLength('7-byte DES key', key7, 7);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    const bit = 7 * i;
    const byte = bit >>> 3;
    const shift = bit & 7;
    // The 7 bits starting at `bit`, possibly straddling two input bytes.
    const pair = ((key7[byte] as number) << 8) | (key7[byte + 1] ?? 0);
    const seven = (pair >>> (9 - shift)) & 0x7f;
    let ones = 0;
    for (let v = seven; v !== 0; v >>>= 1) ones += v & 1;
    out[i] = (seven << 1) | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

/** DesEncrypt(Clear, 7-octet Key) of RFC 2759 §8.6 / RFC 2433 App. A.4. */
export function desEncrypt7(clear: Uint8Array, key7: Uint8Array): Uint8Array {
  return desEncryptBlock(expandDesKey(key7), clear);
}
