// The peer role of PAP (RFC 1334 §2.2.1; pppd upap.c upap_sauthreq, upap_reqtimeout): send
// Authenticate-Request with a new Identifier every pap-restart until Ack or Nak, at most pap-max-authreq.
import type { AuthExchange, AuthExchangeContext, AuthResult, PeerCredentials, Timer } from '@switchyard/core';
import {
  PapCode,
  decodePapPacket,
  encodePapPacket,
  formatPapBytes,
  fromUtf8,
  traceMalformed,
  traceReceived,
  traceSent,
  utf8,
} from '@switchyard/ppp/auth';
import type { PapSettings } from './pap-settings.js';

type State = 'idle' | 'requesting' | 'done' | 'stopped';

export function papPeerExchange(
  settings: PapSettings,
  ctx: AuthExchangeContext,
  credentials: PeerCredentials,
): AuthExchange {
  return new PapPeerExchange(settings, ctx, credentials);
}

class PapPeerExchange implements AuthExchange {
  private state: State = 'idle';
  private identifier = 0;
  private transmissions = 0;
  private timer?: Timer;
  /** Identifiers of every Request sent: a reply to an earlier copy is as good (pppd checks none). */
  private readonly sentIds = new Set<number>();
  private readonly peerId: Uint8Array;
  private readonly password: Uint8Array;

  constructor(
    private readonly settings: PapSettings,
    private readonly ctx: AuthExchangeContext,
    private readonly credentials: PeerCredentials,
  ) {
    this.peerId = utf8(credentials.user);
    this.password = utf8(credentials.secret);
  }

  start(): void {
    if (this.state !== 'idle') return;
    if (this.peerId.length > 0xff || this.password.length > 0xff) {
      // RFC 1334 §2.2.1: both lengths are one octet.
      return this.end({
        ok: false,
        user: this.credentials.user,
        code: 'malformed',
        reason: 'PAP user or password longer than 255 bytes',
      });
    }
    this.state = 'requesting';
    this.sendRequest();
  }

  receive(bytes: Uint8Array): void {
    if (this.state === 'idle' || this.state === 'stopped') return;
    const decoded = decodePapPacket(bytes);
    if (!decoded.ok) return traceMalformed(this.ctx.logger, 'PAP', bytes, decoded.error);
    traceReceived(this.ctx.logger, () => formatPapBytes(bytes));
    const packet = decoded.value;
    if (packet.kind !== 'ack' && packet.kind !== 'nak') return;
    if (this.state !== 'requesting' || !this.sentIds.has(packet.identifier)) {
      this.ctx.logger.debug(
        `PAP: discarded ${packet.kind} id=0x${packet.identifier.toString(16)} (${this.state})`,
      );
      return;
    }
    const user = this.credentials.user;
    if (packet.kind === 'ack') return this.end({ ok: true, user });
    const message = JSON.stringify(fromUtf8(packet.message));
    this.end({ ok: false, user, code: 'rejected', reason: `authenticator sent Authenticate-Nak ${message}` });
  }

  stop(): void {
    this.state = 'stopped';
    this.cancelTimer();
  }

  /** RFC 1334 §2.2.1: "The Identifier field MUST be changed each time an Authenticate-Request is issued". */
  private sendRequest(): void {
    this.identifier = (this.identifier + 1) & 0xff;
    this.sentIds.add(this.identifier);
    this.transmissions++;
    this.timer = this.ctx.clock.setTimer(this.settings.restartMs, () => this.onRestart());
    const packet = encodePapPacket({
      kind: 'request',
      code: PapCode.AuthenticateRequest,
      identifier: this.identifier,
      peerId: this.peerId,
      password: this.password,
    });
    traceSent(this.ctx.logger, () => formatPapBytes(packet));
    this.ctx.send(packet);
  }

  private onRestart(): void {
    this.timer = undefined;
    if (this.state !== 'requesting') return;
    if (this.transmissions < this.settings.maxAuthReq) return this.sendRequest();
    this.end({
      ok: false,
      user: this.credentials.user,
      code: 'timeout',
      reason: `no PAP Authenticate-Ack or -Nak after ${this.transmissions} Requests`,
    });
  }

  private end(result: AuthResult): void {
    this.state = 'done';
    this.cancelTimer();
    this.ctx.done(result);
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
