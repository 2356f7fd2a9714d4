// Password hashes of MS-CHAP: NtPasswordHash and HashNtPasswordHash (RFC 2759 §8.3-8.4, RFC 2433 A.6)
// and the LAN Manager LmPasswordHash (RFC 2433 App. A.2-A.3), used by MS-CHAPv1 and 40/56-bit MPPE.
import { requireLength, utf16le } from '../bytes.js';
import { desEncrypt7 } from '../des.js';
import { md4 } from '../md4.js';

/**
 * A secret as the authenticator holds it: the clear-text password (chap-secrets), or only its NT hash
 * (a hashed secrets store, or what RADIUS/LDAP back ends hand over). MS-CHAPv2 needs nothing more.
 */
export type NtSecret = string | { readonly ntPasswordHash: Uint8Array };

/**
 * MD4 of the password's UTF-16LE code units, no terminator (RFC 2759 §8.3). pppd widens each byte
 * of the secret instead, which agrees for ASCII and Latin-1; Windows hashes real UTF-16, as here.
 */
export function ntPasswordHash(password: string): Uint8Array {
  return md4(utf16le(password));
}

/** MD4 of the 16-byte NT hash (RFC 2759 §8.4): the "PasswordHashHash" MPPE keys derive from. */
export function hashNtPasswordHash(passwordHash: Uint8Array): Uint8Array {
  return md4(requireLength('PasswordHash', passwordHash, 16));
}

/** The 16-byte NT hash of a secret, hashing only when given the clear-text password. */
export function toNtPasswordHash(secret: NtSecret): Uint8Array {
  if (typeof secret === 'string') return ntPasswordHash(secret);
  return requireLength('ntPasswordHash', secret.ntPasswordHash, 16);
}

/** RFC 2433 App. A.3: the known text DES-encrypted under each half of the LM password. */
const LM_MAGIC = new Uint8Array([0x4b, 0x47, 0x53, 0x21, 0x40, 0x23, 0x24, 0x25]); // "KGS!@#$%"
const LM_PASSWORD_CHARS = 14;

/**
 * LmPasswordHash (RFC 2433 App. A.2): the password uppercased, as 8-bit "OEM" characters, zero-padded
 * (or cut, as pppd does) to 14, each 7-byte half used as a DES key to encrypt "KGS!@#$%".
 * Only ASCII letters are uppercased and characters beyond Latin-1 become '?': the real OEM code page
 * is a client locale setting that the server cannot know.
 */
export function lmPasswordHash(password: string): Uint8Array {
  const oem = new Uint8Array(LM_PASSWORD_CHARS);
  for (let i = 0; i < Math.min(password.length, LM_PASSWORD_CHARS); i++) {
    const unit = password.charCodeAt(i);
    if (unit >= 0x61 && unit <= 0x7a) oem[i] = unit - 0x20;
    else oem[i] = unit <= 0xff ? unit : 0x3f;
  }
  const hash = new Uint8Array(16);
  hash.set(desEncrypt7(LM_MAGIC, oem.subarray(0, 7)), 0);
  hash.set(desEncrypt7(LM_MAGIC, oem.subarray(7, 14)), 8);
  return hash;
}
