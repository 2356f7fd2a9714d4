// CCP (RFC 1962) with MPPE (RFC 3078) as one session's NetworkControl: the generic automaton with the CCP
// spec, pppd's session checks and log lines, and the data path it starts when CCP opens.
import { closeReason, type Clock, type CloseCode, type Logger, type Timer } from '@switchyard/core';
import type { MppeKeyScheduleFactory } from '@switchyard/crypto';
import {
  CpAutomaton,
  PppProtocol,
  decodeCpPacket,
  encodeCpPacket,
  formatCpPacket,
  type CpOutput,
  type CpPacket,
  type CpSettings,
  type NetworkControl,
  type OptionSpec,
  type PppContext,
  type ProtocolEvents,
  type ProtocolHandler,
  type ProtocolSpec,
} from '@switchyard/ppp';
import { mppeBits, mppeMethodName } from '../codec/mppe-option.js';
import { ccpSpec, type CcpHooks } from './ccp-spec.js';
import { newMppeCounters, type MppeCounters } from './counters.js';
import { MppeDataPath, type MppeDataPathOptions } from './data-path.js';
import { mppeDirection, type MppeDirection } from './negotiation-rules.js';
import {
  MPPE_OFF,
  sessionPolicy,
  type MppePolicy,
  type MppeSettings,
  type StatefulResync,
} from './policy.js';
import { startKeys, type StartKeys } from './session-keys.js';

export interface CcpControlOptions {
  readonly settings: MppeSettings;
  /** CCP's Restart timer and counters (pppd ccp-restart, ccp-max-configure, …). */
  readonly cp?: Partial<Omit<CpSettings, 'passive' | 'restartOnOpen'>>;
  /** Builds the data path's key schedules (default: the pure one); the plugin injects the native one. */
  readonly createKeySchedule?: MppeKeyScheduleFactory;
  /** Called once from dispose(), e.g. to add the counters to appliance totals. */
  readonly onDispose?: (control: CcpControl) => void;
}

const CHAP = 0xc223;
const MS_CHAP_ALGORITHMS = [0x80, 0x81];

/**
 * MPPE required: we request it at once; IPCP waits (`gatesOthers`); encrypted data flows only while CCP
 * is Opened in both directions with MPPE; anything that rules that out ends the session 'mppe-refused'
 * with pppd's log line. A renegotiation (the peer's Configure-Request in Opened) only pauses the data
 * until CCP reopens, where pppd 2.4 closes the link (anchors §5.3). MPPE off: CCP stays silent until the
 * peer's first packet and then rejects every option (pppd's default CCP without require-mppe).
 */
export class CcpControl implements NetworkControl, CcpHooks, ProtocolHandler, MppeDataPathOptions {
  readonly name = 'CCP';
  // The session's handler of CCP frames on the link is this object itself (no per-session closures).
  readonly protocol = PppProtocol.CCP;
  readonly phase = 'network';
  readonly gatesOthers: boolean;
  readonly counters: MppeCounters = newMppeCounters();
  readonly automaton: CpAutomaton;
  readonly dataPath: MppeDataPath;
  private readonly spec: ProtocolSpec;
  private readonly mppeOption: OptionSpec<number>;
  private negotiating: MppePolicy = MPPE_OFF;
  private keys: StartKeys | undefined;
  private waitingForPeer = false;
  private failed = false;
  private disposed = false;
  private transformInstalled = false;
  private pendingFailure: { readonly code: CloseCode; readonly detail: string } | undefined;

  constructor(
    private readonly context: PppContext,
    private readonly events: ProtocolEvents,
    private readonly options: CcpControlOptions,
  ) {
    this.gatesOthers = options.settings.required;
    this.spec = ccpSpec(this);
    this.mppeOption = this.spec.options[0] as OptionSpec<number>;
    this.automaton = new CpAutomaton(this.spec, {
      ...options.cp,
      clock: new SettlingClock(context.clock, this),
      emit: this, // CpOutputSink: see emit()
    });
    this.dataPath = new MppeDataPath(this);
    context.link.register(this);
    context.link.register(this.dataPath);
  }

  /** MppeDataPathOptions (the data path's options are this object). */
  get clock(): Clock {
    return this.context.clock;
  }

