// MPPE master keys from MS-CHAPv2 credentials (RFC 3079 §3.3-3.4): GetMasterKey and
// GetAsymmetricStartKey, and the send/receive pair for one end of the link.
import { requireLength, textBytes } from '../bytes.js';
import { Sha1 } from '../sha1.js';
import { SHA_PAD1, SHA_PAD2 } from './key-change.js';

/** RFC 3079 §3.4 Magic1. */
const MAGIC1 = textBytes('This is the MPPE Master Key');
/** RFC 3079 §3.4 Magic2: the client's send key, the server's receive key. */
const MAGIC2 = textBytes(
  'On the client side, this is the send key; on the server side, it is the receive key.',
);
/** RFC 3079 §3.4 Magic3: the client's receive key, the server's send key. */
const MAGIC3 = textBytes(
  'On the client side, this is the receive key; on the server side, it is the send key.',
);

/** GetMasterKey (RFC 3079 §3.4): first 16 bytes of SHA1(PasswordHashHash ‖ NT-Response ‖ Magic1). */
export function getMasterKey(passwordHashHash: Uint8Array, ntResponse: Uint8Array): Uint8Array {
  return new Sha1()
    .update(requireLength('PasswordHashHash', passwordHashHash, 16))
    .update(requireLength('NT-Response', ntResponse, 24))
    .update(MAGIC1)
    .final()
    .slice(0, 16);
}

/**
 * GetAsymmetricStartKey (RFC 3079 §3.4): first `keyLength` bytes of
 * SHA1(MasterKey ‖ SHSpad1 ‖ Magic ‖ SHSpad2), Magic3 for the server's send and the client's receive
 * key, Magic2 for the other two. An 8-byte key is the prefix of the 16-byte one.
 */
export function getAsymmetricStartKey(
  masterKey: Uint8Array,
  keyLength: 8 | 16,
  isSend: boolean,
  isServer: boolean,
): Uint8Array {
  const magic = isSend === isServer ? MAGIC3 : MAGIC2;
  return new Sha1()
    .update(requireLength('MasterKey', masterKey, 16))
    .update(SHA_PAD1)
    .update(magic)
    .update(SHA_PAD2)
    .final()
    .slice(0, keyLength);
}

/** The master (start) keys of one end of the link: what RFC 2548's MS-MPPE-Send-Key/-Recv-Key carry. */
export interface MppeKeys {
  readonly sendKey: Uint8Array;
  readonly receiveKey: Uint8Array;
}

/** Which end of the link the keys are for: the authenticator (PPTP server) or the peer. */
export type MppeRole = 'server' | 'client';

/**
 * MasterSendKey and MasterReceiveKey for `role` (RFC 3079 §3.1-3.3). `keyLengthBytes` defaults to 16,
 * which is what pppd derives and hands the kernel for every strength; `MppeKeySchedule` uses the
 * prefix a 40/56-bit session needs.
 */
export function deriveMppeKeysV2(input: {
  readonly ntResponse: Uint8Array;
  readonly passwordHashHash: Uint8Array;
  readonly role: MppeRole;
  readonly keyLengthBytes?: 8 | 16;
}): MppeKeys {
  const masterKey = getMasterKey(input.passwordHashHash, input.ntResponse);
  const isServer = input.role === 'server';
  const keyLength = input.keyLengthBytes ?? 16;
  return {
    sendKey: getAsymmetricStartKey(masterKey, keyLength, true, isServer),
    receiveKey: getAsymmetricStartKey(masterKey, keyLength, false, isServer),
  };
}
