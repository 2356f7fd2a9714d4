// A connected client session as connect() hands it over: what was negotiated, live counters, the IP
// packets in both directions, and close(). Closing runs the whole teardown: LCP Terminate-Request, then
// Call-Clear-Request and Stop-Control-Connection-Request (the session's resources, in reverse order).
import {
  closeReason,
  type CallChannelCounters,
  type Clock,
  type Session,
  type SessionCounters,
} from '@switchyard/core';
import type { PppSession } from '@switchyard/plugin-ppp';
import type { MppeCounters } from '@switchyard/plugin-mppe';
import type { CallInfo, PeerInfo } from '@switchyard/plugin-pptp-control';
import type { IpcpAgreement } from '@switchyard/ppp';
import type { Observable } from 'rxjs';
import { endFromCloseReason, type ClientEnd } from './machine/end.js';
import type { MppeInfo, PppStack } from './ppp-stack.js';
import type { IpCounters, SessionIp } from './session-ip.js';

/** Milliseconds from the start of connect() to each step's completion. */
export interface SetupTimings {
  readonly tcpMs: number;
  readonly controlMs: number;
  readonly callMs: number;
  /** IPCP up and the sink configured: the session carries IP. */
  readonly totalMs: number;
}

export interface ClientCounters {
  /** Data frames of the Network phase as PPP counted them (pppd's "Sent N bytes, received M bytes"). */
  readonly ppp: Readonly<SessionCounters>;
  /** IP packets through the session's IP side. */
  readonly ip: Readonly<IpCounters>;
  /** GRE frames and sequencing drops of the call. */
  readonly gre: CallChannelCounters;
  readonly mppe: Readonly<MppeCounters> | undefined;
}

export interface SessionParts {
  readonly server: string;
  readonly peer: PeerInfo;
  readonly call: CallInfo;
  readonly session: Session;
  readonly ppp: PppSession;
  readonly ip: SessionIp;
  readonly stack: PppStack;
  readonly gre: () => CallChannelCounters;
  readonly clock: Clock;
  readonly timings: SetupTimings;
}

export class PptpClientSession {
  /** The server's IPv4 address (the GRE peer). */
  readonly server: string;
  /** What the server said about itself in its Start-Control-Connection-Reply. */
  readonly peer: PeerInfo;
  readonly callId: number;
  readonly peerCallId: number;
  /** What IPCP agreed when the session came up. */
  readonly ipcp: IpcpAgreement;
  readonly localAddress: string;
  readonly mtu: number;
  readonly mppe: MppeInfo | undefined;
  readonly timings: SetupTimings;
  /** The core session and the PPP session, for callers that need more than this class shows. */
  readonly session: Session;
  readonly ppp: PppSession;
  /** IP packets out of the tunnel (views valid during the call); completes when the session ends. */
  readonly ipPackets$: Observable<Uint8Array>;
  /** Settles once everything is released: why the session ended, with its exit status. */
  readonly closed: Promise<ClientEnd>;
  private readonly upAt: number;
  private endedAt: number | undefined;

  constructor(private readonly parts: SessionParts) {
    const { session, ppp, call, ip, clock } = parts;
    this.server = parts.server;
    this.peer = parts.peer;
    this.callId = call.callId;
    this.peerCallId = call.peerCallId;
    this.ipcp = ppp.facts.ipcp ?? { dnsServers: [], nbnsServers: [] };
    this.localAddress = this.ipcp.localAddress ?? '0.0.0.0';
    this.mtu = ip.mtu ?? 0;
    this.mppe = parts.stack.mppe();
    this.timings = parts.timings;
    this.session = session;
    this.ppp = ppp;
    this.ipPackets$ = ip.packets$;
    this.upAt = clock.now();
    this.closed = session.closed.then((reason) => {
      this.endedAt = clock.now();
      ip.complete();
      return endFromCloseReason(reason);
    });
  }

  get peerAddress(): string | undefined {
    return this.ipcp.peerAddress;
  }

  get dnsServers(): readonly string[] {
    return this.ipcp.dnsServers;
  }

  /** Time since the session came up (until it ended). */
  get connectedMs(): number {
    return (this.endedAt ?? this.parts.clock.now()) - this.upAt;
  }

  /**
   * Sends one IPv4 packet through the tunnel; false when it was refused (see counters().ip). The packet is
   * only read during the call (framed or encrypted into other buffers), so the caller may reuse it at once.
   */
  sendIp(packet: Uint8Array): boolean {
    return this.parts.ip.send(packet);
  }

  counters(): ClientCounters {
    return {
      ppp: { ...this.session.counters },
      ip: { ...this.parts.ip.counters },
      gre: this.parts.gre(),
      mppe: this.parts.stack.mppeCounters(),
    };
  }

  /**
   * Hangs up as pppd does on SIGTERM ('shutdown') or an API caller ('admin', the default): LCP
   * Terminate-Request and its Ack, Call-Clear-Request, Stop-Control-Connection-Request. Idempotent; the
   * first reason wins, also over one the server gave first.
   */
  close(code: 'admin' | 'shutdown' = 'admin', detail = 'user request'): Promise<ClientEnd> {
    void this.session.close(closeReason(code, detail));
    return this.closed;
  }
}
