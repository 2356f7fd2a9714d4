// The sub-formatted Value of MS-CHAP Response packets: v1 = LM-Response 24, NT-Response 24, use-NT
// flag 1 (RFC 2433 §6); v2 = Peer-Challenge 16, Reserved 8, NT-Response 24, Flags 1 (RFC 2759 §4).
import { type Decoded, fail, ok } from '@switchyard/wire';

/** Both versions' Response Value is 49 octets (pppd MS_CHAP_RESPONSE_LEN, MS_CHAP2_RESPONSE_LEN). */
export const MSCHAP_RESPONSE_LENGTH = 49;
/** MS-CHAPv1 challenge: 8 octets (RFC 2433 §5). */
export const MSCHAPV1_CHALLENGE_LENGTH = 8;
/** MS-CHAPv2 authenticator challenge and peer challenge: 16 octets (RFC 2759 §3-4). */
export const MSCHAPV2_CHALLENGE_LENGTH = 16;

export interface MschapV1ResponseValue {
  /** Deprecated; peers SHOULD zero-fill it (RFC 2433 §6). */
  readonly lmResponse: Uint8Array;
  readonly ntResponse: Uint8Array;
  /** "Use Windows NT compatible challenge response": 1 means use `ntResponse`. */
  readonly useNt: boolean;
}

export interface MschapV2ResponseValue {
  readonly peerChallenge: Uint8Array;
  readonly ntResponse: Uint8Array;
  /** Reserved, MUST be zero (RFC 2759 §4); pppd answers a non-zero byte with a Success without "M=". */
  readonly flags: number;
}

function checkLength(version: string, value: Uint8Array): Decoded<never> | undefined {
  if (value.length === MSCHAP_RESPONSE_LENGTH) return undefined;
  return fail('bad-value-size', 0, `${version} Response Value is ${value.length} bytes, expected 49`);
}

/** Splits a v1 Response Value into views; only its length is checked. */
export function decodeMschapV1Response(value: Uint8Array): Decoded<MschapV1ResponseValue> {
  return (
    checkLength('MS-CHAPv1', value) ??
    ok({ lmResponse: value.subarray(0, 24), ntResponse: value.subarray(24, 48), useNt: value[48] === 1 })
  );
}

/** The v1 Value a peer sends: LM-Response zero-filled, as RFC 2433 §6 asks, and the use-NT flag set. */
export function encodeMschapV1Response(ntResponse: Uint8Array): Uint8Array {
  if (ntResponse.length !== 24)
    throw new RangeError(`NT-Response must be 24 bytes, got ${ntResponse.length}`);
  const value = new Uint8Array(MSCHAP_RESPONSE_LENGTH);
  value.set(ntResponse, 24);
  value[48] = 1;
  return value;
}

/** Splits a v2 Response Value into views. The Reserved octets are not checked: pppd ignores them too. */
export function decodeMschapV2Response(value: Uint8Array): Decoded<MschapV2ResponseValue> {
  return (
    checkLength('MS-CHAPv2', value) ??
    ok({
      peerChallenge: value.subarray(0, 16),
      ntResponse: value.subarray(24, 48),
      flags: value[48] as number,
    })
  );
}

export function encodeMschapV2Response(response: MschapV2ResponseValue): Uint8Array {
  if (response.peerChallenge.length !== 16 || response.ntResponse.length !== 24) {
    throw new RangeError('Peer-Challenge must be 16 bytes and NT-Response 24');
  }
  const value = new Uint8Array(MSCHAP_RESPONSE_LENGTH);
  value.set(response.peerChallenge, 0);
  value.set(response.ntResponse, 24);
  value[48] = response.flags;
  return value;
}
