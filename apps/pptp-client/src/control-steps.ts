// The two waits of a PPTP set-up on the control connection (RFC 2637 §3.1.1, §3.2.4.2): the
// Start-Control-Connection-Reply, and the Outgoing-Call-Reply for our call. Each rejects with the cause
// when the server refuses or the connection goes away first.
import type { CallDownReason, CallInfo, ControlCloseReason, PeerInfo } from '@switchyard/plugin-pptp-control';
import type { ControlClient } from './io/control-client.js';
import { endForControlClose } from './machine/control-outcome.js';
import { clientEnd, PptpClientError } from './machine/end.js';

/** Resolves with the server's SCCRP fields once the control connection is established. */
export function waitEstablished(control: ControlClient): Promise<PeerInfo> {
  return new Promise((resolve, reject) => {
    const off = () => {
      control.events.off('established', onUp);
      control.events.off('closed', onClosed);
    };
    const onUp = (peer: PeerInfo) => {
      off();
      resolve(peer);
    };
    const onClosed = (reason: ControlCloseReason) => {
      off();
      reject(new PptpClientError(endForControlClose(reason, 'control')));
    };
    control.events.on('established', onUp);
    control.events.on('closed', onClosed);
  });
}

/** Resolves with the call once the server's Outgoing-Call-Reply connected it. */
export function waitCallUp(control: ControlClient, callId: number): Promise<CallInfo> {
  return new Promise((resolve, reject) => {
    const off = () => {
      control.events.off('callUp', onUp);
      control.events.off('callDown', onDown);
    };
    const onUp = (call: CallInfo) => {
      if (call.callId !== callId) return;
      off();
      resolve(call);
    };
    const onDown = (call: CallInfo, reason: CallDownReason) => {
      if (call.callId !== callId) return;
      off();
      const cause = control.closeCause;
      if (reason === 'control-closed' && cause !== undefined) {
        reject(new PptpClientError(endForControlClose(cause, 'call')));
        return;
      }
      const reply = control.lastCallReply;
      const detail =
        reason === 'rejected' && reply !== undefined
          ? `the server rejected the call: Outgoing-Call-Reply result ${reply.resultCode}, error ${reply.errorCode}`
          : `call ${reason}`;
      reject(new PptpClientError(clientEnd('call-rejected', detail)));
    };
    control.events.on('callUp', onUp);
    control.events.on('callDown', onDown);
  });
}
