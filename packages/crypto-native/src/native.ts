// Loads the crypto_native addon (built from native/*.c by node-gyp at `npm ci`) and types its raw
// surface. Loading is lazy and fails with one clear error: the MPPE plugin refuses to start without the
// addon rather than fall back silently to a slower data path.
import { createRequire } from 'node:module';

/**
 * The functions of native/addon.cc; `state` is an aligned Uint8Array of `stateBytes`, or of
 * `compactStateBytes` (without the second RC4 table: no look-ahead key change, see mppe.h).
 */
export interface CryptoNativeAddon {
  readonly stateBytes: number;
  readonly compactStateBytes: number;
  /** A state before its first data: init accepts it, every other call wants a table (mppe.h). */
  readonly headerStateBytes: number;
  /** Where the session key starts in the state, before adding the key length (mppe.h). */
  readonly sessionKeyOffset: number;
  /** Where the key length byte is in the state (tests corrupt it). */
  readonly keyLengthOffset: number;
  /** The SHA-1 of key changes runs on the CPU's SHA extensions (x86-64 SHA-NI). */
  sha1UsesCpuExtensions(): boolean;
  /**
   * Tests only: `true` runs SHA-1 on the portable C even where the CPU has SHA extensions, so both
   * paths are checked on one machine; `false` restores the choice made at load. Returns
   * `sha1UsesCpuExtensions` as it now is.
   */
  usePortableSha1(portable: boolean): boolean;
  init(state: Uint8Array, startKey: Uint8Array, strength: number): void;
  rekey(state: Uint8Array, times: number): void;
  resetCipher(state: Uint8Array): void;
  update(state: Uint8Array, input: Uint8Array, output: Uint8Array): void;
  rekeyAndUpdate(
    state: Uint8Array,
    data: Uint8Array,
    offset: number | undefined,
    length: number | undefined,
    times: number | undefined,
    output?: Uint8Array,
  ): void;
}

/** Thrown when the addon cannot be loaded (not built, or built for another Node ABI). */
export class CryptoNativeUnavailableError extends Error {
  readonly code = 'SY_ERR_NATIVE_UNAVAILABLE';
  constructor(options: { cause: unknown }) {
    super(
      'cannot load the crypto_native addon (native MPPE); build it with ' +
        '`npm run build:native -w @switchyard/crypto-native`',
      options,
    );
    this.name = 'CryptoNativeUnavailableError';
  }
}

let cached: CryptoNativeAddon | undefined;

/** Loads the addon at `path` (relative to dist/); a failure becomes CryptoNativeUnavailableError. */
export function loadCryptoNative(path: string): CryptoNativeAddon {
  try {
    return createRequire(import.meta.url)(path) as CryptoNativeAddon;
  } catch (cause) {
    throw new CryptoNativeUnavailableError({ cause });
  }
}

/** The addon, loaded on first use from build/Release. */
export function cryptoNative(): CryptoNativeAddon {
  cached ??= loadCryptoNative('../build/Release/crypto_native.node');
  return cached;
}
