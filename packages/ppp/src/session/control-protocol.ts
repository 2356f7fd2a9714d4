// One control protocol (LCP, IPCP, CCP…) of a session: the generic RFC 1661 §4 automaton bound to the
// PppContext. Its packets come from the demultiplexer, its outputs go out through context.send, traced
// the pppd way (`sent [IPCP ConfReq id=0x1 <addr 10.0.0.254>]`, `ipcp: reqSent => ackSent (rcr+)`).
import { type CpPacket, decodeCpPacket, encodeCpPacket } from '../codec/cp-packet.js';
import { codeName } from '../codec/codes.js';
import { formatCpPacket } from '../codec/format.js';
import { CpAutomaton } from '../cp-automaton/automaton.js';
import type { ProtocolSpec } from '../cp-automaton/option-spec.js';
import type { CpOutput, LayerSignal } from '../cp-automaton/outputs.js';
import type { CpSettings } from '../cp-automaton/settings.js';
import type { ProtocolPhase } from '../link/phase.js';
import type { ProtocolHandler } from '../link/ppp-link.js';
import type { PppContext } from './contracts.js';

export interface ControlProtocolOptions {
  /** The link phase the protocol belongs to: 'establish' for LCP, 'network' for NCPs (RFC 1661 §3). */
  readonly phase: ProtocolPhase;
  /** Restart timer and counters (pppd lcp-restart, ipcp-max-configure…); RFC defaults otherwise. */
  readonly settings?: Partial<CpSettings>;
  /** This-Layer-Up/-Down/-Started/-Finished (§4.4). */
  readonly layer: (signal: LayerSignal) => void;
  /** Sees every decoded packet before the automaton does (LCP keeps a Terminate-Request's text). */
  readonly inspect?: (packet: CpPacket) => void;
  /** The peer Protocol-Rejected this protocol; default: RXJ- on the automaton (§5.7, §4.3). */
  readonly protocolRejected?: () => void;
  /** Sees every output before it is acted on (e.g. which event led to tlf, for the close reason). */
  readonly observe?: (output: CpOutput) => void;
}

/** Packets kept while held; older ones are dropped first (the peer retransmits anyway). */
const MAX_HELD = 8;

/** Registered as its own link handler: a per-session handler object and two closures less. */
export class ControlProtocol implements ProtocolHandler {
  readonly automaton: CpAutomaton;
  private readonly traceName: string;
  private disposed = false;
  private held: Uint8Array[] | undefined;

  constructor(
    private readonly context: PppContext,
    readonly spec: ProtocolSpec,
    private readonly options: ControlProtocolOptions,
  ) {
    this.traceName = spec.name.toLowerCase();
    this.automaton = new CpAutomaton(spec, {
      ...options.settings,
      clock: context.clock,
      emit: this, // CpOutputSink: see emit()
    });
    context.link.register(this);
  }

  get protocol(): number {
    return this.spec.protocol;
  }

  get name(): string {
    return this.spec.name;
  }

  get phase(): ProtocolPhase {
    return this.options.phase;
  }

  /** Unregisters the protocol and stops its Restart timer; nothing is sent or reported afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.context.link.unregister(this.spec.protocol);
    // Down stops the Restart timer in every state that runs it (§4.1); its outputs are ignored now.
    if (this.automaton.state !== 'initial' && this.automaton.state !== 'starting') this.automaton.down();
  }

  /**
   * Keeps received packets instead of handing them to the automaton, while the protocol waits for
   * something asynchronous (IPCP for its address lease): answering from the wrong state would make the
   * peer wait a whole Restart period (RFC 1661 §4.6) before it tries again.
   */
  hold(): void {
    this.held ??= [];
  }

  /** Stops holding: the held packets reach the automaton, in order. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const payload of held) this.receive(payload);
  }

  /** A packet of this protocol (the Information field of its frame). */
  receive(payload: Uint8Array): void {
    if (this.disposed) return;
    if (this.held) {
      if (this.held.length >= MAX_HELD) this.held.shift();
      this.held.push(payload.slice()); // the frame's buffer may be reused
      return;
    }
    const decoded = decodeCpPacket(payload, this.spec.protocol);
    if (!decoded.ok) {
      this.automaton.receiveBytes(payload); // reports the malformed discard
      return;
    }
    if (this.context.logger.debugEnabled) {
      this.context.logger.debug(`rcvd [${formatCpPacket(this.spec, decoded.value)}]`);
    }
    this.options.inspect?.(decoded.value);
    this.automaton.receive(decoded.value);
  }

  /** Sends a packet the automaton does not produce itself (LCP Echo-Request, pppd fsm_sdata). */
  sendPacket(packet: CpPacket): void {
    if (this.disposed) return;
    const logger = this.context.logger;
    if (logger.debugEnabled) logger.debug(`sent [${formatCpPacket(this.spec, packet)}]`);
    this.context.send(this.spec.protocol, encodeCpPacket(packet));
  }

  /** The peer Protocol-Rejected this protocol (the link calls it, §5.7). */
  protocolRejected(): void {
    if (this.disposed) return;
    if (this.options.protocolRejected) this.options.protocolRejected();
    else this.automaton.handle('rxj-');
  }

  /** CpOutputSink: every output of the automaton, in order. */
  emit(output: CpOutput): void {
    if (this.disposed) return;
    this.options.observe?.(output);
    const logger = this.context.logger;
    switch (output.kind) {
      case 'send':
        this.sendPacket(output.packet);
        return;
      case 'layer':
        this.options.layer(output.signal);
        return;
      case 'transition':
        if (output.from !== output.to && logger.debugEnabled) {
          logger.debug(`${this.traceName}: ${output.from} => ${output.to} (${output.event})`);
        }
        return;
      case 'illegal':
        logger.debug(`${this.traceName}: illegal event ${output.event} in state ${output.state}`);
        return;
      case 'discard':
        if (logger.debugEnabled) {
          const what = output.packet ? codeName(this.spec.protocol, output.packet.code) : 'packet';
          const detail = output.detail ? `: ${output.detail}` : '';
          logger.debug(`${this.traceName}: discarded ${what} (${output.reason}${detail})`);
        }
        return;
      case 'codeRejected':
        // RFC 1661 §4.3: a rejected fundamental code (1–7) is catastrophic (RXJ-).
        logger[output.fatal ? 'warn' : 'debug'](
          `${this.spec.name}: peer Code-Rejected code ${output.code}${output.fatal ? ' (fatal)' : ''}`,
        );
        return;
    }
  }
}
