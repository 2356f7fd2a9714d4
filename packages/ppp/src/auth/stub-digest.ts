// A transparent CHAP digest for testing the generic machines without cryptography: the Response Value
// is Identifier ‖ secret ‖ challenge in clear, and Failure says "R=<0|1> C=<hex>" like MS-CHAP.
import type { ChapDigest } from './chap-digest.js';
import { parseMschapFailure } from './mschap-message.js';
import { sameBytes, utf8 } from './exchange-support.js';

const expected = (identifier: number, secret: string, challenge: Uint8Array): Uint8Array => {
  const s = utf8(secret);
  const out = new Uint8Array(1 + s.length + challenge.length);
  out[0] = identifier;
  out.set(s, 1);
  out.set(challenge, 1 + s.length);
  return out;
};

const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const stubDigest: ChapDigest = {
  name: 'stub',
  algorithm: 0x7f,
  retries: true,
  challenge: (random) => random(4),
  verify: ({ identifier, challenge, response, secret }) =>
    sameBytes(response, expected(identifier, secret, challenge))
      ? { ok: true, message: 'welcome' }
      : { ok: false, code: 'wrong-secret', reason: 'response does not match' },
  failureMessage: ({ retry, nextChallenge }) => `E=691 R=${retry ? 1 : 0} C=${hexOf(nextChallenge)}`,
  respond: ({ identifier, challenge, secret }) => ({
    value: expected(identifier, secret, challenge),
    success: (message) =>
      message === 'welcome' ? { ok: true } : { ok: false, reason: `odd Success "${message}"` },
  }),
  retryChallenge: (message) => {
    const failure = parseMschapFailure(message);
    return failure?.retry ? failure.challenge : undefined;
  },
};

export { expected as stubResponse };
