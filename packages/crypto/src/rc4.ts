// RC4 stream cipher for MPPE (RFC 3078 §5-6). The keystream continues across `update` calls, as in
// MPPE stateful mode; `setKey` re-initialises the tables, as every MPPE key change does (RFC 3078 §7.3).

/** What both the pure and the native RC4 offer. */
export interface Rc4Stream {
  /** Re-initialises the state from `key` (1-256 bytes) and restarts the keystream. */
  setKey(key: Uint8Array): this;
  /**
   * XORs `input` with the next `input.length` keystream bytes into `output` (default: a new array)
   * and returns `output`. `output` may be `input` itself, to encrypt in place.
   */
  update(input: Uint8Array, output?: Uint8Array): Uint8Array;
}

function checkKey(key: Uint8Array): void {
  if (key.length < 1 || key.length > 256)
    throw new RangeError(`RC4 key must be 1-256 bytes, got ${key.length}`);
}

function checkOutput(input: Uint8Array, output: Uint8Array): void {
  if (output.length < input.length) {
    throw new RangeError(`RC4 output (${output.length} bytes) is shorter than the input (${input.length})`);
  }
}

/** 0, 1, … 255: the state every key schedule starts from. */
const IDENTITY = Uint8Array.from({ length: 256 }, (_, n) => n);

/**
 * RC4 in pure TypeScript. The state is a Uint8Array so V8 keeps it unboxed, and the loop works on
 * locals: about as fast as OpenSSL's RC4 reached through node:crypto, with no allocation per call.
 */
export class Rc4 implements Rc4Stream {
  private readonly s = new Uint8Array(256);
  private i = 0;
  private j = 0;

  /** Without a key the state is unkeyed; call `setKey` before `update`. */
  constructor(key?: Uint8Array) {
    if (key !== undefined) this.setKey(key);
  }

  setKey(key: Uint8Array): this {
    checkKey(key);
    const s = this.s;
    s.set(IDENTITY);
    // Key-scheduling algorithm: j += S[i] + key[i mod keylen], swap. MPPE keys are 8 or 16 bytes, and
    // stateless MPPE runs this twice per packet: a mask instead of a wrap-around test for those.
    const keyLength = key.length;
    let j = 0;
    if ((keyLength & (keyLength - 1)) === 0) {
      const mask = keyLength - 1;
      for (let n = 0; n < 256; n++) {
        const t = s[n] as number;
        j = (j + t + (key[n & mask] as number)) & 0xff;
        s[n] = s[j] as number;
        s[j] = t;
      }
    } else {
      for (let n = 0, k = 0; n < 256; n++) {
        const t = s[n] as number;
        j = (j + t + (key[k] as number)) & 0xff;
        s[n] = s[j] as number;
        s[j] = t;
        if (++k === keyLength) k = 0;
      }
    }
    this.i = 0;
    this.j = 0;
    return this;
  }

  update(input: Uint8Array, output: Uint8Array = new Uint8Array(input.length)): Uint8Array {
    checkOutput(input, output);
    const s = this.s;
    const length = input.length;
    let i = this.i;
    let j = this.j;
    for (let n = 0; n < length; n++) {
      i = (i + 1) & 0xff;
      const si = s[i] as number;
      j = (j + si) & 0xff;
      const sj = s[j] as number;
      s[i] = sj;
      s[j] = si;
      output[n] = (input[n] as number) ^ (s[(si + sj) & 0xff] as number);
    }
    this.i = i;
    this.j = j;
    return output;
  }
}

/** One-shot RC4: `input` encrypted (or decrypted) under a fresh `key`. */
export function rc4(key: Uint8Array, input: Uint8Array, output?: Uint8Array): Uint8Array {
  return new Rc4(key).update(input, output);
}
