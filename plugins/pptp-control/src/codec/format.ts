// pppd/pptpd-style one-line traces of control messages for debug logs, e.g.
// `[OCRP call-id=128 peer-call-id=56429 result=connected speed=10000000 window=64 delay=0]`.
import {
  CallDisconnectResult,
  CONTROL_MESSAGE_ABBREVIATION,
  EchoResult,
  GeneralError,
  IncomingCallResult,
  OutgoingCallResult,
  StartControlConnectionResult,
  StopControlConnectionReason,
  StopControlConnectionResult,
} from './constants.js';
import type { PptpMessage } from './messages.js';

type CodeTable = Readonly<Record<string, number>>;

/** `connected` for 1 in OutgoingCallResult; unknown codes print as numbers. */
function codeName(table: CodeTable, code: number): string {
  for (const [name, value] of Object.entries(table)) {
    if (value === code) return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  }
  return String(code);
}

const version = (v: number): string => `${v >> 8}.${v & 0xff}`;
const hex = (v: number, width = 8): string => `0x${v.toString(16).padStart(width, '0')}`;
const quoted = (s: string): string => JSON.stringify(s);

function result(table: CodeTable, resultCode: number, errorCode: number): string {
  const base = `result=${codeName(table, resultCode)}`;
  return errorCode === 0 ? base : `${base} error=${codeName(GeneralError, errorCode)}`;
}

function fields(m: PptpMessage): string {
  switch (m.type) {
    case 'StartControlConnectionRequest':
    case 'StartControlConnectionReply': {
      const outcome =
        m.type === 'StartControlConnectionReply'
          ? ` ${result(StartControlConnectionResult, m.resultCode, m.errorCode)}`
          : '';
      return (
        `version=${version(m.protocolVersion)}${outcome} framing=${m.framingCapabilities} ` +
        `bearer=${m.bearerCapabilities} max-channels=${m.maximumChannels} firmware=${hex(m.firmwareRevision, 4)} ` +
        `host=${quoted(m.hostName)} vendor=${quoted(m.vendorString)}`
      );
    }
    case 'StopControlConnectionRequest':
      return `reason=${codeName(StopControlConnectionReason, m.reason)}`;
    case 'StopControlConnectionReply':
      return result(StopControlConnectionResult, m.resultCode, m.errorCode);
    case 'EchoRequest':
      return `id=${hex(m.identifier)}`;
    case 'EchoReply':
      return `id=${hex(m.identifier)} ${result(EchoResult, m.resultCode, m.errorCode)}`;
    case 'OutgoingCallRequest':
      return (
        `call-id=${m.callId} serial=${m.callSerialNumber} bps=${m.minimumBps}..${m.maximumBps} ` +
        `bearer=${m.bearerType} framing=${m.framingType} window=${m.packetRecvWindowSize} ` +
        `delay=${m.packetProcessingDelay} phone=${quoted(m.phoneNumber)}`
      );
    case 'OutgoingCallReply':
      return (
        `call-id=${m.callId} peer-call-id=${m.peerCallId} ${result(OutgoingCallResult, m.resultCode, m.errorCode)} ` +
        `cause=${m.causeCode} speed=${m.connectSpeed} window=${m.packetRecvWindowSize} ` +
        `delay=${m.packetProcessingDelay} channel=${m.physicalChannelId}`
      );
    case 'IncomingCallRequest':
      return (
        `call-id=${m.callId} serial=${m.callSerialNumber} bearer=${m.callBearerType} ` +
        `channel=${m.physicalChannelId} dialed=${quoted(m.dialedNumber)} dialing=${quoted(m.dialingNumber)}`
      );
    case 'IncomingCallReply':
      return (
        `call-id=${m.callId} peer-call-id=${m.peerCallId} ${result(IncomingCallResult, m.resultCode, m.errorCode)} ` +
        `window=${m.packetRecvWindowSize} delay=${m.packetTransmitDelay}`
      );
    case 'IncomingCallConnected':
      return (
        `peer-call-id=${m.peerCallId} speed=${m.connectSpeed} window=${m.packetRecvWindowSize} ` +
        `delay=${m.packetTransmitDelay} framing=${m.framingType}`
      );
    case 'CallClearRequest':
      return `call-id=${m.callId}`;
    case 'CallDisconnectNotify':
      return (
        `call-id=${m.callId} ${result(CallDisconnectResult, m.resultCode, m.errorCode)} cause=${m.causeCode}` +
        (m.callStatistics === '' ? '' : ` stats=${quoted(m.callStatistics)}`)
      );
    case 'WanErrorNotify':
      return (
        `peer-call-id=${m.peerCallId} crc=${m.crcErrors} framing=${m.framingErrors} ` +
        `hw-overruns=${m.hardwareOverruns} buffer-overruns=${m.bufferOverruns} ` +
        `timeouts=${m.timeoutErrors} alignment=${m.alignmentErrors}`
      );
    case 'SetLinkInfo':
      return `peer-call-id=${m.peerCallId} send-accm=${hex(m.sendAccm)} recv-accm=${hex(m.receiveAccm)}`;
  }
}

/** One-line trace of a control message; the caller prefixes `rcvd`/`sent` as pppd does. */
export function formatPptpMessage(message: PptpMessage): string {
  return `[${CONTROL_MESSAGE_ABBREVIATION[message.type]} ${fields(message)}]`;
}
