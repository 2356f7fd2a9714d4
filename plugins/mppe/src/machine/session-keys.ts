// The two MPPE start keys of one end of the link, from the authentication's key material: MS-CHAPv2 via
// GetMasterKey/GetAsymmetricStartKey (RFC 3079 §3.3-3.4), MS-CHAPv1 via Get_Start_Key (§2.4) as pppd does.
import type { MppeKeyMaterial } from '@switchyard/core';
import { getAsymmetricStartKey, getStartKey } from '@switchyard/crypto';
import type { PppRole } from '@switchyard/ppp';

/** 16-byte start keys; `MppeKeySchedule` uses the 8-byte prefix for 40/56-bit, as the Linux kernel does. */
export interface StartKeys {
  readonly send: Uint8Array;
  readonly receive: Uint8Array;
}

/**
 * The pair as a session keeps it (for CCP renegotiations) in one 32-byte array small enough for V8 to
 * keep inside the heap object, with no ArrayBuffer of its own as long as no native code or subarray
 * touches it: each getter returns a copy. Two crypto outputs held as they come cost ~600 bytes.
 */
class StartKeyPair implements StartKeys {
  private readonly bytes = new Uint8Array(32);

  constructor(send: Uint8Array, receive: Uint8Array) {
    this.bytes.set(send.subarray(0, 16));
    this.bytes.set(receive.subarray(0, 16), 16);
  }

  get send(): Uint8Array {
    return this.bytes.slice(0, 16);
  }

  get receive(): Uint8Array {
    return this.bytes.slice(16, 32);
  }
}

/**
 * MS-CHAPv2: `masterKey` is GetMasterKey(PasswordHashHash, NT-Response); the server's send key and the
 * client's receive key use Magic3, the other two Magic2 (RFC 3079 §3.4). MS-CHAPv1: `masterKey` is the
 * NtPasswordHashHash and the start key SHA1(hash ‖ hash ‖ challenge) serves both directions (pppd
 * mppe_set_keys; RFC 3079 §2 Implementation Note). Undefined when the material is unusable.
 */
export function startKeys(material: MppeKeyMaterial, role: PppRole): StartKeys | undefined {
  if (material.masterKey.length !== 16) return undefined;
  // Copies for the hashing: native code given a small in-heap array pins it to a buffer of its own.
  const masterKey = material.masterKey.slice();
  if (material.kind === 'mschapv2') {
    const isServer = role === 'server';
    return new StartKeyPair(
      getAsymmetricStartKey(masterKey, 16, true, isServer),
      getAsymmetricStartKey(masterKey, 16, false, isServer),
    );
  }
  if (material.challenge?.length !== 8) return undefined;
  const key = getStartKey(material.challenge.slice(), masterKey);
  return new StartKeyPair(key, key);
}
