// Which legacy algorithms node:crypto can run natively. OpenSSL 3 moved MD4, RC4 and single DES to its
// "legacy" provider, so Node ≥17 throws ERR_OSSL_EVP_UNSUPPORTED unless run with --openssl-legacy-provider.
import { createCipheriv, createHash } from 'node:crypto';

/** Probed once at load; every algorithm also has a pure TypeScript path that needs none of these. */
export interface NativeSupport {
  /** `createHash('md4')` works (legacy provider loaded). */
  readonly md4: boolean;
  /** `createCipheriv('rc4', …)` works (legacy provider loaded). */
  readonly rc4: boolean;
  /**
   * Which OpenSSL cipher gives single-DES ECB, if any. `des-ecb` needs the legacy provider;
   * `des-ede-ecb` (two-key 3DES) is in the default provider and equals single DES when both keys
   * are the same key (E_K(D_K(E_K(x))) = E_K(x)).
   */
  readonly des: 'des-ecb' | 'des-ede-ecb' | undefined;
}

function works(probe: () => void): boolean {
  try {
    probe();
    return true;
  } catch {
    return false;
  }
}

const zeros = new Uint8Array(16);

export const nativeSupport: NativeSupport = Object.freeze({
  md4: works(() => createHash('md4').update(zeros).digest()),
  rc4: works(() => createCipheriv('rc4', zeros, null).update(zeros)),
  des: works(() => createCipheriv('des-ecb', zeros.subarray(0, 8), null).update(zeros))
    ? 'des-ecb'
    : works(() => createCipheriv('des-ede-ecb', zeros, null).update(zeros))
      ? 'des-ede-ecb'
      : undefined,
});
