// The per-algorithm half of CHAP, after pppd's `struct chap_digest_type` (chap-new.h): MD5 (RFC 1994),
// MS-CHAPv1 (RFC 2433) and MS-CHAPv2 (RFC 2759) differ only in how challenges, responses and status
// messages are made and checked. The generic machines (chap-authenticator.ts, chap-peer.ts) do the rest.
import type { MppeKeyMaterial } from '@switchyard/core';

/** `length` unpredictable bytes (crypto.randomBytes in production, fixed bytes in tests). */
export type RandomSource = (length: number) => Uint8Array;

/** The authenticator's judgement of one Response. */
export type ChapVerdict =
  | { readonly ok: true; readonly message: string; readonly keys?: MppeKeyMaterial }
  | { readonly ok: false; readonly code: 'wrong-secret' | 'malformed'; readonly reason: string };

export interface ChapVerifyInput {
  readonly identifier: number;
  readonly challenge: Uint8Array;
  /** The Response Value. */
  readonly response: Uint8Array;
  /** The Response Name as sent, domain included (MS-CHAPv2 hashes it minus the domain). */
  readonly name: Uint8Array;
  readonly secret: string;
}

export interface ChapRespondInput {
  readonly identifier: number;
  readonly challenge: Uint8Array;
  /** The Name we put in the Response. */
  readonly name: Uint8Array;
  readonly secret: string;
  readonly random: RandomSource;
}

/** The peer's answer to one Challenge, and how it judges the authenticator's Success. */
export interface ChapAnswer {
  readonly value: Uint8Array;
  /** MS-CHAPv2 checks the S= authenticator response here (RFC 2759 §8.8); the others accept. */
  success(message: string): { ok: true; keys?: MppeKeyMaterial } | { ok: false; reason: string };
}

export interface ChapDigest {
  /** pppd's name in `<auth chap MS-v2>`: 'MD5', 'MS', 'MS-v2'. */
  readonly name: string;
  /** The LCP Authentication-Protocol algorithm octet: 0x05, 0x80, 0x81. */
  readonly algorithm: number;
  /** True when a Failure can offer another try (MS-CHAP R=1); plain CHAP never does (RFC 1994 §4.2). */
  readonly retries: boolean;
  /** A fresh challenge value. */
  challenge(random: RandomSource): Uint8Array;
  /** Authenticator: checks a Response against the secret; on success, the Success message and keys. */
  verify(input: ChapVerifyInput): ChapVerdict;
  /** Authenticator: the Failure message; `nextChallenge` is what a retried Response must answer. */
  failureMessage(input: { readonly retry: boolean; readonly nextChallenge: Uint8Array }): string;
  /** Peer: our Response to a Challenge; undefined when the Challenge cannot be answered (wrong size). */
  respond(input: ChapRespondInput): ChapAnswer | undefined;
  /** Peer: the challenge a Failure lets us retry against, when it allows a retry at all. */
  retryChallenge(message: string, lastChallenge: Uint8Array): Uint8Array | undefined;
}

/** What pppd lets an administrator tune for CHAP, in milliseconds and counts. */
export interface ChapSettings {
  /** pppd chap-restart (3 s): Challenge retransmission interval; also the peer's Response interval. */
  readonly restartMs: number;
  /** pppd chap-max-challenge (10): Challenges sent before giving up; also the peer's Response limit. */
  readonly maxChallenge: number;
  /** MS-CHAP only: further Responses allowed after a failed one (R=1 while some remain). */
  readonly maxRetries: number;
  /** How long the authenticator waits for a retried Response (RFC 2759 §6 "disables short timeouts"). */
  readonly retryTimeoutMs: number;
  /** pppd chapms-strip-domain: look "DOMAIN\user" up as "user". */
  readonly stripDomain: boolean;
  /** pppd chap-interval: challenge the peer again this long after each success; 0 = never (pppd). */
  readonly intervalMs: number;
}

/** pppd 2.4.9's defaults (chap-new.c): chap-restart 3, chap-max-challenge 10; no retries, no stripping. */
export const CHAP_DEFAULTS: ChapSettings = Object.freeze({
  restartMs: 3000,
  maxChallenge: 10,
  maxRetries: 0,
  retryTimeoutMs: 60_000,
  stripDomain: false,
  intervalMs: 0,
});
