// The contracts between the PPP session driver (plugins/ppp) and the plugins that implement PPP
// protocols for one session: LCP (plugins/lcp), NCPs such as IPCP and CCP (plugins/ipcp, plugins/mppe),
// and the data transform MPPE installs. Plugins depend on these, never on each other.
import type { AuthResult, Authenticator, Clock, CloseReason, Logger, Session } from '@switchyard/core';
import { createToken } from '@switchyard/core';
import type { PppLink } from '../link/ppp-link.js';

export type PppRole = 'server' | 'client';

/** What LCP agreed, as the rest of the session needs it. */
export interface LcpAgreement {
  /** The largest frame the peer accepts (its MRU as we Acked it; 1500 when it did not ask). */
  readonly peerMruBytes: number;
  /** Our MRU as the peer Acked it. */
  readonly localMruBytes: number;
  /**
   * The largest Information field we send: the peer's MRU capped by our `mtu` setting (pppd sets the
   * interface MTU to MIN(mtu, peer MRU), lcp.c lcp_up). Absent: `peerMruBytes`.
   */
  readonly mtuBytes?: number;
  /** The authentication the authenticator side asked for and the other side Acked (none: undefined). */
  readonly auth?: { readonly protocol: number; readonly data: Uint8Array };
  readonly localMagic?: number;
  readonly peerMagic?: number;
}

/** What IPCP agreed (RFC 1332, RFC 1877), for address assignment, routes and the client application. */
export interface IpcpAgreement {
  /** Our IPv4 address (the server's `localip`; the address a client was given). */
  readonly localAddress?: string;
  /** The peer's IPv4 address (the address a server gave; the server's address, seen by a client). */
  readonly peerAddress?: string;
  /** DNS servers the client learned (RFC 1877 options 129/131) or the server handed out. */
  readonly dnsServers: readonly string[];
  /** NBNS (WINS) servers (RFC 1877 options 130/132). */
  readonly nbnsServers: readonly string[];
}

/** Facts about the session learned by one layer and needed by later ones. */
export interface PppFacts {
  lcp?: LcpAgreement;
  /** The successful authentication (its MPPE key material feeds CCP). */
  auth?: Extract<AuthResult, { ok: true }>;
  /** Set by IPCP while it is Opened. */
  ipcp?: IpcpAgreement;
  /** Our name (pppd `name`). */
  readonly localName: string;
}

/**
 * Turns data frames into protected frames and back (MPPE today). Installed by the layer that
 * negotiated it, removed when that layer goes down.
 */
/** What DataTransform.protect returns. */
export interface ProtectedFrame {
  readonly protocol: number;
  readonly payload: Uint8Array;
  /**
   * Bytes just before `payload` in its buffer that belong to nobody else: the frame header may be
   * written there instead of copying the payload into a new frame (PPP_MAX_FRAME_HEADER suffices).
   */
  readonly headroom?: number;
}

export interface DataTransform {
  /** Which protocols pass through `protect` (MPPE: 0x0021–0x00fa, RFC 3078 §3). */
  covers(protocol: number): boolean;
  /** Returns the frame to send instead (protocol + payload), or undefined to drop it (counted). */
  protect(protocol: number, payload: Uint8Array): ProtectedFrame | undefined;
  /**
   * Bytes `protect` adds to a covered payload (MPPE: 2-byte header + 2-byte inner Protocol = 4), taken
   * off the IP MTU so protected frames still fit the peer's MRU. Absent: 0.
   */
  readonly overheadBytes?: number;
}

