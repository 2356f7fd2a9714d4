// Inputs and outputs of the PPTP control-connection machines (RFC 2637 §3). The I/O layer feeds
// decoded messages and TCP events in, and carries out what comes back: send these messages (in order),
// close the TCP connection, and tell the session layer about calls going up and down.
import type { Clock } from '@switchyard/core';
import type { DecodeError } from '@switchyard/wire';
import type { PptpMessage, SetLinkInfo, WanErrorNotify } from '../codec/messages.js';

/** Control connection states of RFC 2637 §3.1.1/§3.1.2, plus `closed` once the TCP side is done. */
export type ControlState = 'idle' | 'wait-ctl-reply' | 'established' | 'wait-stop-reply' | 'closed';

/** Why the machine wants the TCP connection closed (each is logged once, STYLE.md §3.7). */
export type ControlCloseReason =
  | 'start-timeout' // PAC: no Start-Control-Connection-Request within stimeout (pptpd DoS guard)
  | 'reply-timeout' // PNS: no Start-Control-Connection-Reply within 60 s (RFC 2637 §3.1.4)
  | 'echo-timeout' // no Echo-Reply 60 s after our Echo-Request (RFC 2637 §3.1.4)
  | 'call-timeout' // a call stayed in a transient state for 60 s (RFC 2637 §3.2.1)
  | 'lost-sync' // malformed control stream (RFC 2637 §1.4)
  | 'not-connected' // a request arrived before Start-Control-Connection-Request (RFC 2637 §2.16 error 1)
  | 'unsupported-version' // version negotiation failed (RFC 2637 §3.1)
  | 'start-rejected' // PNS: the PAC answered SCCRQ with an error result
  | 'peer-stopped' // the peer sent Stop-Control-Connection-Request and we replied
  | 'local-stop' // we sent Stop-Control-Connection-Request (answered or timed out)
  | 'idle-connection' // PAC: no call on the connection for idleConnectionTimeoutMs, so we stopped it
  | 'peer-closed'; // the TCP connection was closed under us

/** Why a call ended. */
export type CallDownReason =
  | 'peer-clear' // PAC: Call-Clear-Request received, Call-Disconnect-Notify sent (RFC 2637 §3.2.4.1)
  | 'peer-disconnect' // PNS: Call-Disconnect-Notify received (RFC 2637 §3.2.4.2)
  | 'local-disconnect' // PAC: we sent Call-Disconnect-Notify (PPP ended, admin kill)
  | 'local-clear' // PNS: our Call-Clear-Request was answered
  | 'rejected' // the Outgoing-Call-Request was answered with an error
  | 'answer-timeout' // PAC in deferred mode: not answered in time, error reply sent
  | 'control-closed'; // the control connection went away, implicitly clearing the call (RFC 2637 §2.3)

/** What GRE needs to carry a call (RFC 2637 §2.7, §2.8, §4.1). */
export interface CallInfo {
  /** Our Call ID: the low 16 bits of the GRE key the peer sends to us (demux key with its address). */
  readonly callId: number;
  /** The peer's Call ID: what we put in the GRE key of everything we send. */
  readonly peerCallId: number;
  readonly callSerialNumber: number;
  /** Packet Recv. Window Size the peer announced: how many unacknowledged packets it buffers. */
  readonly peerPacketRecvWindowSize: number;
  /** Packet Processing Delay the peer announced, in 1/10 s (RFC 2637 §4.4). */
  readonly peerPacketProcessingDelay: number;
  readonly connectSpeed: number;
  readonly framingType: number;
  readonly bearerType: number;
  readonly phoneNumber: string;
}

/** What the peer told us about itself in its SCCRQ/SCCRP. */
export interface PeerInfo {
  readonly protocolVersion: number;
  readonly framingCapabilities: number;
  readonly bearerCapabilities: number;
  readonly maximumChannels: number;
  readonly firmwareRevision: number;
  readonly hostName: string;
  readonly vendorString: string;
}

