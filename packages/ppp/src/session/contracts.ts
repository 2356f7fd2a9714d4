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
  /** The authentication the authenticator side asked for and the other side Acked (none: undefined). */
  readonly auth?: { readonly protocol: number; readonly data: Uint8Array };
  readonly localMagic?: number;
  readonly peerMagic?: number;
}

/** Facts about the session learned by one layer and needed by later ones. */
export interface PppFacts {
  lcp?: LcpAgreement;
  /** The successful authentication (its MPPE key material feeds CCP). */
  auth?: Extract<AuthResult, { ok: true }>;
  /** Our name (pppd `name`). */
  readonly localName: string;
}

/**
 * Turns data frames into protected frames and back (MPPE today). Installed by the layer that
 * negotiated it, removed when that layer goes down.
 */
export interface DataTransform {
  /** Which protocols pass through `protect` (MPPE: 0x0021–0x00fa, RFC 3078 §3). */
  covers(protocol: number): boolean;
  /** Returns the frame to send instead (protocol + payload), or undefined to drop it (counted). */
  protect(protocol: number, payload: Uint8Array): { protocol: number; payload: Uint8Array } | undefined;
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
  /** Terminate the link (Terminate-Request); `finished` follows. */
  close(reason: CloseReason): void;
  /** The tunnel went away: no more sending. */
  lowerDown(): void;
  /** Stops timers; called once when the session is released. */
  dispose(): void;
}

export interface LinkControlFactory {
  /**
   * Builds LCP for one session. `authenticators` are those this appliance may use, strongest first;
   * LCP negotiates one of them from its require-/refuse- settings and records it in facts.lcp.auth.
   */
  create(
    context: PppContext,
    authenticators: readonly Authenticator[],
    events: ProtocolEvents,
  ): LinkControl;
}

/** A network control protocol (IPCP, CCP, IPV6CP) of one session. */
export interface NetworkControl {
  readonly name: string;
  /**
   * True when the other NCPs must wait until this one is up (CCP while MPPE is required: pppd starts
   * IPCP only after CCP opened, so no IP packet can go out in clear).
   */
  readonly gatesOthers: boolean;
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
