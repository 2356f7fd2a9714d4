// ChallengeResponse (RFC 2759 §8.5, RFC 2433 App. A.7): the 24-byte response both MS-CHAP versions
// send, three DES encryptions of the 8-byte challenge under the zero-padded 21-byte password hash.
import { requireLength } from '../bytes.js';
import { desEncrypt7 } from '../des.js';

export function challengeResponse(challenge: Uint8Array, passwordHash: Uint8Array): Uint8Array {
  requireLength('Challenge', challenge, 8);
  requireLength('PasswordHash', passwordHash, 16);
  const zPasswordHash = new Uint8Array(21);
  zPasswordHash.set(passwordHash);
  const response = new Uint8Array(24);
  for (let i = 0; i < 3; i++) {
    response.set(desEncrypt7(challenge, zPasswordHash.subarray(7 * i, 7 * i + 7)), 8 * i);
  }
  return response;
}
