// Small pieces every auth exchange shares: names as bytes and text, pppd's chapms-strip-domain, a
// credential lookup that cannot reject, and the pppd-style `sent [...]` / `rcvd [...]` debug traces.
import type { AuthExchangeContext, CredentialAnswer, CredentialQuery, Logger } from '@switchyard/core';
import { hexExcerpt } from '@switchyard/wire';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Names and messages go on the wire as UTF-8 (ASCII in practice), as chap-secrets is read. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * pppd's chapms-strip-domain: "DOMAIN\user" → "user" (everything up to the last backslash goes).
 * MS-CHAP hashes never include the domain whatever this says (RFC 2759 §4); this only changes
 * which name is looked up and reported.
 */
export const stripDomain = (name: string): string => name.slice(name.lastIndexOf('\\') + 1);

/** A peer-chosen name for a log line: quoted and escaped, so it cannot forge or break lines. */
export const quoteName = (name: string): string => JSON.stringify(name);

/** ctx.lookup that never rejects: a throwing store is an unavailable one (fail closed). */
export async function safeLookup(
  ctx: AuthExchangeContext,
  query: CredentialQuery,
): Promise<CredentialAnswer> {
  try {
    return await ctx.lookup(query);
  } catch (error) {
    return { kind: 'unavailable', reason: `lookup failed: ${String(error)}` };
  }
}

/** Debug traces in pppd's layout; the text is built only when debug records are kept. */
export function traceSent(logger: Logger, format: () => string): void {
  if (logger.debugEnabled) logger.debug(`sent [${format()}]`);
}

export function traceReceived(logger: Logger, format: () => string): void {
  if (logger.debugEnabled) logger.debug(`rcvd [${format()}]`);
}

/** Malformed peer input is dropped and logged at debug with offset and excerpt (STYLE §3.7). */
export function traceMalformed(
  logger: Logger,
  protocol: string,
  bytes: Uint8Array,
  error: { readonly reason: string; readonly offset: number; readonly message: string },
): void {
  logger.debug(`${protocol}: dropped malformed packet: ${error.message}`, {
    reason: error.reason,
    offset: error.offset,
    bytes: hexExcerpt(bytes),
  });
}

/** Byte-wise equality (challenges are public: no need for constant time). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
