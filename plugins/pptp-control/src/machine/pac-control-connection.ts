// The PAC (server) side of a control connection: RFC 2637 §3.1.2 (receiver) and the PAC outgoing-call
// states of §3.2.4.1. One instance per accepted TCP connection; it answers SCCRQ, OCRQ, CCRQ, Echo and
// Stop, records Set-Link-Info, and reports calls going up and down for the GRE and PPP layers.
import {
  CallDisconnectResult,
  GeneralError,
  OutgoingCallResult,
  PPTP_PROTOCOL_VERSION,
  StartControlConnectionResult,
} from '../codec/constants.js';
import type { OutgoingCallRequest, PptpMessage, StartControlConnectionRequest } from '../codec/messages.js';
import { Call } from './call.js';
import type { CallIdAllocator } from './call-id-allocator.js';
import { disconnectNotify, outgoingCallRefusal, startReply } from './replies.js';
import { ControlConnection } from './control-connection.js';
import { DEFAULT_PAC_IDENTITY, type PacIdentity } from './identity.js';
import type { CommonControlInput, ControlMachineDeps, ControlTimers, PeerInfo } from './types.js';

export interface PacControlOptions extends ControlMachineDeps {
  /** Shared by every control connection of the appliance, so Call IDs are unique appliance-wide. */
  readonly callIds: CallIdAllocator;
  /** What our Start-Control-Connection-Reply says about us; see identity.ts for the defaults' reasons. */
  readonly identity?: Partial<PacIdentity>;
  readonly timers?: Partial<ControlTimers>;
  /** pptpd `stimeout`: close a connection that sends no SCCRQ within this time (default 10 s). */
  readonly startTimeoutMs?: number;
  /** Stop a connection that has carried no call for this long; 0 disables (default 60 s). */
  readonly idleConnectionTimeoutMs?: number;
  /** Calls allowed on one control connection (default 16; Windows and pptp-linux use one each). */
  readonly maxCalls?: number;
  /** Packet Recv. Window Size we announce in OCRP: the packets our GRE receiver buffers (default 64). */
  readonly packetRecvWindowSize?: number;
  /** Packet Processing Delay we announce, 1/10 s (default 0, as pptpd). */
  readonly packetProcessingDelay?: number;
  /**
   * `immediate` (default) answers OCRQ at once, as pptpd does. `deferred` emits `call-pending` and waits
   * for `answer-call` / `reject-call` (RFC 2637 §3.2.4.1 wait_cs_ans), e.g. to check an address pool first.
   */
  readonly answer?: 'immediate' | 'deferred';
}

/** Local decisions the session layer feeds to the PAC. */
export type PacLocalInput =
  | { readonly type: 'answer-call'; readonly callId: number }
  | {
      readonly type: 'reject-call';
      readonly callId: number;
      readonly resultCode: number;
      readonly errorCode?: number;
    }
  /** Hang up an established call (PPP ended, admin kill): Call-Disconnect-Notify (RFC 2637 §2.13). */
  | {
      readonly type: 'disconnect-call';
      readonly callId: number;
      /** Default 3 (Admin Shutdown); 1 (Lost Carrier) suits a call whose PPP link died. */
      readonly resultCode?: number;
      readonly errorCode?: number;
      readonly causeCode?: number;
      readonly callStatistics?: string;
    };

export type PacControlInput = CommonControlInput | PacLocalInput;

/** Connections given the same identity object and capacity share the resolved identity. */
const identities = new WeakMap<Partial<PacIdentity>, Map<number, PacIdentity>>();
const NO_IDENTITY: Partial<PacIdentity> = {};

function resolveIdentity(given: Partial<PacIdentity> = NO_IDENTITY, capacity: number): PacIdentity {
  let byCapacity = identities.get(given);
  if (byCapacity === undefined) identities.set(given, (byCapacity = new Map()));
  let identity = byCapacity.get(capacity);
  if (identity === undefined) {
    const maximumChannels = Math.min(capacity, 0xffff);
    identity = Object.freeze({ ...DEFAULT_PAC_IDENTITY, maximumChannels, ...given });
    byCapacity.set(capacity, identity);
  }
  return identity;
}

