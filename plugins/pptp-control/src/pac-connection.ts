// One accepted control connection on the PAC side: bytes from TCP go through the framer into the PAC
// machine; its outputs become TCP writes, and calls going up become core sessions whose Links carry
// PPP frames over a CallChannel (GRE). A session closed from the PPP side hangs its call up with a
// Call-Disconnect-Notify; a call cleared by the peer, or a control connection that goes away, closes
// the session.
import {
  closeReason,
  type CallChannel,
  type CallChannelFactory,
  type Clock,
  type CloseReason,
  type FrameReceiver,
  type Link,
  type Logger,
  type Session,
  type SessionRegistry,
  type SessionResource,
} from '@switchyard/core';
import { hexExcerpt } from '@switchyard/wire';
import { CallDisconnectResult, StopControlConnectionReason } from './codec/constants.js';
import { PptpFramer } from './codec/framer.js';
import { encodePptpMessage } from './codec/message-codec.js';
import { formatPptpMessage } from './codec/format.js';
import type { ControlSocket } from './io/tcp-listener.js';
import type { CallIdAllocator } from './machine/call-id-allocator.js';
import type { PacIdentity } from './machine/identity.js';
import { CallTable } from './machine/call-table.js';
import { PacControlConnection, type PacControlInput } from './machine/pac-control-connection.js';
import type { CallDownReason, CallInfo, ControlOutput, ControlTimers } from './machine/types.js';

/** IPv4 (20) and the largest enhanced GRE header (16) come off a 1500-byte path MTU. */
const MAX_FRAME_BYTES = 1500 - 20 - 16;

export interface PacConnectionOptions {
  readonly socket: ControlSocket;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly sessions: SessionRegistry;
  readonly channels: CallChannelFactory;
  readonly callIds: CallIdAllocator;
  readonly identity: Partial<PacIdentity>;
  readonly timers: Partial<ControlTimers>;
  readonly startTimeoutMs: number;
  /** A new call's Link, for the PPP layer. */
  readonly onLink: (link: Link) => void;
  readonly onClosed: (connection: PacConnection) => void;
}

/**
 * A call that is up: its session and GRE channel. It is also the session's resource for the call
 * (an object rather than a closure over these three, one per session held).
 */
class ActiveCall implements SessionResource {
  constructor(
    readonly callId: number,
    readonly session: Session,
    readonly channel: CallChannel,
    private readonly connection: PacConnection,
  ) {}

  sessionEnded(reason: CloseReason): void {
    this.channel.close();
    this.connection.sessionEnded(this, reason);
  }
}

export class PacConnection {
  private readonly machine: PacControlConnection;
  private readonly framer = new PptpFramer();
  private readonly calls = new CallTable<ActiveCall>();
  private readonly logger: Logger;
  private finished = false;
  private closedPromise: Promise<void> | undefined;
  private closedResolve: (() => void) | undefined;

  constructor(private readonly options: PacConnectionOptions) {
    const { socket } = options;
    this.logger = options.logger.child({ peer: socket.remoteAddress });
    this.machine = new PacControlConnection({
      clock: options.clock,
      emit: (outputs) => this.apply(outputs),
      callIds: options.callIds,
      identity: options.identity,
      timers: options.timers,
      startTimeoutMs: options.startTimeoutMs,
      // A call with no PPP left is hung up by the session layer; PPTP itself need not police idleness.
      idleConnectionTimeoutMs: 0,
    });
    socket.onData((chunk) => this.receive(chunk));
    socket.onClose((error) => {
      if (error) this.logger.debug('control connection error', { error: error.message });
      this.input({ type: 'tcp-closed' });
      this.finish();
    });
    this.logger.info(`control connection from ${socket.remoteAddress}`);
    this.input({ type: 'open' });
  }

  /** Settles when the TCP connection is gone. Made when first asked for: most never are, until shutdown. */
  get closed(): Promise<void> {
    this.closedPromise ??= this.finished
      ? Promise.resolve()
      : new Promise<void>((resolve) => (this.closedResolve = resolve));
    return this.closedPromise;
  }

  /** Local shutdown: Call-Disconnect-Notify for each call, then Stop-Control-Connection-Request. */
  stop(): Promise<void> {
    this.input({ type: 'stop', reason: StopControlConnectionReason.StopLocalShutdown });
    return this.closed;
  }

