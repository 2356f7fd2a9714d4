// The PNS (client) side of a control connection: RFC 2637 §3.1.1 (originator) and the PNS outgoing-call
// states of §3.2.4.2. Used by apps/pptp-client and by the two-peer tests; it places calls with OCRQ,
// clears them with CCRQ and follows the PAC's Call-Disconnect-Notify.
import {
  BearerType,
  FramingType,
  IncomingCallResult,
  OutgoingCallResult,
  PPTP_PROTOCOL_VERSION,
  StartControlConnectionResult,
  StopControlConnectionReason,
} from '../codec/constants.js';
import type { OutgoingCallReply, PptpMessage } from '../codec/messages.js';
import { Call } from './call.js';
import type { CallIdAllocator } from './call-id-allocator.js';
import { ControlConnection } from './control-connection.js';
import { DEFAULT_PNS_IDENTITY, type PnsIdentity } from './identity.js';
import type { CommonControlInput, ControlMachineDeps, ControlTimers, PeerInfo } from './types.js';

export interface PnsControlOptions extends ControlMachineDeps {
  readonly callIds: CallIdAllocator;
  readonly identity?: Partial<PnsIdentity>;
  readonly timers?: Partial<ControlTimers>;
  /** Close when no Start-Control-Connection-Reply arrives in this time (RFC 2637 §3.1.4: 60 s). */
  readonly startReplyTimeoutMs?: number;
}

/** Outgoing-Call-Request parameters (RFC 2637 §2.7); defaults are pptp-linux's. */
export interface OutgoingCallParameters {
  readonly minimumBps?: number;
  readonly maximumBps?: number;
  readonly bearerType?: number;
  readonly framingType?: number;
  readonly packetRecvWindowSize?: number;
  readonly packetProcessingDelay?: number;
  readonly phoneNumber?: string;
  readonly subaddress?: string;
}

export type PnsLocalInput =
  /** Send an OCRQ; the `call-pending` output carries the Call ID chosen. */
  | { readonly type: 'place-call'; readonly parameters?: OutgoingCallParameters }
  /** Send a Call-Clear-Request and wait for the PAC's Call-Disconnect-Notify (RFC 2637 §3.2.4.2). */
  | { readonly type: 'clear-call'; readonly callId: number };

export type PnsControlInput = CommonControlInput | PnsLocalInput;

export class PnsControlConnection extends ControlConnection<PnsControlInput> {
  private readonly identity: PnsIdentity;
  private readonly startReplyTimeoutMs: number;
  private nextSerial = 1;
  private peer: PeerInfo | undefined;

  constructor(options: PnsControlOptions) {
    super(options, options.callIds, options.timers);
    this.identity = { ...DEFAULT_PNS_IDENTITY, ...options.identity };
    this.startReplyTimeoutMs = options.startReplyTimeoutMs ?? 60_000;
  }

  /** The PAC's SCCRP, once received. */
  get peerInfo(): PeerInfo | undefined {
    return this.peer;
  }

  protected dispatch(input: PnsControlInput): void {
    switch (input.type) {
      case 'place-call':
        return this.placeCall(input.parameters ?? {});
      case 'clear-call':
        return this.clearCall(input.callId);
      default:
        return this.common(input);
    }
  }

  protected onOpen(): void {
    this.send({
      type: 'StartControlConnectionRequest',
      protocolVersion: PPTP_PROTOCOL_VERSION,
      ...this.identity,
    });
    this.setState('wait-ctl-reply', 'TCP open');
    this.armStateTimer(this.startReplyTimeoutMs, () => this.close('reply-timeout'));
  }

  protected onSetupMessage(m: PptpMessage): void {
    if (this.state === 'idle') return this.ignore(m, 'control connection not opened yet');
    switch (m.type) {
      case 'StartControlConnectionReply': {
        if (m.resultCode !== StartControlConnectionResult.Success) return this.close('start-rejected');
        const { type: _type, resultCode: _r, errorCode: _e, ...peer } = m;
        this.peer = peer;
        // RFC 2637 §3.1.1: only version 1 exists; a reply in any other major version cannot be used.
        if (m.protocolVersion >> 8 !== PPTP_PROTOCOL_VERSION >> 8) {
          return this.beginStop(StopControlConnectionReason.StopProtocol, 'unsupported-version');
        }
        this.enterEstablished('SCCRP');
        return this.push({ type: 'established', peer });
      }
      case 'StopControlConnectionRequest':
        this.send({ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 });
        return this.close('peer-stopped');
      default:
        return this.ignore(m, 'waiting for Start-Control-Connection-Reply');
    }
  }

