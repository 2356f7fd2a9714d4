// The authenticator role of CHAP for any digest (pppd chap-new.c chap_auth_peer, chap_timeout,
// chap_handle_response): send a Challenge and repeat it every chap-restart until a Response with its
// Identifier arrives (RFC 1994 §4.1), check it against the credential stores, answer Success or Failure;
// with chap-interval, challenge the peer again that long after each success (RFC 1994 §2.2).
import type { AuthExchange, AuthExchangeContext, AuthFailureCode, AuthResult, Timer } from '@switchyard/core';
import { chapStatusPacket, chapValuePacket, decodeChapPacket, encodeChapPacket } from './chap-packet.js';
import type { ChapDigest, ChapSettings, ChapVerdict, RandomSource } from './chap-digest.js';
import {
  fromUtf8,
  quoteName,
  safeLookup,
  stripDomain,
  traceMalformed,
  traceReceived,
  traceSent,
  utf8,
} from './exchange-support.js';
import { formatChapBytes } from './format.js';

const NO_BYTES = new Uint8Array(0);
const NO_REPLIES: readonly (number | Uint8Array)[] = [];

type State = 'idle' | 'challenging' | 'verifying' | 'retry-wait' | 'done' | 'stopped';

export function chapAuthenticatorExchange(
  digest: ChapDigest,
  settings: ChapSettings,
  random: RandomSource,
  ctx: AuthExchangeContext,
): AuthExchange {
  return new ChapAuthenticatorExchange(digest, settings, random, ctx);
}

class ChapAuthenticatorExchange implements AuthExchange {
  private state: State = 'idle';
  private identifier = 0;
  private challenge: Uint8Array = NO_BYTES;
  private challengePacket: Uint8Array = NO_BYTES;
  private transmissions = 0;
  private failedAttempts = 0;
  private timer?: Timer;
  private finished = false;
  /** The user the first Success was for: a rechallenge must be answered by the same one. */
  private user: string | undefined;
  /**
   * Success/Failure already sent, Identifier and packet alternating: a repeated Response gets the same
   * reply (RFC 1994 §4.1). Kept for the session's life; an array sized to fit (one or two replies, most
   * often) rather than a Map, whose table alone is ~200 bytes.
   */
  private replies: readonly (number | Uint8Array)[] = NO_REPLIES;

  constructor(
    private readonly digest: ChapDigest,
    private readonly settings: ChapSettings,
    private readonly random: RandomSource,
    private readonly ctx: AuthExchangeContext,
  ) {}

  start(): void {
    if (this.state !== 'idle') return;
    // pppd picks the first Identifier at random (chap_auth_peer: drand48), which also keeps a stale
    // Response from an earlier link from matching.
    this.identifier = (this.random(1)[0] ?? 0) & 0xff;
    this.newChallenge(this.digest.challenge(this.random));
    this.state = 'challenging';
    this.sendChallenge();
  }

  private replyTo(identifier: number): Uint8Array | undefined {
    const replies = this.replies;
    for (let i = 0; i < replies.length; i += 2) {
      if (replies[i] === identifier) return replies[i + 1] as Uint8Array;
    }
    return undefined;
  }

  /** A later reply with the same Identifier replaces the earlier one (as Map.set did). */
  private keepReply(identifier: number, packet: Uint8Array): void {
    const kept: (number | Uint8Array)[] = [];
    for (let i = 0; i < this.replies.length; i += 2) {
      if (this.replies[i] !== identifier) kept.push(this.replies[i]!, this.replies[i + 1]!);
    }
    kept.push(identifier, packet);
    this.replies = kept.slice(); // slice: sized to fit; an array grown by push reserves 17 slots
  }

  receive(bytes: Uint8Array): void {
    if (this.state === 'stopped' || this.state === 'idle') return;
    const decoded = decodeChapPacket(bytes);
    if (!decoded.ok) return traceMalformed(this.ctx.logger, 'CHAP', bytes, decoded.error);
    traceReceived(this.ctx.logger, () => formatChapBytes(bytes));
    const packet = decoded.value;
    // Challenges, statuses and unknown codes (Change-Password) are not for the authenticator: drop.
    if (packet.kind !== 'response') return;
    const reply = this.replyTo(packet.identifier);
    if (reply) return this.send(reply);
    const expecting = this.state === 'challenging' || this.state === 'retry-wait';
    if (!expecting || packet.identifier !== this.identifier) {
      // RFC 1994 §4.1: the Response Identifier must be the Challenge's; anything else is discarded.
      this.ctx.logger.debug(
        `CHAP: discarded Response id=0x${packet.identifier.toString(16)} (${this.state})`,
      );
      return;
    }
    this.cancelTimer();
    this.state = 'verifying';
    // The caller may reuse its buffer once receive() returns; the check below is asynchronous.
    void this.verify(packet.identifier, packet.value.slice(), packet.name.slice());
  }

  stop(): void {
    this.state = 'stopped';
    this.cancelTimer();
  }

  private newChallenge(challenge: Uint8Array): void {
    this.challenge = challenge;
    const name = utf8(this.ctx.localName);
    this.challengePacket = encodeChapPacket(chapValuePacket('challenge', this.identifier, challenge, name));
    this.transmissions = 0;
  }

  /** pppd retransmits the very same Challenge (chap_timeout), so either copy's Response is valid. */
  private sendChallenge(): void {
    this.transmissions++;
    // Armed before sending: a synchronous link may deliver the Response inside send().
    this.timer = this.ctx.clock.setTimer(this.settings.restartMs, () => this.onRestart());
    this.send(this.challengePacket);
  }

