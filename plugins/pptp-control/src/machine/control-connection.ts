// What the PAC and PNS control connections share (RFC 2637 §3.1): the call table, Echo handling and
// keep-alive (§3.1.4, keepalive.ts), Stop-Control-Connection in both directions (§2.3, §2.4), and the
// rule that every timer goes through the injected Clock. Role-specific messages are left to subclasses.
import type { Timer } from '@switchyard/core';
import { EchoResult, StopControlConnectionResult } from '../codec/constants.js';
import type { PptpMessage } from '../codec/messages.js';
import type { Call } from './call.js';
import type { CallIdAllocator } from './call-id-allocator.js';
import { Keepalive, type KeepaliveHooks } from './keepalive.js';
import { CallTable } from './call-table.js';
import {
  type CallDownReason,
  type CallInfo,
  type CommonControlInput,
  type ControlCloseReason,
  type ControlMachineDeps,
  type ControlOutput,
  type ControlState,
  type ControlTimers,
  DEFAULT_CONTROL_TIMERS,
} from './types.js';

/** Connections given the same overrides object (the plugin gives all of them one) share the result. */
const resolvedTimers = new WeakMap<Partial<ControlTimers>, ControlTimers>();

function resolveTimers(overrides: Partial<ControlTimers> | undefined): ControlTimers {
  if (overrides === undefined) return DEFAULT_CONTROL_TIMERS;
  let timers = resolvedTimers.get(overrides);
  if (timers === undefined) {
    timers = Object.freeze({ ...DEFAULT_CONTROL_TIMERS, ...overrides });
    resolvedTimers.set(overrides, timers);
  }
  return timers;
}

/** The connection is its keep-alive's hooks (methods): no per-connection hooks object or closures. */
export abstract class ControlConnection<Input extends { readonly type: string }> implements KeepaliveHooks {
  protected readonly timers: ControlTimers;
  private current: ControlState = 'idle';
  private readonly table = new CallTable<Call>();
  private out: ControlOutput[] | undefined;
  private stateTimer: Timer | undefined;
  private readonly keepalive: Keepalive;
  /** What the close after our Stop-Control-Connection-Request will report. */
  private stopReason: ControlCloseReason = 'local-stop';

  protected constructor(
    protected readonly deps: ControlMachineDeps,
    protected readonly callIds: CallIdAllocator,
    timers: Partial<ControlTimers> | undefined,
  ) {
    this.timers = resolveTimers(timers);
    this.keepalive = new Keepalive(this.timers.echoIntervalMs, this.timers.echoTimeoutMs, this);
  }

  /** KeepaliveHooks. */
  now(): number {
    return this.deps.clock.now();
  }

  sendEchoRequest(identifier: number): void {
    this.send({ type: 'EchoRequest', identifier });
  }

  expire(): void {
    this.close('echo-timeout');
  }

  get state(): ControlState {
    return this.current;
  }

  /** Snapshots of the calls on this connection, in any state. */
  get calls(): CallInfo[] {
    return [...this.table.values()].map((call) => call.info);
  }

  /** Feeds one input; returns what to do now. Outputs caused later by timers go to `deps.emit`. */
  handle(input: Input): ControlOutput[] {
    const out: ControlOutput[] = [];
    if (this.current === 'closed') return out;
    this.out = out;
    try {
      this.dispatch(input);
    } finally {
      this.out = undefined;
    }
    return out;
  }

  protected abstract dispatch(input: Input): void;
  protected abstract onOpen(): void;
  /** Messages before the handshake completed (`idle` / `wait-ctl-reply`). */
  protected abstract onSetupMessage(message: PptpMessage): void;
  /** Role-specific messages in `established`. */
  protected abstract onEstablishedMessage(message: PptpMessage): void;
  /** Called on local stop before Stop-Control-Connection-Request goes out (the PAC sends CDNs). */
  protected abstract abortCalls(): void;
  /** Called whenever a call is added or removed (the PAC arms its idle-connection timer). */
  protected callsChanged(): void {}

  protected common(input: CommonControlInput): void {
    switch (input.type) {
      case 'open':
        if (this.current === 'idle') this.onOpen();
        return;
      case 'message':
        this.keepalive.noteReceived();
        return this.onMessage(input.message);
      case 'malformed':
        return this.close('lost-sync');
      case 'tcp-closed':
        return this.close('peer-closed');
      case 'stop':
        return this.localStop(input.reason ?? 1, 'local-stop');
    }
  }

  private onMessage(message: PptpMessage): void {
    if (this.current === 'idle' || this.current === 'wait-ctl-reply') return this.onSetupMessage(message);
    if (this.current === 'wait-stop-reply') {
      if (message.type === 'StopControlConnectionReply') return this.close(this.stopReason);
      if (message.type === 'StopControlConnectionRequest') {
        this.replyStop();
        return this.close(this.stopReason);
      }
      return this.ignore(message, 'waiting for Stop-Control-Connection-Reply');
    }
    switch (message.type) {
      case 'EchoRequest':
        return this.send({
          type: 'EchoReply',
          identifier: message.identifier,
          resultCode: EchoResult.Ok,
          errorCode: 0,
        });
      case 'EchoReply':
        if (this.keepalive.onEchoReply(message.identifier)) return;
        return this.ignore(message, 'no Echo-Request with this identifier');
      case 'StopControlConnectionRequest':
        this.replyStop();
        return this.close('peer-stopped');
      default:
        return this.onEstablishedMessage(message);
    }
  }

