// The Message grammar of MS-CHAP Success and Failure packets, which unlike plain CHAP drives the
// protocol: v2 Success "S=<40 hex> M=<msg>" (RFC 2759 §5), Failure "E=691 R=1 C=<hex> V=3 M=<msg>"
// (RFC 2759 §6, RFC 2433 §8).

/** RFC 2759 §6 / RFC 2433 §8 error codes. */
export const MschapError = {
  restrictedLogonHours: 646,
  accountDisabled: 647,
  passwordExpired: 648,
  noDialinPermission: 649,
  authenticationFailure: 691,
  changingPassword: 709,
} as const;

export interface MschapFailure {
  readonly error: number;
  /** R=1: the authenticator accepts another Response (Identifier + 1) to `challenge`. */
  readonly retry: boolean;
  /** C=: the challenge a retried Response must answer (32 hex digits for v2, 16 for v1). */
  readonly challenge?: Uint8Array;
  /** V=: the password-change protocol version; RFC 2433 §8 says absent means 1. */
  readonly version?: number;
  /** M=: everything after "M=", for the log. */
  readonly message?: string;
}

const toHex = (bytes: Uint8Array, upper: boolean): string => {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return upper ? out.toUpperCase() : out;
};

/**
 * "E=691 R=0 C=<hex> V=3 M=Access denied". The challenge goes out in lowercase hex as pppd prints it
 * (`%0.*B`); RFC 2759 constrains only S= to uppercase. `message` is omitted for v1 (RFC 2433 §8 has no M=).
 */
export function formatMschapFailure(failure: MschapFailure): string {
  const parts = [`E=${failure.error}`, `R=${failure.retry ? 1 : 0}`];
  if (failure.challenge) parts.push(`C=${toHex(failure.challenge, false)}`);
  if (failure.version !== undefined) parts.push(`V=${failure.version}`);
  if (failure.message !== undefined) parts.push(`M=${failure.message}`);
  return parts.join(' ');
}

function hexBytes(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Parses a Failure message, leniently as RFC 2433 §8 asks ("accept but ignore additional text"): fields
 * may come in any order, M= takes the rest of the text. Undefined when E= is missing or not a number.
 * A C= that is not hex is dropped (the peer then cannot retry).
 */
export function parseMschapFailure(text: string): MschapFailure | undefined {
  const error = /(?:^|\s)E=(\d+)/.exec(text);
  if (!error) return undefined;
  const retry = /(?:^|\s)R=(\d)/.exec(text);
  const challenge = /(?:^|\s)C=([0-9A-Za-z]+)/.exec(text);
  const version = /(?:^|\s)V=(\d+)/.exec(text);
  const message = /(?:^|\s)M=(.*)$/s.exec(text);
  const bytes = challenge ? hexBytes(challenge[1] as string) : undefined;
  return {
    error: Number(error[1]),
    retry: retry?.[1] === '1',
    ...(bytes && bytes.length > 0 && { challenge: bytes }),
    ...(version && { version: Number(version[1]) }),
    ...(message && { message: message[1] as string }),
  };
}

/**
 * The v2 Success message pppd sends (chap_ms.c chapms2_verify_response): "S=<auth> M=Access granted",
 * or "S=<auth>" alone when the peer set the Flags octet. `authenticatorResponse` is "S=" + 40 hex.
 */
export function formatMschapV2Success(authenticatorResponse: string, message?: string): string {
  return message === undefined ? authenticatorResponse : `${authenticatorResponse} M=${message}`;
}

/** The text after " M=" in a v2 Success message, for the log; undefined when there is none. */
export function mschapV2SuccessMessage(text: string): string | undefined {
  return /^S=[0-9A-Fa-f]{40} M=(.*)$/s.exec(text)?.[1];
}