  get logger(): Logger {
    return this.context.logger;
  }

  get resync(): StatefulResync {
    return this.options.settings.statefulResync;
  }

  get createKeySchedule(): MppeKeyScheduleFactory | undefined {
    return this.options.createKeySchedule;
  }

  deliver(frame: Uint8Array): void {
    this.context.deliver(frame);
  }

  sendCcp(packet: CpPacket): void {
    this.send(packet);
  }

  nextIdentifier(): number {
    return this.automaton.nextIdentifier();
  }

  /** CcpHooks: the policy of the negotiation under way. */
  policy(): MppePolicy {
    return this.negotiating;
  }

  /** CcpHooks: called from inside the automaton; the failure is acted on by settle(). */
  refused(reason: string): void {
    this.fail(reason);
  }

  resetRequested(): void {
    this.dataPath.resetRequested();
  }

  resetAcked(identifier: number): void {
    this.dataPath.resetAcked(identifier);
  }

  /** The link: the peer Protocol-Rejected CCP (RXJ-). */
  protocolRejected(): void {
    this.settle(() => this.automaton.handle('rxj-'));
  }

  start(): void {
    if (this.disposed || this.failed) return;
    this.settle(() => {
      if (!this.adoptPolicy()) return;
      if (this.negotiating.required && !this.transformInstalled) {
        // Installed before CCP opens so that covered frames are dropped, never sent in clear.
        this.context.setDataTransform(this.dataPath.transform);
        this.transformInstalled = true;
      }
      this.automaton.open();
      // pppd opens CCP in silent mode when it has nothing to ask for (ccp_open OPT_SILENT).
      if (this.negotiating.required) this.automaton.up();
      else this.waitingForPeer = true;
    });
  }

  stop(): void {
    if (this.disposed) return;
    this.waitingForPeer = false;
    // The data path first: LCP is going down, which is no renegotiation to announce (see layerDown).
    this.dataPath.stop();
    this.settle(() => this.lowerDown());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true; // from here on every automaton output is ignored
    this.dataPath.stop();
    this.lowerDown();
    this.context.link.unregister(PppProtocol.CCP);
    this.context.link.unregister(PppProtocol.COMPRESSED);
    if (this.transformInstalled) this.context.setDataTransform(undefined);
    this.options.onDispose?.(this);
  }

  /** pppd ccp_resetci: the policy for this negotiation, checked against the authentication. */
  private adoptPolicy(): boolean {
    const { facts, role } = this.context;
    const lcpAuth = facts.lcp?.auth;
    const msChap = lcpAuth?.protocol === CHAP && MS_CHAP_ALGORITHMS.includes(lcpAuth.data[0] ?? -1);
    const material = facts.auth?.keys;
    const outcome = sessionPolicy(this.options.settings, material, msChap || material !== undefined);
    if (!outcome.ok) {
      this.fail(outcome.reason);
      return false;
    }
    if (outcome.notice !== undefined) this.context.logger.info(outcome.notice);
    this.negotiating = outcome.policy;
    if (!this.negotiating.required) return true;
    this.keys = material && startKeys(material, role);
    if (this.keys === undefined) this.fail('MPPE required, but keys are not available');
    return this.keys !== undefined;
  }

  /** The link: a CCP frame. Never throws: malformed input is counted and dropped. */
  receive(payload: Uint8Array): void {
    const decoded = decodeCpPacket(payload, PppProtocol.CCP);
    if (!decoded.ok) {
      this.counters.ccpMalformed++;
      this.context.logger.debug('CCP: malformed packet dropped', { error: decoded.error.message });
      return;
    }
    if (this.failed || this.disposed) return;
    this.trace('rcvd', decoded.value);
    this.settle(() => {
      if (this.waitingForPeer) {
        this.waitingForPeer = false;
        this.automaton.up();
      }
      this.automaton.receive(decoded.value);
    });
  }