export class PacControlConnection extends ControlConnection<PacControlInput> {
  private readonly identity: PacIdentity;
  private readonly startTimeoutMs: number;
  private readonly idleConnectionTimeoutMs: number;
  private readonly maxCalls: number;
  private readonly window: number;
  private readonly delay: number;
  private readonly deferred: boolean;
  private peer: PeerInfo | undefined;

  constructor(options: PacControlOptions) {
    super(options, options.callIds, options.timers);
    this.identity = resolveIdentity(options.identity, options.callIds.capacity);
    this.startTimeoutMs = options.startTimeoutMs ?? 10_000;
    this.idleConnectionTimeoutMs = options.idleConnectionTimeoutMs ?? 60_000;
    this.maxCalls = options.maxCalls ?? 16;
    this.window = options.packetRecvWindowSize ?? 64;
    this.delay = options.packetProcessingDelay ?? 0;
    this.deferred = options.answer === 'deferred';
  }

  /** The peer's SCCRQ, once received. */
  get peerInfo(): PeerInfo | undefined {
    return this.peer;
  }

  protected dispatch(input: PacControlInput): void {
    switch (input.type) {
      case 'answer-call':
        return this.answer(input.callId);
      case 'reject-call':
        return this.reject(input.callId, input.resultCode, input.errorCode ?? 0);
      case 'disconnect-call':
        return this.disconnect(input);
      default:
        return this.common(input);
    }
  }

  protected onOpen(): void {
    this.armStateTimer(this.startTimeoutMs, () => this.close('start-timeout'));
  }

  protected onSetupMessage(m: PptpMessage): void {
    const notConnected = GeneralError.NotConnected;
    switch (m.type) {
      case 'StartControlConnectionRequest':
        return this.onStart(m);
      case 'OutgoingCallRequest':
        return this.notConnected(
          outgoingCallRefusal(m.callId, OutgoingCallResult.GeneralError, notConnected),
        );
      case 'EchoRequest':
        return this.notConnected({
          type: 'EchoReply',
          identifier: m.identifier,
          resultCode: 2,
          errorCode: notConnected,
        });
      case 'StopControlConnectionRequest':
        this.send({ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 });
        return this.close('peer-stopped');
      default:
        return this.notConnected(undefined);
    }
  }

  /**
   * RFC 2637 §3.1.2 idle: an older, unsupported version gets result 5 and the close; a newer one gets
   * our version in a success reply, and it is up to the peer to fall back or stop (§3.1.1).
   */
  private onStart(m: StartControlConnectionRequest): void {
    const supported = m.protocolVersion >= PPTP_PROTOCOL_VERSION;
    const resultCode = supported
      ? StartControlConnectionResult.Success
      : StartControlConnectionResult.UnsupportedVersion;
    this.send(startReply(resultCode, this.identity));
    if (!supported) return this.close('unsupported-version');
    const { type: _type, ...peer } = m;
    this.peer = peer;
    this.enterEstablished('SCCRQ');
    this.push({ type: 'established', peer });
  }

  protected onEstablishedMessage(m: PptpMessage): void {
    switch (m.type) {
      case 'StartControlConnectionRequest':
        return this.send(startReply(StartControlConnectionResult.ChannelExists, this.identity));
      case 'OutgoingCallRequest':
        return this.onOutgoingCallRequest(m);
      case 'CallClearRequest': {
        const call = this.findCallByPeerId(m.callId);
        if (call === undefined) return this.ignore(m, 'no call with this peer Call ID');
        this.send(disconnectNotify(call.callId, CallDisconnectResult.Request));
        return this.removeCall(call, 'peer-clear');
      }
      case 'SetLinkInfo': {
        const call = this.getCall(m.peerCallId);
        if (call === undefined) return this.ignore(m, 'no call with this Call ID');
        call.sendAccm = m.sendAccm;
        call.receiveAccm = m.receiveAccm;
        return this.push({ type: 'link-info', call: call.info, message: m });
      }
      default:
        // SCCRP, OCRP, ICRQ, ICCN, CDN, WEN only flow PAC → PNS; ICRP answers an ICRQ we never send.
        return this.ignore(m, 'not expected by a PAC');
    }
  }