  protected onEstablishedMessage(m: PptpMessage): void {
    switch (m.type) {
      case 'OutgoingCallReply':
        return this.onOutgoingCallReply(m);
      case 'CallDisconnectNotify': {
        const call = this.findCallByPeerId(m.callId);
        if (call === undefined) return this.ignore(m, 'no call with this PAC Call ID');
        return this.removeCall(call, call.state === 'wait-disconnect' ? 'local-clear' : 'peer-disconnect');
      }
      case 'WanErrorNotify': {
        const call = this.getCall(m.peerCallId);
        if (call === undefined) return this.ignore(m, 'no call with this Call ID');
        return this.push({ type: 'wan-error', call: call.info, message: m });
      }
      case 'IncomingCallRequest':
        // We place calls, we do not take them: "Do Not Accept" (RFC 2637 §2.10, §3.2.3.2 idle).
        return this.send({
          type: 'IncomingCallReply',
          callId: 0,
          peerCallId: m.callId,
          resultCode: IncomingCallResult.DoNotAccept,
          errorCode: 0,
          packetRecvWindowSize: 0,
          packetTransmitDelay: 0,
        });
      default:
        return this.ignore(m, 'not expected by a PNS');
    }
  }

  private placeCall(p: OutgoingCallParameters): void {
    if (this.state !== 'established') throw new Error(`pptp-control: place-call in state ${this.state}`);
    const callId = this.callIds.allocate();
    if (callId === undefined) throw new Error('pptp-control: no free Call ID');
    const serial = this.nextSerial;
    this.nextSerial = (this.nextSerial + 1) & 0xffff;
    const call = new Call(callId, 0, serial, 'wait-reply');
    call.framingType = p.framingType ?? FramingType.Either;
    call.bearerType = p.bearerType ?? BearerType.Either;
    call.phoneNumber = p.phoneNumber ?? '';
    this.addCall(call);
    this.send({
      type: 'OutgoingCallRequest',
      callId,
      callSerialNumber: serial,
      minimumBps: p.minimumBps ?? 2400,
      maximumBps: p.maximumBps ?? 10_000_000,
      bearerType: call.bearerType,
      framingType: call.framingType,
      packetRecvWindowSize: p.packetRecvWindowSize ?? 64,
      packetProcessingDelay: p.packetProcessingDelay ?? 0,
      phoneNumberLength: call.phoneNumber.length,
      phoneNumber: call.phoneNumber,
      subaddress: p.subaddress ?? '',
    });
    this.armCallTimer(call);
    this.push({ type: 'call-pending', call: call.info });
  }

  private onOutgoingCallReply(m: OutgoingCallReply): void {
    const call = this.getCall(m.peerCallId);
    if (call?.state !== 'wait-reply') return this.ignore(m, 'no call waiting for this reply');
    if (m.resultCode !== OutgoingCallResult.Connected) return this.removeCall(call, 'rejected');
    call.cancelTimer();
    call.state = 'established';
    call.peerCallId = m.callId;
    call.connectSpeed = m.connectSpeed;
    call.peerPacketRecvWindowSize = m.packetRecvWindowSize;
    call.peerPacketProcessingDelay = m.packetProcessingDelay;
    this.push({ type: 'call-up', call: call.info });
  }

  private clearCall(callId: number): void {
    const call = this.getCall(callId);
    if (call === undefined || call.state === 'wait-disconnect') return;
    this.send({ type: 'CallClearRequest', callId });
    call.state = 'wait-disconnect';
    this.armCallTimer(call);
  }

  /** Stop-Control-Connection-Request clears every call implicitly (RFC 2637 §2.3). */
  protected abortCalls(): void {}
}
