import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CryptoNativeUnavailableError, cryptoNative, loadCryptoNative } from './native.js';

test('a missing addon is one clear error that says how to build it, with the loader’s error as cause', () => {
  assert.throws(
    () => loadCryptoNative('../build/Release/no_such_addon.node'),
    (error: unknown) => {
      assert.ok(error instanceof CryptoNativeUnavailableError);
      assert.equal(error.code, 'SY_ERR_NATIVE_UNAVAILABLE');
      assert.match(error.message, /npm run build:native -w @switchyard\/crypto-native/);
      assert.match(String((error.cause as Error).message), /no_such_addon/);
      return true;
    },
  );
});

test('the built addon loads once and reports its state layout', () => {
  const addon = cryptoNative();
  assert.equal(cryptoNative(), addon);
  // mppe.h: i, j, key length, strength, live, next_ready, table_stale, a spare byte, the 16-byte next
  // key, the 112-byte SHA-1 input, then two tables of 256 32-bit words; a compact state stops after the
  // first, a header-only one before it.
  assert.equal(addon.stateBytes, 8 + 16 + 112 + 2048);
  assert.equal(addon.compactStateBytes, 8 + 16 + 112 + 1024);
  assert.equal(addon.headerStateBytes, 8 + 16 + 112);
  assert.equal(addon.sessionKeyOffset, 8 + 16 + 40);
  assert.equal(addon.keyLengthOffset, 2);
  assert.equal(typeof addon.sha1UsesCpuExtensions(), 'boolean');
});