  /** Local terminate (RFC 2637 §3.1.1 "Local Terminate / Send Stop Control Request"). */
  protected localStop(reason: number, closeReason: ControlCloseReason): void {
    if (this.current === 'wait-stop-reply') return;
    if (this.current !== 'established') return this.close(closeReason);
    this.beginStop(reason, closeReason);
  }

  /** Sends Stop-Control-Connection-Request and waits for the reply (RFC 2637 §3.1.1 wait_stop_reply). */
  protected beginStop(reason: number, closeReason: ControlCloseReason): void {
    this.cancelStateTimer();
    this.abortCalls();
    this.dropCalls('control-closed');
    this.keepalive.stop();
    this.stopReason = closeReason;
    this.send({ type: 'StopControlConnectionRequest', reason });
    this.setState('wait-stop-reply', 'local stop');
    this.armStateTimer(this.timers.stopReplyTimeoutMs, () => this.close(closeReason));
  }

  private replyStop(): void {
    this.send({
      type: 'StopControlConnectionReply',
      resultCode: StopControlConnectionResult.Ok,
      errorCode: 0,
    });
  }

  /** The last output of a machine's life: every call goes down, timers stop, TCP is closed. */
  protected close(reason: ControlCloseReason): void {
    if (this.current === 'closed') return;
    this.keepalive.stop();
    this.dropCalls('control-closed');
    this.cancelStateTimer(); // after dropCalls, which may have armed the PAC's idle-connection timer
    this.setState('closed', reason);
    this.push({ type: 'close', reason });
  }

  protected enterEstablished(cause: string): void {
    this.stateTimer?.cancel();
    this.setState('established', cause);
    this.keepalive.start();
    this.callsChanged();
  }

  // ---- calls -----------------------------------------------------------------------------------

  protected getCall(callId: number): Call | undefined {
    return this.table.get(callId);
  }

  protected findCallByPeerId(peerCallId: number): Call | undefined {
    for (const call of this.table.values()) if (call.peerCallId === peerCallId) return call;
    return undefined;
  }

  protected get callCount(): number {
    return this.table.size;
  }

  protected addCall(call: Call): void {
    this.table.set(call);
    this.callsChanged();
  }

  protected removeCall(call: Call, reason: CallDownReason): void {
    if (this.table.get(call.callId) !== call) return;
    call.cancelTimer();
    this.table.delete(call.callId);
    this.callIds.release(call.callId);
    this.push({ type: 'call-down', call: call.info, reason });
    if (this.current === 'established') this.callsChanged();
  }

  protected forEachCall(fn: (call: Call) => void): void {
    for (const call of [...this.table.values()]) fn(call);
  }

  private dropCalls(reason: CallDownReason): void {
    this.forEachCall((call) => this.removeCall(call, reason));
  }

  /** Arms the call's transient-state timer: RFC 2637 §3.2.1 closes the whole connection after 1 min. */
  protected armCallTimer(call: Call, onExpiry: () => void = () => this.close('call-timeout')): void {
    call.cancelTimer();
    call.timer = this.arm(this.timers.callSetupTimeoutMs, () => {
      call.timer = undefined;
      onExpiry();
    });
  }

  // ---- plumbing --------------------------------------------------------------------------------

  protected send(message: PptpMessage): void {
    this.push({ type: 'send', message });
  }

  protected push(output: ControlOutput): void {
    if (this.out === undefined) throw new Error('pptp-control: output outside handle() or a timer');
    this.out.push(output);
  }

  protected ignore(message: PptpMessage, why: string): void {
    this.push({ type: 'ignored', message, why });
  }

  /** Reply with a "not connected" general error where the message has a reply, then close (anchors §6 #10). */
  protected notConnected(reply: PptpMessage | undefined): void {
    if (reply !== undefined) this.send(reply);
    this.close('not-connected');
  }

  protected setState(to: ControlState, cause: string): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.push({ type: 'state', from, to, cause });
  }

  protected armStateTimer(delayMs: number, onExpiry: () => void): void {
    this.stateTimer?.cancel();
    this.stateTimer = this.arm(delayMs, () => {
      this.stateTimer = undefined;
      onExpiry();
    });
  }

  protected cancelStateTimer(): void {
    this.stateTimer?.cancel();
    this.stateTimer = undefined;
  }

  /** Timers run their callback like an input: outputs are collected and handed to `deps.emit`. */
  arm(delayMs: number, callback: () => void): Timer {
    return this.deps.clock.setTimer(delayMs, () => {
      if (this.current === 'closed') return;
      const out: ControlOutput[] = [];
      const outer = this.out;
      this.out = out;
      try {
        callback();
      } finally {
        this.out = outer;
      }
      if (out.length > 0) this.deps.emit(out);
    });
  }
}
