// The 15 PPTP control messages as readonly objects, one interface per message of RFC 2637 §2.1–§2.15,
// with the RFC's field names in camelCase. The 12-byte header is implied by `type`; reserved fields are
// not represented (always sent as 0). Strings are the NUL-padded ASCII fields decoded up to the first NUL.
import type { ControlMessageName } from './constants.js';

interface Message<T extends ControlMessageName> {
  readonly type: T;
}

/** RFC 2637 §2.1. The PNS opens the control connection with this. */
export interface StartControlConnectionRequest extends Message<'StartControlConnectionRequest'> {
  readonly protocolVersion: number;
  readonly framingCapabilities: number;
  readonly bearerCapabilities: number;
  readonly maximumChannels: number;
  readonly firmwareRevision: number;
  readonly hostName: string;
  readonly vendorString: string;
}

/** RFC 2637 §2.2. */
export interface StartControlConnectionReply extends Message<'StartControlConnectionReply'> {
  readonly protocolVersion: number;
  readonly resultCode: number;
  readonly errorCode: number;
  readonly framingCapabilities: number;
  readonly bearerCapabilities: number;
  readonly maximumChannels: number;
  readonly firmwareRevision: number;
  readonly hostName: string;
  readonly vendorString: string;
}

/** RFC 2637 §2.3. */
export interface StopControlConnectionRequest extends Message<'StopControlConnectionRequest'> {
  readonly reason: number;
}

/** RFC 2637 §2.4. */
export interface StopControlConnectionReply extends Message<'StopControlConnectionReply'> {
  readonly resultCode: number;
  readonly errorCode: number;
}

/** RFC 2637 §2.5. */
export interface EchoRequest extends Message<'EchoRequest'> {
  readonly identifier: number;
}

/** RFC 2637 §2.6. */
export interface EchoReply extends Message<'EchoReply'> {
  readonly identifier: number;
  readonly resultCode: number;
  readonly errorCode: number;
}

/** RFC 2637 §2.7. `callId` is the PNS's: the PAC puts it in the GRE key of everything it sends. */
export interface OutgoingCallRequest extends Message<'OutgoingCallRequest'> {
  readonly callId: number;
  readonly callSerialNumber: number;
  readonly minimumBps: number;
  readonly maximumBps: number;
  readonly bearerType: number;
  readonly framingType: number;
  readonly packetRecvWindowSize: number;
  readonly packetProcessingDelay: number;
  readonly phoneNumberLength: number;
  readonly phoneNumber: string;
  readonly subaddress: string;
}

/** RFC 2637 §2.8. `callId` is the PAC's; `peerCallId` echoes the OCRQ's Call ID. */
export interface OutgoingCallReply extends Message<'OutgoingCallReply'> {
  readonly callId: number;
  readonly peerCallId: number;
  readonly resultCode: number;
  readonly errorCode: number;
  readonly causeCode: number;
  readonly connectSpeed: number;
  readonly packetRecvWindowSize: number;
  readonly packetProcessingDelay: number;
  readonly physicalChannelId: number;
}

/** RFC 2637 §2.9 (PAC → PNS). */
export interface IncomingCallRequest extends Message<'IncomingCallRequest'> {
  readonly callId: number;
  readonly callSerialNumber: number;
  readonly callBearerType: number;
  readonly physicalChannelId: number;
  readonly dialedNumberLength: number;
  readonly dialingNumberLength: number;
  readonly dialedNumber: string;
  readonly dialingNumber: string;
  readonly subaddress: string;
}

/** RFC 2637 §2.10 (PNS → PAC). */
export interface IncomingCallReply extends Message<'IncomingCallReply'> {
  readonly callId: number;
  readonly peerCallId: number;
  readonly resultCode: number;
  readonly errorCode: number;
  readonly packetRecvWindowSize: number;
  readonly packetTransmitDelay: number;
}

/** RFC 2637 §2.11 (PAC → PNS). */
export interface IncomingCallConnected extends Message<'IncomingCallConnected'> {
  readonly peerCallId: number;
  readonly connectSpeed: number;
  readonly packetRecvWindowSize: number;
  readonly packetTransmitDelay: number;
  readonly framingType: number;
}

/** RFC 2637 §2.12 (PNS → PAC). `callId` is the PNS's own Call ID. */
export interface CallClearRequest extends Message<'CallClearRequest'> {
  readonly callId: number;
}

/** RFC 2637 §2.13 (PAC → PNS). `callId` is the PAC's own Call ID. */
export interface CallDisconnectNotify extends Message<'CallDisconnectNotify'> {
  readonly callId: number;
  readonly resultCode: number;
  readonly errorCode: number;
  readonly causeCode: number;
  readonly callStatistics: string;
}

/** RFC 2637 §2.14 (PAC → PNS). `peerCallId` is the PNS's Call ID. */
export interface WanErrorNotify extends Message<'WanErrorNotify'> {
  readonly peerCallId: number;
  readonly crcErrors: number;
  readonly framingErrors: number;
  readonly hardwareOverruns: number;
  readonly bufferOverruns: number;
  readonly timeoutErrors: number;
  readonly alignmentErrors: number;
}

/** RFC 2637 §2.15 (PNS → PAC). `peerCallId` is the PAC's Call ID. */
export interface SetLinkInfo extends Message<'SetLinkInfo'> {
  readonly peerCallId: number;
  readonly sendAccm: number;
  readonly receiveAccm: number;
}

export type PptpMessage =
  | StartControlConnectionRequest
  | StartControlConnectionReply
  | StopControlConnectionRequest
  | StopControlConnectionReply
  | EchoRequest
  | EchoReply
  | OutgoingCallRequest
  | OutgoingCallReply
  | IncomingCallRequest
  | IncomingCallReply
  | IncomingCallConnected
  | CallClearRequest
  | CallDisconnectNotify
  | WanErrorNotify
  | SetLinkInfo;

/** The message interface for a given `type`. */
export type PptpMessageOf<T extends ControlMessageName> = Extract<PptpMessage, { type: T }>;
