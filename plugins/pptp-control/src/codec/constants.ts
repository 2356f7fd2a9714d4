// PPTP control-connection constants: message codes, exact sizes and result/error codes, named as in
// RFC 2637 §1.4 and §2.1–§2.16. Unknown codes stay plain numbers in decoded messages.

/** TCP port of the control connection (RFC 2637 §1.4). */
export const PPTP_TCP_PORT = 1723;
/** Sanity constant in every control header; a mismatch means loss of sync (RFC 2637 §1.4). */
export const PPTP_MAGIC_COOKIE = 0x1a2b3c4d;
/** Version 1, revision 0: the only version ever deployed (RFC 2637 §1.4). */
export const PPTP_PROTOCOL_VERSION = 0x0100;
/** Length(2) + PPTP Message Type(2) + Magic Cookie(4) + Control Message Type(2) + Reserved0(2). */
export const PPTP_HEADER_LENGTH = 12;
/** The largest control message (Incoming-Call-Request); pptpd refuses anything longer too. */
export const PPTP_MAX_MESSAGE_LENGTH = 220;

/** PPTP Message Type field (RFC 2637 §1.4). Management messages are not defined. */
export const PptpMessageType = { Control: 1, Management: 2 } as const;

/** Control Message Type codes (RFC 2637 §1.4). */
export const ControlMessageType = {
  StartControlConnectionRequest: 1,
  StartControlConnectionReply: 2,
  StopControlConnectionRequest: 3,
  StopControlConnectionReply: 4,
  EchoRequest: 5,
  EchoReply: 6,
  OutgoingCallRequest: 7,
  OutgoingCallReply: 8,
  IncomingCallRequest: 9,
  IncomingCallReply: 10,
  IncomingCallConnected: 11,
  CallClearRequest: 12,
  CallDisconnectNotify: 13,
  WanErrorNotify: 14,
  SetLinkInfo: 15,
} as const;
export type ControlMessageName = keyof typeof ControlMessageType;

/** Exact message lengths including the header (RFC 2637 §2 diagrams; pptpd pptpdefs.h; anchors §0). */
export const CONTROL_MESSAGE_LENGTH: Readonly<Record<ControlMessageName, number>> = {
  StartControlConnectionRequest: 156,
  StartControlConnectionReply: 156,
  StopControlConnectionRequest: 16,
  StopControlConnectionReply: 16,
  EchoRequest: 16,
  EchoReply: 20,
  OutgoingCallRequest: 168,
  OutgoingCallReply: 32,
  IncomingCallRequest: 220,
  IncomingCallReply: 24,
  IncomingCallConnected: 28,
  CallClearRequest: 16,
  CallDisconnectNotify: 148,
  WanErrorNotify: 40,
  SetLinkInfo: 24,
};

/** Short names used in traces, as pptpd/pptp-linux logs spell them. */
export const CONTROL_MESSAGE_ABBREVIATION: Readonly<Record<ControlMessageName, string>> = {
  StartControlConnectionRequest: 'SCCRQ',
  StartControlConnectionReply: 'SCCRP',
  StopControlConnectionRequest: 'StopCCRQ',
  StopControlConnectionReply: 'StopCCRP',
  EchoRequest: 'ECRQ',
  EchoReply: 'ECRP',
  OutgoingCallRequest: 'OCRQ',
  OutgoingCallReply: 'OCRP',
  IncomingCallRequest: 'ICRQ',
  IncomingCallReply: 'ICRP',
  IncomingCallConnected: 'ICCN',
  CallClearRequest: 'CCRQ',
  CallDisconnectNotify: 'CDN',
  WanErrorNotify: 'WEN',
  SetLinkInfo: 'SLI',
};

/** Framing Capabilities bits in SCCRQ/SCCRP (RFC 2637 §2.1). */
export const FramingCapability = { Asynchronous: 1, Synchronous: 2 } as const;
/** Bearer Capabilities bits in SCCRQ/SCCRP (RFC 2637 §2.1). */
export const BearerCapability = { Analog: 1, Digital: 2 } as const;
/** Framing Type in OCRQ/ICCN (RFC 2637 §2.7, §2.11). */
export const FramingType = { Asynchronous: 1, Synchronous: 2, Either: 3 } as const;
/** Bearer Type in OCRQ/ICRQ (RFC 2637 §2.7, §2.9). */
export const BearerType = { Analog: 1, Digital: 2, Either: 3 } as const;

/** General Error Codes, carried when a Result Code says "General Error" (RFC 2637 §2.16). */
export const GeneralError = {
  None: 0,
  NotConnected: 1,
  BadFormat: 2,
  BadValue: 3,
  NoResource: 4,
  BadCallId: 5,
  PacError: 6,
} as const;

/** Start-Control-Connection-Reply Result Code (RFC 2637 §2.2). */
export const StartControlConnectionResult = {
  Success: 1,
  GeneralError: 2,
  ChannelExists: 3,
  NotAuthorized: 4,
  UnsupportedVersion: 5,
} as const;

/** Stop-Control-Connection-Request Reason (RFC 2637 §2.3). */
export const StopControlConnectionReason = { None: 1, StopProtocol: 2, StopLocalShutdown: 3 } as const;
/** Stop-Control-Connection-Reply Result Code (RFC 2637 §2.4). */
export const StopControlConnectionResult = { Ok: 1, GeneralError: 2 } as const;
/** Echo-Reply Result Code (RFC 2637 §2.6). */
export const EchoResult = { Ok: 1, GeneralError: 2 } as const;

/** Outgoing-Call-Reply Result Code (RFC 2637 §2.8). */
export const OutgoingCallResult = {
  Connected: 1,
  GeneralError: 2,
  NoCarrier: 3,
  Busy: 4,
  NoDialTone: 5,
  TimeOut: 6,
  DoNotAccept: 7,
} as const;

/** Incoming-Call-Reply Result Code (RFC 2637 §2.10). */
export const IncomingCallResult = { Connect: 1, GeneralError: 2, DoNotAccept: 3 } as const;

/** Call-Disconnect-Notify Result Code (RFC 2637 §2.13). */
export const CallDisconnectResult = {
  LostCarrier: 1,
  GeneralError: 2,
  AdminShutdown: 3,
  Request: 4,
} as const;
