// Builders for the replies the machines send most, so the state logic reads as decisions rather
// than field lists (RFC 2637 §2.2, §2.8, §2.13).
import { PPTP_PROTOCOL_VERSION } from '../codec/constants.js';
import type {
  CallDisconnectNotify,
  OutgoingCallReply,
  StartControlConnectionReply,
} from '../codec/messages.js';
import type { PacIdentity } from './identity.js';

export function startReply(resultCode: number, identity: PacIdentity): StartControlConnectionReply {
  return {
    type: 'StartControlConnectionReply',
    protocolVersion: PPTP_PROTOCOL_VERSION,
    resultCode,
    errorCode: 0,
    ...identity,
  };
}

/** An OCRP refusing a call: Call ID 0 (none allocated), the request's Call ID echoed, all else 0. */
export function outgoingCallRefusal(
  peerCallId: number,
  resultCode: number,
  errorCode: number,
): OutgoingCallReply {
  return {
    type: 'OutgoingCallReply',
    callId: 0,
    peerCallId,
    resultCode,
    errorCode,
    causeCode: 0,
    connectSpeed: 0,
    packetRecvWindowSize: 0,
    packetProcessingDelay: 0,
    physicalChannelId: 0,
  };
}

export function disconnectNotify(
  callId: number,
  resultCode: number,
  errorCode = 0,
  causeCode = 0,
  callStatistics = '',
): CallDisconnectNotify {
  return { type: 'CallDisconnectNotify', callId, resultCode, errorCode, causeCode, callStatistics };
}