  private receive(chunk: Uint8Array): void {
    for (const result of this.framer.push(chunk)) {
      if (result.ok) {
        if (this.logger.debugEnabled) this.logger.debug(`rcvd ${formatPptpMessage(result.value)}`);
        this.input({ type: 'message', message: result.value });
      } else {
        const { reason, offset, message } = result.error;
        this.logger.warn(`malformed control message, closing: ${message}`, {
          reason,
          offset,
          bytes: hexExcerpt(chunk),
        });
        this.input({ type: 'malformed', error: result.error });
        return;
      }
    }
  }

  private input(input: PacControlInput): void {
    if (!this.finished) this.apply(this.machine.handle(input));
  }

  private apply(outputs: readonly ControlOutput[]): void {
    for (const output of outputs) {
      switch (output.type) {
        case 'send':
          if (this.logger.debugEnabled) this.logger.debug(`sent ${formatPptpMessage(output.message)}`);
          this.options.socket.write(encodePptpMessage(output.message));
          break;
        case 'close':
          this.logger.info(`control connection closed: ${output.reason}`);
          this.options.socket.end();
          this.finish();
          break;
        case 'established':
          this.logger.debug('control connection established', {
            host: output.peer.hostName,
            vendor: output.peer.vendorString,
          });
          break;
        case 'call-up':
          this.callUp(output.call);
          break;
        case 'call-down':
          this.callDown(output.call, output.reason);
          break;
        case 'link-info':
          this.logger.debug('Set-Link-Info', {
            call: output.call.callId,
            sendAccm: output.message.sendAccm,
            receiveAccm: output.message.receiveAccm,
          });
          break;
        case 'wan-error':
          this.logger.warn('WAN-Error-Notify from peer', { call: output.call.callId });
          break;
        case 'ignored':
          this.logger.debug(`ignored ${formatPptpMessage(output.message)}: ${output.why}`);
          break;
        case 'state':
          this.logger.debug(`pptp-control: ${output.from} => ${output.to} (${output.cause})`);
          break;
        case 'call-pending':
          break;
      }
    }
  }

  private callUp(call: CallInfo): void {
    const { sessions, channels, socket } = this.options;
    const session = sessions.create('pptp', socket.remoteAddress);
    const channel = channels.open({
      peerAddress: socket.remoteAddress,
      localCallId: call.callId,
      peerCallId: call.peerCallId,
      peerReceiveWindow: call.peerPacketRecvWindowSize,
    });
    const active = new ActiveCall(call.callId, session, channel, this);
    this.calls.set(active);
    session.attach('pptp-call', active);
    session.logger.debug('call up', { callId: call.callId, peerCallId: call.peerCallId });
    this.options.onLink(new CallLink(session, channel));
  }

  /** A call's session ended; if it ended on our side first, hang the call up (RFC 2637 §2.13, §3.2.4.1). */
  sessionEnded(active: ActiveCall, reason: CloseReason): void {
    if (this.calls.get(active.callId) !== active) return; // the call went down first
    this.calls.delete(active.callId);
    const resultCode =
      reason.code === 'shutdown' || reason.code === 'admin'
        ? CallDisconnectResult.AdminShutdown
        : CallDisconnectResult.LostCarrier;
    this.input({ type: 'disconnect-call', callId: active.callId, resultCode });
  }

  private callDown(call: CallInfo, reason: CallDownReason): void {
    const active = this.calls.delete(call.callId);
    if (active === undefined) return; // we hung it up ourselves
    const why =
      reason === 'peer-clear'
        ? closeReason('peer-terminated', 'Call-Clear-Request')
        : closeReason('transport-closed', `call ${reason}`);
    void active.session.close(why);
    // The call is gone, so no LCP Terminate exchange can happen: ending the frames now lets PPP finish
    // at once instead of waiting a Restart period for an Ack that cannot come.
    active.channel.close();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const { session, channel } of this.calls.values()) {
      void session.close(closeReason('transport-closed', 'control connection closed'));
      channel.close();
    }
    this.calls.clear();
    this.options.onClosed(this);
    this.closedResolve?.();
  }
}

/** A call's Link for the PPP layer: a class, so send and close are shared methods, not closures. */
class CallLink implements Link {
  readonly maxFrameBytes = MAX_FRAME_BYTES;

  constructor(
    readonly session: Session,
    private readonly channel: CallChannel,
  ) {}

  deliverTo(receiver: FrameReceiver): void {
    this.channel.deliverTo(receiver);
  }

  send(frame: Uint8Array): void {
    this.channel.send(frame);
  }

  close(reason: CloseReason): void {
    void this.session.close(reason);
  }
}