/** Inputs both roles accept. */
export type CommonControlInput =
  /** The TCP connection is up: the PAC starts its stimeout, the PNS sends its SCCRQ. */
  | { readonly type: 'open' }
  /** A message from PptpFramer. */
  | { readonly type: 'message'; readonly message: PptpMessage }
  /** A PptpFramer failure: loss of sync, the connection is closed. */
  | { readonly type: 'malformed'; readonly error: DecodeError }
  /** The peer closed (or reset) the TCP connection. */
  | { readonly type: 'tcp-closed' }
  /** Local terminate: clear every call and send Stop-Control-Connection-Request (RFC 2637 §3.1). */
  | { readonly type: 'stop'; readonly reason?: number };

export type ControlOutput =
  /** Encode and write this message to the TCP connection, in order with the other sends. */
  | { readonly type: 'send'; readonly message: PptpMessage }
  /** Flush pending writes, then close the TCP connection. Always the last output; nothing follows. */
  | { readonly type: 'close'; readonly reason: ControlCloseReason }
  /** Start-Control-Connection handshake completed. */
  | { readonly type: 'established'; readonly peer: PeerInfo }
  /**
   * A call awaits its answer. PAC in deferred mode: an OCRQ awaits `answer-call` / `reject-call`.
   * PNS: our OCRQ went out (this tells the caller the Call ID we chose) and awaits the PAC's OCRP.
   */
  | { readonly type: 'call-pending'; readonly call: CallInfo }
  /** The call is connected: start GRE for it. */
  | { readonly type: 'call-up'; readonly call: CallInfo }
  /** The call is gone: stop GRE, end its PPP session. Its Call ID is free again. */
  | { readonly type: 'call-down'; readonly call: CallInfo; readonly reason: CallDownReason }
  /** Set-Link-Info for a call: ACCMs recorded, never answered (RFC 2637 §2.15, anchors §6 #11). */
  | { readonly type: 'link-info'; readonly call: CallInfo; readonly message: SetLinkInfo }
  /** WAN-Error-Notify for a call (RFC 2637 §2.14): log it. */
  | { readonly type: 'wan-error'; readonly call: CallInfo; readonly message: WanErrorNotify }
  /** A message that is legal on the wire but not in this state or role; logged, otherwise ignored. */
  | { readonly type: 'ignored'; readonly message: PptpMessage; readonly why: string }
  /** State change for debug traces: `pptp-control: idle => established (SCCRQ)`. */
  | {
      readonly type: 'state';
      readonly from: ControlState;
      readonly to: ControlState;
      readonly cause: string;
    };

/** Timer settings shared by both roles; every value is in milliseconds. */
export interface ControlTimers {
  /** Echo-Request after this much silence in the established state; 0 disables (RFC 2637 §3.1.4: 60 s). */
  readonly echoIntervalMs: number;
  /** Close when the Echo-Reply has not come this long after the request (RFC 2637 §3.1.4: 60 s). */
  readonly echoTimeoutMs: number;
  /** Wait this long for Stop-Control-Connection-Reply before closing anyway (pptpd: 5 s). */
  readonly stopReplyTimeoutMs: number;
  /** Longest time a call may stay in a transient state (RFC 2637 §3.2.1: 1 minute). */
  readonly callSetupTimeoutMs: number;
}

export const DEFAULT_CONTROL_TIMERS: ControlTimers = {
  echoIntervalMs: 60_000,
  echoTimeoutMs: 60_000,
  stopReplyTimeoutMs: 5_000,
  callSetupTimeoutMs: 60_000,
};

/** Dependencies every machine gets. */
export interface ControlMachineDeps {
  readonly clock: Clock;
  /** Receives outputs caused by timers (echo, timeouts); `handle()` returns the others directly. */
  readonly emit: (outputs: readonly ControlOutput[]) => void;
}
