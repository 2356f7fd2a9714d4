// The peer role of CHAP for any digest (pppd chap-new.c chap_respond, chap_handle_status): answer every
// Challenge (RFC 1994 §4.1), repeat the Response every chap-restart until Success or Failure comes
// (the authenticator must accept repeats for exactly this reason), judge the Success, retry on R=1.
import type { AuthExchange, AuthExchangeContext, AuthResult, PeerCredentials, Timer } from '@switchyard/core';
import { type ChapStatusPacket, chapValuePacket, decodeChapPacket, encodeChapPacket } from './chap-packet.js';
import type { ChapAnswer, ChapDigest, ChapRespondInput, ChapSettings, RandomSource } from './chap-digest.js';
import { fromUtf8, sameBytes, traceMalformed, traceReceived, traceSent, utf8 } from './exchange-support.js';
import { formatChapBytes } from './format.js';

type State = 'idle' | 'waiting' | 'responded' | 'done' | 'stopped';

interface Answered {
  readonly identifier: number;
  readonly challenge: Uint8Array;
  readonly answer: ChapAnswer;
  readonly packet: Uint8Array;
}

export function chapPeerExchange(
  digest: ChapDigest,
  settings: ChapSettings,
  random: RandomSource,
  ctx: AuthExchangeContext,
  credentials: PeerCredentials,
): AuthExchange {
  return new ChapPeerExchange(digest, settings, random, ctx, credentials);
}

class ChapPeerExchange implements AuthExchange {
  private state: State = 'idle';
  private last?: Answered;
  private transmissions = 0;
  private retriesUsed = 0;
  private timer?: Timer;
  private finished = false;

  constructor(
    private readonly digest: ChapDigest,
    private readonly settings: ChapSettings,
    private readonly random: RandomSource,
    private readonly ctx: AuthExchangeContext,
    private readonly credentials: PeerCredentials,
  ) {}

  /** The authenticator speaks first (RFC 1994 §4.1): nothing to send until its Challenge. */
  start(): void {
    if (this.state === 'idle') this.state = 'waiting';
  }

  receive(bytes: Uint8Array): void {
    if (this.state === 'stopped' || this.state === 'idle') return;
    const decoded = decodeChapPacket(bytes);
    if (!decoded.ok) return traceMalformed(this.ctx.logger, 'CHAP', bytes, decoded.error);
    traceReceived(this.ctx.logger, () => formatChapBytes(bytes));
    const packet = decoded.value;
    switch (packet.kind) {
      case 'challenge':
        return this.onChallenge(packet.identifier, packet.value);
      case 'success':
      case 'failure':
        return this.onStatus(packet);
      default:
        return; // Responses and unknown codes are not for the peer.
    }
  }

  stop(): void {
    this.state = 'stopped';
    this.cancelTimer();
  }

  private onChallenge(identifier: number, challenge: Uint8Array): void {
    const last = this.last;
    if (last && last.identifier === identifier && sameBytes(last.challenge, challenge)) {
      // A retransmitted Challenge: our Response was lost. Resend the same one, so that the Success the
      // authenticator computes matches the answer we will check it against (MS-CHAPv2 S=).
      return this.send(last.packet);
    }
    // A new Challenge, also after success (a re-challenge in the Network phase, RFC 1994 §4.1).
    this.respond(identifier, challenge.slice());
  }

  private respond(identifier: number, challenge: Uint8Array): void {
    const name = utf8(this.credentials.user);
    const answer = this.answer({
      identifier,
      challenge,
      name,
      secret: this.credentials.secret,
      random: this.random,
    });
    if (!answer) {
      this.ctx.logger.debug(
        `CHAP: cannot answer a ${challenge.length}-byte ${this.digest.name} Challenge; dropped`,
      );
      return;
    }
    const packet = encodeChapPacket(chapValuePacket('response', identifier, answer.value, name));
    this.last = { identifier, challenge, answer, packet };
    this.state = 'responded';
    this.transmissions = 0;
    this.cancelTimer();
    this.sendResponse();
  }

  private answer(input: ChapRespondInput): ChapAnswer | undefined {
    try {
      return this.digest.respond(input);
    } catch (error) {
      // Only a digest bug gets here (sizes are checked first); a peer must not turn it into a throw.
      this.ctx.logger.warn(`CHAP: ${this.digest.name} response failed: ${String(error)}`);
      return undefined;
    }
  }

  private sendResponse(): void {
    if (!this.last) return;
    this.transmissions++;
    // Armed before sending: a synchronous link may deliver the Success inside send().
    this.timer = this.ctx.clock.setTimer(this.settings.restartMs, () => this.onRestart());
    this.send(this.last.packet);
  }

  private onRestart(): void {
    this.timer = undefined;
    if (this.state !== 'responded') return;
    if (this.transmissions < this.settings.maxChallenge) return this.sendResponse();
    this.end({
      ok: false,
      user: this.credentials.user,
      code: 'timeout',
      reason: `no CHAP Success or Failure after ${this.transmissions} Responses`,
    });
  }

  private onStatus(packet: ChapStatusPacket): void {
    const last = this.last;
    // pppd chap_handle_status: only a status for the Response we sent last counts.
    if (this.state !== 'responded' || !last || packet.identifier !== last.identifier) {
      this.ctx.logger.debug(
        `CHAP: discarded ${packet.kind} id=0x${packet.identifier.toString(16)} (${this.state})`,
      );
      return;
    }
    const text = fromUtf8(packet.message);
    const user = this.credentials.user;
    if (packet.kind === 'success') {
      const verdict = last.answer.success(text);
      if (verdict.ok) return this.end({ ok: true, user, ...(verdict.keys && { keys: verdict.keys }) });
      return this.end({ ok: false, user, code: 'unverified-authenticator', reason: verdict.reason });
    }
    const retryChallenge = this.digest.retryChallenge(text, last.challenge);
    if (retryChallenge && this.retriesUsed < this.settings.maxRetries && !this.finished) {
      this.retriesUsed++;
      this.ctx.logger.info(`authenticator refused us (${text}); retry ${this.retriesUsed}`);
      // RFC 2433 App. B.1.3: the retried Response carries the Failure's Identifier plus one.
      return this.respond((packet.identifier + 1) & 0xff, retryChallenge);
    }
    this.end({ ok: false, user, code: 'rejected', reason: `authenticator sent Failure: ${text}` });
  }

  private end(result: AuthResult): void {
    this.state = 'done';
    this.cancelTimer();
    if (this.finished) {
      // A re-challenge after success: reported as such (a failure ends the link, as pppd's
      // auth_withpeer_fail does; the authenticator usually ends it first).
      this.ctx.rechecked(result);
      return;
    }
    this.finished = true;
    this.ctx.done(result);
  }

  private send(packet: Uint8Array): void {
    if (this.state === 'stopped') return;
    traceSent(this.ctx.logger, () => formatChapBytes(packet));
    this.ctx.send(packet);
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