  private onOutgoingCallRequest(m: OutgoingCallRequest): void {
    const refuse = (errorCode: number) =>
      this.send(outgoingCallRefusal(m.callId, OutgoingCallResult.GeneralError, errorCode));
    if (this.callCount >= this.maxCalls) return refuse(GeneralError.NoResource);
    if (this.findCallByPeerId(m.callId) !== undefined) return refuse(GeneralError.BadCallId);
    const callId = this.callIds.allocate();
    if (callId === undefined) return refuse(GeneralError.NoResource);
    const call = new Call(callId, m.callId, m.callSerialNumber, 'wait-cs-ans');
    call.peerPacketRecvWindowSize = m.packetRecvWindowSize;
    call.peerPacketProcessingDelay = m.packetProcessingDelay;
    call.connectSpeed = m.maximumBps; // pptpd reports the requested maximum as the connect speed
    call.framingType = m.framingType;
    call.bearerType = m.bearerType;
    call.phoneNumber = m.phoneNumber;
    this.addCall(call);
    if (!this.deferred) return this.connect(call);
    this.armCallTimer(call, () => this.reject(callId, OutgoingCallResult.TimeOut, 0, 'answer-timeout'));
    this.push({ type: 'call-pending', call: call.info });
  }

  private answer(callId: number): void {
    const call = this.getCall(callId);
    if (call?.state === 'wait-cs-ans') this.connect(call);
  }

  private connect(call: Call): void {
    call.cancelTimer();
    call.state = 'established';
    this.send({
      type: 'OutgoingCallReply',
      callId: call.callId,
      peerCallId: call.peerCallId,
      resultCode: OutgoingCallResult.Connected,
      errorCode: 0,
      causeCode: 0,
      connectSpeed: call.connectSpeed,
      packetRecvWindowSize: this.window,
      packetProcessingDelay: this.delay,
      physicalChannelId: 0,
    });
    this.push({ type: 'call-up', call: call.info });
  }

  private reject(
    callId: number,
    resultCode: number,
    errorCode: number,
    why: 'rejected' | 'answer-timeout' = 'rejected',
  ): void {
    const call = this.getCall(callId);
    if (call?.state !== 'wait-cs-ans') return;
    this.send(outgoingCallRefusal(call.peerCallId, resultCode, errorCode));
    this.removeCall(call, why);
  }

  private disconnect(input: PacLocalInput & { type: 'disconnect-call' }): void {
    const call = this.getCall(input.callId);
    if (call === undefined) return;
    if (call.state === 'wait-cs-ans') return this.reject(call.callId, OutgoingCallResult.DoNotAccept, 0);
    const result = input.resultCode ?? CallDisconnectResult.AdminShutdown;
    this.send(disconnectNotify(call.callId, result, input.errorCode, input.causeCode, input.callStatistics));
    this.removeCall(call, 'local-disconnect');
  }

  /** pptpd bail(): each call gets a CDN (Admin Shutdown) before our Stop-Control-Connection-Request. */
  protected abortCalls(): void {
    this.forEachCall((call) => {
      if (call.state === 'wait-cs-ans') {
        this.send(outgoingCallRefusal(call.peerCallId, OutgoingCallResult.DoNotAccept, 0));
      } else {
        this.send(disconnectNotify(call.callId, CallDisconnectResult.AdminShutdown));
      }
    });
  }

  protected override callsChanged(): void {
    if (this.state !== 'established' || this.idleConnectionTimeoutMs <= 0) return;
    if (this.callCount > 0) return this.cancelStateTimer();
    this.armStateTimer(this.idleConnectionTimeoutMs, () => this.localStop(1, 'idle-connection'));
  }
}