  /** CpOutputSink: every output of the automaton, in order. */
  emit(output: CpOutput): void {
    if (this.disposed) return;
    switch (output.kind) {
      case 'send':
        if (!this.failed) this.send(output.packet);
        return;
      case 'layer':
        if (output.signal === 'up') this.layerUp();
        else if (output.signal === 'down') this.layerDown();
        else if (output.signal === 'finished') this.layerFinished();
        return;
      case 'transition':
        if (output.event === 'rtr' && output.from === 'opened' && this.negotiating.required) {
          this.fail('MPPE disabled by peer'); // pppd ccp_input: the peer terminated CCP
        }
        if (output.from !== output.to && this.context.logger.debugEnabled) {
          this.context.logger.debug(`ccp: ${output.from} => ${output.to} (${output.event})`);
        }
        return;
      case 'discard':
      case 'illegal':
      case 'codeRejected':
        this.context.logger.debug(`CCP: ${output.kind}`, { ...output, packet: undefined });
        return;
    }
  }

  private layerUp(): void {
    if (this.failed) return;
    if (this.negotiating.required) {
      const receive = mppeDirection(this.automaton.ourValue(this.mppeOption));
      const send = mppeDirection(this.automaton.peerValue(this.mppeOption));
      if (receive === undefined || send === undefined || this.keys === undefined) {
        this.fail('MPPE required but peer negotiation failed');
        return;
      }
      this.dataPath.start(this.keys, send, receive);
      this.context.logger.info(`${methodLine(receive, send)} compression enabled`);
    }
    this.events.up();
  }

  private layerDown(): void {
    const wasRunning = this.dataPath.running;
    this.dataPath.stop();
    if (wasRunning && !this.failed)
      this.context.logger.info('CCP renegotiating: MPPE paused until it reopens');
    this.events.down();
  }

  private layerFinished(): void {
    this.dataPath.stop();
    if (this.negotiating.required) this.fail('MPPE required but peer negotiation failed');
    else if (!this.failed) this.events.finished();
  }

  /** Ends the session once the automaton call under way has returned (hooks must not re-enter it). */
  private fail(detail: string, code: CloseCode = 'mppe-refused'): void {
    if (this.failed || this.disposed) return;
    this.failed = true;
    this.pendingFailure = { code, detail };
  }

  /** MppeDataPathOptions: too many undecryptable packets. */
  fatal(detail: string): void {
    this.context.logger.error(`${detail}, closing LCP`); // pppd ccp_datainput
    this.fail(detail, 'protocol-error');
    const pending = this.pendingFailure;
    this.pendingFailure = undefined;
    if (pending) this.context.close(closeReason(pending.code, pending.detail));
  }

  /** Runs `body`, then acts on a failure it recorded: log as pppd does, report, close the session. */
  settle(body: () => unknown): void {
    body();
    const pending = this.pendingFailure;
    if (pending === undefined) return;
    this.pendingFailure = undefined;
    this.context.logger.error(pending.detail);
    this.dataPath.stop();
    const reason = closeReason(pending.code, pending.detail);
    this.events.finished(reason);
    this.context.close(reason);
  }

  private lowerDown(): void {
    const state = this.automaton.state;
    if (state !== 'initial' && state !== 'starting') this.automaton.down();
  }

  private send(packet: CpPacket): void {
    this.trace('sent', packet);
    this.context.send(PppProtocol.CCP, encodeCpPacket(packet));
  }

  private trace(direction: 'sent' | 'rcvd', packet: CpPacket): void {
    const logger = this.context.logger;
    if (logger.debugEnabled) logger.debug(`${direction} [${formatCpPacket(this.spec, packet)}]`);
  }
}

/** The Restart timer runs automaton code too: settle after each of its callbacks. */
class SettlingClock implements Clock {
  constructor(
    private readonly clock: Clock,
    private readonly control: CcpControl,
  ) {}

  now(): number {
    return this.clock.now();
  }

  setTimer(delayMs: number, callback: () => void): Timer {
    return this.clock.setTimer(delayMs, () => this.control.settle(callback));
  }
}

/** pppd ccp_up: 'MPPE 128-bit stateless', or 'receive / transmit' when the directions differ. */
function methodLine(receive: MppeDirection, send: MppeDirection): string {
  const ours = mppeMethodName(mppeBits(receive.strength, receive.stateless));
  const theirs = mppeMethodName(mppeBits(send.strength, send.stateless));
  return ours === theirs ? ours : `${ours} / ${theirs}`;
}