  private onRestart(): void {
    this.timer = undefined;
    if (this.state !== 'challenging') return;
    if (this.transmissions < this.settings.maxChallenge) return this.sendChallenge();
    this.state = 'done';
    this.finish({
      ok: false,
      code: 'timeout',
      reason: `no CHAP Response after ${this.transmissions} Challenges`,
    });
  }

  private async verify(identifier: number, value: Uint8Array, nameBytes: Uint8Array): Promise<void> {
    const sent = fromUtf8(nameBytes);
    const user = this.settings.stripDomain ? stripDomain(sent) : sent;
    const answer = await safeLookup(this.ctx, {
      user,
      server: this.ctx.localName,
      peerAddress: this.ctx.peerAddress,
    });
    if (this.state !== 'verifying') return; // stopped meanwhile
    if (answer.kind === 'not-found') {
      const reason = `no secret for ${quoteName(user)} (server ${quoteName(this.ctx.localName)})`;
      return this.fail(identifier, user, 'unknown-user', reason);
    }
    if (answer.kind === 'unavailable') {
      return this.fail(
        identifier,
        user,
        'store-unavailable',
        `credential store unavailable: ${answer.reason}`,
      );
    }
    const verdict = this.check(identifier, value, nameBytes, answer.secret);
    if (!verdict.ok) return this.fail(identifier, user, verdict.code, verdict.reason);
    if (this.user !== undefined && user !== this.user) {
      // A rechallenge answered with another account's secret: not the peer that authenticated.
      const reason = `rechallenge answered as ${quoteName(user)}, not ${quoteName(this.user)}`;
      return this.fail(identifier, user, 'wrong-secret', reason);
    }
    this.state = 'done';
    // Only a repeated Response's reply is needed from here on: let the challenge go (the exchange lives
    // as long as the session).
    this.challenge = this.challengePacket = NO_BYTES;
    this.reply(identifier, 'success', verdict.message);
    this.finish({
      ok: true,
      user,
      ...(verdict.keys && { keys: verdict.keys }),
      addresses: answer.addresses,
    });
  }

  private check(identifier: number, response: Uint8Array, name: Uint8Array, secret: string): ChapVerdict {
    try {
      return this.digest.verify({ identifier, challenge: this.challenge, response, name, secret });
    } catch (error) {
      // A digest throws only on sizes it should have checked first: a bug, but not one a peer may
      // turn into an exception across the caller's stream.
      return { ok: false, code: 'malformed', reason: `response could not be checked: ${String(error)}` };
    }
  }

  /** Sends Failure; with retries left (R=1) waits for a Response with Identifier + 1 to the new C=. */
  private fail(identifier: number, user: string, code: AuthFailureCode, reason: string): void {
    this.failedAttempts++;
    const retry = this.digest.retries && this.failedAttempts <= this.settings.maxRetries;
    const nextChallenge = this.digest.challenge(this.random);
    const message = this.digest.failureMessage({ retry, nextChallenge });
    if (!retry) {
      this.state = 'done';
      this.reply(identifier, 'failure', message);
      return this.finish({ ok: false, user, code, reason });
    }
    this.ctx.logger.info(
      `authentication attempt ${this.failedAttempts} failed for user ${quoteName(user)}: ${reason}; retry allowed`,
    );
    // Ready for the retry before the Failure leaves: a synchronous link may deliver it inside send().
    this.identifier = (identifier + 1) & 0xff;
    this.newChallenge(nextChallenge);
    this.state = 'retry-wait';
    const waitMs = this.settings.retryTimeoutMs;
    this.timer = this.ctx.clock.setTimer(waitMs, () => {
      this.timer = undefined;
      if (this.state !== 'retry-wait') return;
      this.state = 'done';
      this.finish({ ok: false, user, code, reason: `${reason}; no retry within ${waitMs / 1000} s` });
    });
    this.reply(identifier, 'failure', message);
  }

  private reply(identifier: number, kind: 'success' | 'failure', message: string): void {
    const packet = encodeChapPacket(chapStatusPacket(kind, identifier, utf8(message)));
    this.keepReply(identifier, packet);
    this.send(packet);
  }

  private send(packet: Uint8Array): void {
    if (this.state === 'stopped') return;
    traceSent(this.ctx.logger, () => formatChapBytes(packet));
    this.ctx.send(packet);
  }

  /** The first outcome goes to done(), a rechallenge's to rechecked(); each success arms the next. */
  private finish(result: AuthResult): void {
    this.cancelTimer();
    if (!this.finished) {
      this.finished = true;
      if (result.ok) this.user = result.user;
      this.ctx.done(result);
    } else {
      this.ctx.rechecked(result);
    }
    if (result.ok && this.settings.intervalMs > 0 && this.state === 'done') {
      this.timer = this.ctx.clock.setTimer(this.settings.intervalMs, () => this.rechallenge());
    }
  }

  /**
   * pppd chap_timeout with chap-interval: a new Identifier and challenge, sent and retransmitted as the
   * first was. The replies kept for repeated Responses start over (one round's, not every round's).
   */
  private rechallenge(): void {
    this.timer = undefined;
    if (this.state !== 'done') return;
    this.identifier = (this.identifier + 1) & 0xff;
    this.replies = NO_REPLIES;
    this.failedAttempts = 0;
    this.newChallenge(this.digest.challenge(this.random));
    this.state = 'challenging';
    this.sendChallenge();
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
