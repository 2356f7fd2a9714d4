// SHA-1 (FIPS 180-4) for ChallengeHash (RFC 2759 §8.2) and the MPPE key derivations (RFC 3079 §2.4, §3.4).
// node:crypto's sha1 is in OpenSSL's default provider, so no pure fallback is needed.
import * as nodeCrypto from 'node:crypto';

/**
 * Incremental SHA-1 shaped like the RFCs' SHAInit / SHAUpdate / SHAFinal:
 * `new Sha1()` is SHAInit, `update` is SHAUpdate, `final` is SHAFinal.
 */
export class Sha1 {
  private readonly hash = nodeCrypto.createHash('sha1');

  update(data: Uint8Array): this {
    this.hash.update(data);
    return this;
  }

  /** The 20-byte digest; the context cannot be updated afterwards. */
  final(): Uint8Array {
    return new Uint8Array(this.hash.digest());
  }
}

// crypto.hash (Node ≥20.12) skips the Hash object, which matters on the per-packet MPPE rekey path.
const oneShot: (data: Uint8Array) => Uint8Array =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha1', data, 'buffer')
    : (data) => nodeCrypto.createHash('sha1').update(data).digest();

/** SHA-1 of the concatenation of `parts` (20 bytes). */
export function sha1(...parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return new Uint8Array(oneShot(parts[0] as Uint8Array));
  const ctx = new Sha1();
  for (const part of parts) ctx.update(part);
  return ctx.final();
}

/**
 * SHA-1 of one buffer, returned as node gives it (a Buffer, which is a Uint8Array) without a copy:
 * for hot paths that only read the digest.
 */
export function sha1Digest(data: Uint8Array): Uint8Array {
  return oneShot(data);
}
