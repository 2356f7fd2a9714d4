// One call (user session) on a control connection: the outgoing-call states of RFC 2637 §3.2.4.1
// (PAC) and §3.2.4.2 (PNS). "idle" is the absence of a Call in the connection's table.
import type { Timer } from '@switchyard/core';
import type { CallInfo } from './types.js';

/** PAC: `wait-cs-ans` only when calls are answered in deferred mode. PNS: wait-reply, wait-disconnect. */
export type CallState = 'wait-cs-ans' | 'wait-reply' | 'established' | 'wait-disconnect';

/** A mutable record owned by one control connection; the outside only ever sees `info` snapshots. */
export class Call {
  state: CallState;
  peerCallId: number;
  peerPacketRecvWindowSize = 0;
  peerPacketProcessingDelay = 0;
  connectSpeed = 0;
  framingType = 0;
  bearerType = 0;
  phoneNumber = '';
  /** ACCMs from the last Set-Link-Info (RFC 2637 §2.15: 0xffffffff until told otherwise). */
  sendAccm = 0xffffffff;
  receiveAccm = 0xffffffff;
  /** The transient-state timer (RFC 2637 §3.2.1), if one is armed. */
  timer: Timer | undefined;

  constructor(
    readonly callId: number,
    peerCallId: number,
    readonly callSerialNumber: number,
    state: CallState,
  ) {
    this.peerCallId = peerCallId;
    this.state = state;
  }

  get info(): CallInfo {
    return {
      callId: this.callId,
      peerCallId: this.peerCallId,
      callSerialNumber: this.callSerialNumber,
      peerPacketRecvWindowSize: this.peerPacketRecvWindowSize,
      peerPacketProcessingDelay: this.peerPacketProcessingDelay,
      connectSpeed: this.connectSpeed,
      framingType: this.framingType,
      bearerType: this.bearerType,
      phoneNumber: this.phoneNumber,
    };
  }

  cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