/** What a per-session protocol instance is given by the driver. */
export interface PppContext {
  readonly session: Session;
  readonly role: PppRole;
  readonly clock: Clock;
  /** The session's logger (records carry session and peer). */
  readonly logger: Logger;
  /** Phase, framing and the demultiplexer; protocols register their handlers on it. */
  readonly link: PppLink;
  readonly facts: PppFacts;
  /**
   * Sends one frame. Frames the installed DataTransform covers go through it; while encryption is
   * required but not yet up, such frames are dropped and counted, never sent in clear.
   */
  send(protocol: number, payload: Uint8Array): void;
  /** Feeds a frame recovered by a transform (a decrypted MPPE payload) back into the demultiplexer. */
  deliver(frame: Uint8Array): void;
  /** Installs or removes the data transform. */
  setDataTransform(transform: DataTransform | undefined): void;
  /** Ends the session: LCP terminates, then the transport closes. Idempotent. */
  close(reason: CloseReason): void;
  /**
   * The largest network-layer packet (e.g. IP) one frame to the peer can carry: LCP's `mtuBytes`,
   * capped by the transport's frame size, minus the installed transform's overhead. Optional so test
   * doubles need not compute it; the driver's context always provides it.
   */
  readonly dataMtuBytes?: number;
}

/** Events a control protocol reports to the driver. */
export interface ProtocolEvents {
  /** The automaton reached Opened (tlu). */
  up(): void;
  /** It left Opened (tld). */
  down(): void;
  /** It gave up or was closed (tlf); `reason` says why when it was a failure. */
  finished(reason?: CloseReason): void;
}

/** The link control protocol of one session. */
export interface LinkControl {
  /** The tunnel carries frames: start negotiating (RFC 1661 Up + Open). */
  open(): void;
  /**
   * Terminate the link (Terminate-Request). `finished` always follows, exactly once: after the
   * Terminate-Ack or Max-Terminate timeouts, or at once when there was nothing to terminate.
   */
  close(reason: CloseReason): void;
  /** The tunnel went away: no more sending. */
  lowerDown(): void;
  /** Stops timers; called once when the session is released. */
  dispose(): void;
  /**
   * Why the link is going away, once LCP knows: the peer's Terminate-Request ('peer-terminated' with its
   * text), an echo failure, or the reason given to close(). Lets the driver report the true cause when
   * the transport closes before LCP finishes.
   */
  readonly closeReason?: CloseReason;
  /** A fresh LCP Identifier: Protocol-Rejects share LCP's counter, as in pppd. */
  nextIdentifier?(): number;
}

export interface LinkControlFactory {
  /**
   * Builds LCP for one session. `authenticators` are those this appliance may use, strongest first;
   * LCP negotiates one of them from its require-/refuse- settings and records it in facts.lcp.auth.
   */
  create(context: PppContext, authenticators: readonly Authenticator[], events: ProtocolEvents): LinkControl;
}

/** A network control protocol (IPCP, CCP, IPV6CP) of one session. */
export interface NetworkControl {
  readonly name: string;
  /**
   * True when the other NCPs must wait until this one is up (CCP while MPPE is required: pppd starts
   * IPCP only after CCP opened, so no IP packet can go out in clear). The driver reads it as "encryption
   * is required": from the moment such an NCP exists, data frames the transform would cover are never
   * sent or accepted in clear.
   */
  readonly gatesOthers: boolean;
  /**
   * The Network phase began but this NCP waits behind a gating one: Up without Open, so the automaton
   * sits in Closed and answers the peer's Configure-Requests with Terminate-Ack, as pppd's IPCP does
   * until CCP opens (anchors §6 #14). start() follows when the gates open. Optional.
   */
  lowerUp?(): void;
  /** The Network phase began (or, for gated NCPs, the gates opened): Up + Open. */
  start(): void;
  /** The Network phase ended: Down. */
  stop(): void;
  /** Stops timers and releases resources; called once when the session is released. */
  dispose(): void;
}

export interface NetworkControlFactory {
  readonly name: string;
  /** Builds the NCP for one session, or undefined when it does not take part (e.g. `nomppe`). */
  create(context: PppContext, events: ProtocolEvents): NetworkControl | undefined;
}

export const linkControlToken = createToken<LinkControlFactory>('ppp.linkControl');
/** Multi-provider: every NCP plugin registers one. */
export const networkControlToken = createToken<NetworkControlFactory>('ppp.networkControl');
