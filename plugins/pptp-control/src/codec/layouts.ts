// Field-by-field layout of every control message body after the 12-byte header, transcribed from the
// diagrams of RFC 2637 §2.1–§2.15. The codec walks these tables, so a message is described exactly once.
import type { ControlMessageName } from './constants.js';
import type { PptpMessageOf } from './messages.js';

export type NumericKind = 'u8' | 'u16' | 'u32';
/** NUL-padded ASCII fields of 64 or 128 octets (host name, vendor, numbers, call statistics). */
export type TextKind = 'ascii64' | 'ascii128';
type FieldName<M> = Exclude<keyof M, 'type'>;

/** `[field, kind]`, or `[null, kind]` for a Reserved field (sent as 0, ignored on receipt). */
export type FieldSpec<M> =
  | { [K in FieldName<M>]: readonly [K, M[K] extends string ? TextKind : NumericKind] }[FieldName<M>]
  | readonly [null, 'u8' | 'u16'];

export type MessageLayouts = { readonly [T in ControlMessageName]: readonly FieldSpec<PptpMessageOf<T>>[] };

export const KIND_SIZE: Readonly<Record<NumericKind | TextKind, number>> = {
  u8: 1,
  u16: 2,
  u32: 4,
  ascii64: 64,
  ascii128: 128,
};

export const MESSAGE_LAYOUTS: MessageLayouts = {
  StartControlConnectionRequest: [
    ['protocolVersion', 'u16'],
    [null, 'u16'],
    ['framingCapabilities', 'u32'],
    ['bearerCapabilities', 'u32'],
    ['maximumChannels', 'u16'],
    ['firmwareRevision', 'u16'],
    ['hostName', 'ascii64'],
    ['vendorString', 'ascii64'],
  ],
  StartControlConnectionReply: [
    ['protocolVersion', 'u16'],
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    ['framingCapabilities', 'u32'],
    ['bearerCapabilities', 'u32'],
    ['maximumChannels', 'u16'],
    ['firmwareRevision', 'u16'],
    ['hostName', 'ascii64'],
    ['vendorString', 'ascii64'],
  ],
  StopControlConnectionRequest: [
    ['reason', 'u8'],
    [null, 'u8'],
    [null, 'u16'],
  ],
  StopControlConnectionReply: [
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    [null, 'u16'],
  ],
  EchoRequest: [['identifier', 'u32']],
  EchoReply: [
    ['identifier', 'u32'],
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    [null, 'u16'],
  ],
  OutgoingCallRequest: [
    ['callId', 'u16'],
    ['callSerialNumber', 'u16'],
    ['minimumBps', 'u32'],
    ['maximumBps', 'u32'],
    ['bearerType', 'u32'],
    ['framingType', 'u32'],
    ['packetRecvWindowSize', 'u16'],
    ['packetProcessingDelay', 'u16'],
    ['phoneNumberLength', 'u16'],
    [null, 'u16'],
    ['phoneNumber', 'ascii64'],
    ['subaddress', 'ascii64'],
  ],
  OutgoingCallReply: [
    ['callId', 'u16'],
    ['peerCallId', 'u16'],
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    ['causeCode', 'u16'],
    ['connectSpeed', 'u32'],
    ['packetRecvWindowSize', 'u16'],
    ['packetProcessingDelay', 'u16'],
    ['physicalChannelId', 'u32'],
  ],
  IncomingCallRequest: [
    ['callId', 'u16'],
    ['callSerialNumber', 'u16'],
    ['callBearerType', 'u32'],
    ['physicalChannelId', 'u32'],
    ['dialedNumberLength', 'u16'],
    ['dialingNumberLength', 'u16'],
    ['dialedNumber', 'ascii64'],
    ['dialingNumber', 'ascii64'],
    ['subaddress', 'ascii64'],
  ],
  IncomingCallReply: [
    ['callId', 'u16'],
    ['peerCallId', 'u16'],
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    ['packetRecvWindowSize', 'u16'],
    ['packetTransmitDelay', 'u16'],
    [null, 'u16'],
  ],
  IncomingCallConnected: [
    ['peerCallId', 'u16'],
    [null, 'u16'],
    ['connectSpeed', 'u32'],
    ['packetRecvWindowSize', 'u16'],
    ['packetTransmitDelay', 'u16'],
    ['framingType', 'u32'],
  ],
  CallClearRequest: [
    ['callId', 'u16'],
    [null, 'u16'],
  ],
  CallDisconnectNotify: [
    ['callId', 'u16'],
    ['resultCode', 'u8'],
    ['errorCode', 'u8'],
    ['causeCode', 'u16'],
    [null, 'u16'],
    ['callStatistics', 'ascii128'],
  ],
  WanErrorNotify: [
    ['peerCallId', 'u16'],
    [null, 'u16'],
    ['crcErrors', 'u32'],
    ['framingErrors', 'u32'],
    ['hardwareOverruns', 'u32'],
    ['bufferOverruns', 'u32'],
    ['timeoutErrors', 'u32'],
    ['alignmentErrors', 'u32'],
  ],
  SetLinkInfo: [
    ['peerCallId', 'u16'],
    [null, 'u16'],
    ['sendAccm', 'u32'],
    ['receiveAccm', 'u32'],
  ],
};
