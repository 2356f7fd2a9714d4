// The result type every wire codec returns: a decode never throws on peer input (STYLE.md §3.5, §3.7).

/** Why a decode failed: a stable reason code, the byte offset it was noticed at, and a human message. */
export interface DecodeError {
  readonly reason: string;
  readonly offset: number;
  readonly message: string;
}

export type Decoded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DecodeError };

export const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });

export const fail = <T = never>(reason: string, offset: number, message: string): Decoded<T> => ({
  ok: false,
  error: { reason, offset, message },
});
