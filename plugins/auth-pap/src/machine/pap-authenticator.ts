// The authenticator role of PAP (RFC 1334 §2.2; pppd upap.c upap_rauthreq): wait up to pap-timeout for
// an Authenticate-Request, check Peer-ID/Password against the credential stores (pppd checks
// pap-secrets; we use the same CredentialStore as CHAP), answer Ack or Nak; repeats get the same code.
import type { AuthExchange, AuthExchangeContext, AuthResult, Timer } from '@switchyard/core';
import { constantTimeEqual } from '@switchyard/crypto';
import {
  decodePapPacket,
  encodePapPacket,
  formatPapBytes,
  fromUtf8,
  papReplyPacket,
  quoteName,
  safeLookup,
  traceMalformed,
  traceReceived,
  traceSent,
  utf8,
} from '@switchyard/ppp/auth';
import { PAP_MESSAGES, type PapSettings } from './pap-settings.js';

type State = 'idle' | 'listening' | 'verifying' | 'done' | 'stopped';

export function papAuthenticatorExchange(settings: PapSettings, ctx: AuthExchangeContext): AuthExchange {
  return new PapAuthenticatorExchange(settings, ctx);
}

class PapAuthenticatorExchange implements AuthExchange {
  private state: State = 'idle';
  private timer?: Timer;
  /** The reply once decided: every later Request gets the same code (RFC 1334 §2.2.1). */
  private outcome?: { readonly kind: 'ack' | 'nak'; readonly message: Uint8Array };

  constructor(
    private readonly settings: PapSettings,
    private readonly ctx: AuthExchangeContext,
  ) {}

  /** The peer speaks first (RFC 1334 §2.2.1); we only arm pap-timeout (pppd upap_reqtimeout). */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'listening';
    const waitMs = this.settings.timeoutMs;
    if (waitMs <= 0) return;
    this.timer = this.ctx.clock.setTimer(waitMs, () => {
      this.timer = undefined;
      if (this.state !== 'listening') return;
      this.state = 'done';
      this.ctx.done({
        ok: false,
        code: 'timeout',
        reason: `no PAP Authenticate-Request within ${waitMs / 1000} s`,
      });
    });
  }

  receive(bytes: Uint8Array): void {
    if (this.state === 'idle' || this.state === 'stopped') return;
    const decoded = decodePapPacket(bytes);
    if (!decoded.ok) return traceMalformed(this.ctx.logger, 'PAP', bytes, decoded.error);
    traceReceived(this.ctx.logger, () => formatPapBytes(bytes));
    const packet = decoded.value;
    if (packet.kind !== 'request') return; // Ack/Nak/unknown codes are not for the authenticator
    if (this.outcome) return this.reply(packet.identifier, this.outcome.kind, this.outcome.message);
    if (this.state !== 'listening') return; // still checking the first copy: the peer will repeat
    this.cancelTimer();
    this.state = 'verifying';
    // The caller may reuse its buffer once receive() returns; the check below is asynchronous.
    void this.verify(packet.identifier, packet.peerId.slice(), packet.password.slice());
  }

  stop(): void {
    this.state = 'stopped';
    this.cancelTimer();
  }

  private async verify(identifier: number, peerId: Uint8Array, password: Uint8Array): Promise<void> {
    const user = fromUtf8(peerId);
    const answer = await safeLookup(this.ctx, {
      user,
      server: this.ctx.localName,
      peerAddress: this.ctx.peerAddress,
    });
    if (this.state !== 'verifying') return; // stopped meanwhile
    if (answer.kind === 'not-found') {
      const reason = `no secret for ${quoteName(user)} (server ${quoteName(this.ctx.localName)})`;
      return this.decide(identifier, { ok: false, user, code: 'unknown-user', reason });
    }
    if (answer.kind === 'unavailable') {
      const reason = `credential store unavailable: ${answer.reason}`;
      return this.decide(identifier, { ok: false, user, code: 'store-unavailable', reason });
    }
    if (!constantTimeEqual(utf8(answer.secret), password)) {
      return this.decide(identifier, {
        ok: false,
        user,
        code: 'wrong-secret',
        reason: 'password does not match',
      });
    }
    this.decide(identifier, { ok: true, user, addresses: answer.addresses });
  }

  /** Nak texts never say which check failed: that would tell a prober which user names exist. */
  private decide(identifier: number, result: AuthResult): void {
    const kind = result.ok ? 'ack' : 'nak';
    this.outcome = { kind, message: utf8(result.ok ? PAP_MESSAGES.ok : PAP_MESSAGES.incorrect) };
    this.state = 'done';
    this.reply(identifier, kind, this.outcome.message);
    this.ctx.done(result);
  }

  private reply(identifier: number, kind: 'ack' | 'nak', message: Uint8Array): void {
    if (this.state === 'stopped') return;
    const packet = encodePapPacket(papReplyPacket(kind, identifier, message));
    traceSent(this.ctx.logger, () => formatPapBytes(packet));
    this.ctx.send(packet);
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
