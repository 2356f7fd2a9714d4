// The RFC 1661 §4 option-negotiation automaton, one engine for LCP, IPCP, CCP and IPV6CP: it looks up
// each event in TABLE (table.ts), performs the cell's actions and reports everything it does as
// CpOutput values; the Restart timer runs only through the injected Clock (§4.6).
import type { Clock, Timer } from '@switchyard/core';
import { encodeAscii } from '@switchyard/wire';
import { type CpPacket, CP_HEADER_LENGTH, decodeCpPacket, encodeCpPacket } from '../codec/cp-packet.js';
import { Negotiation } from './negotiation.js';
import type { CpAutomatonView, NegotiatedOption, OptionSpec, ProtocolSpec } from './option-spec.js';
import { type CpOutputSink, OutputQueue } from './output-queue.js';
import type { CpOutput, DiscardReason, LayerSignal } from './outputs.js';
import { type Inbound, packetEvent } from './packet-events.js';
import { type CpSettings, resolveCpSettings } from './settings.js';
import {
  type Action,
  type Event,
  type State,
  NEGOTIATING_STATES,
  TABLE,
  TERMINATING_STATES,
  TIMER_STATES,
  hasFootnote,
} from './table.js';

export interface CpAutomatonOptions extends Partial<CpSettings> {
  readonly clock: Clock;
  /**
   * Receives every output, in order, whether caused by a call or by the Restart timer firing: the one
   * channel to act on. It may call back into the automaton; such nested outputs are queued behind the
   * current ones, so the order on the wire always follows the order of the actions. An object with
   * emit() costs no closure: owners held once per session pass themselves.
   */
  readonly emit: ((output: CpOutput) => void) | CpOutputSink;
}

const SIGNALS: Readonly<Record<'tlu' | 'tld' | 'tls' | 'tlf', LayerSignal>> = {
  tlu: 'up',
  tld: 'down',
  tls: 'started',
  tlf: 'finished',
};
const EMPTY = new Uint8Array(0);
const send = (packet: CpPacket): CpOutput => ({ kind: 'send', packet });

/**
 * Identifiers: one 8-bit counter per automaton, starting at 1 like pppd. A new Configure-Request (new
 * contents, or after any valid reply) takes a new Identifier; a retransmission after a timeout reuses it
 * (RFC 1661 §5.1 "MAY remain unchanged", pppd fsm_sconfreq(f, 1)), so a late reply to the first copy is
 * still valid. Every Terminate-Request, Code-Reject and nextIdentifier() call takes a new one.
 *
 * Outputs: `handle`, `receive` and the timer deliver every output to `options.emit`; `handle` and
 * `receive` also return the outputs of that call, for tests and traces. Act on the sink, not on both.
 */
export class CpAutomaton implements CpAutomatonView {
  readonly settings: CpSettings;
  private current: State = 'initial';
  private restarts = 0;
  private timer: Timer | undefined;
  private timerGeneration = 0;
  private identifier = 0;
  private readonly negotiation: Negotiation;
  private inbound: Inbound | undefined;
  private terminateReason: Uint8Array = EMPTY;
  private readonly clock: Clock;
  private readonly outputs: OutputQueue;

  constructor(
    readonly spec: ProtocolSpec,
    options: CpAutomatonOptions,
  ) {
    const { clock, emit, ...overrides } = options;
    this.clock = clock;
    this.outputs = new OutputQueue(emit);
    this.settings = resolveCpSettings(overrides);
    const types = spec.options.map((option) => option.type);
    const duplicate = types.find((type, i) => types.indexOf(type) !== i);
    if (duplicate !== undefined) throw new Error(`${spec.name}: option type ${duplicate} is listed twice`);
    this.negotiation = new Negotiation(spec.options, this.settings.maxFailure);
  }

  get state(): State {
    return this.current;
  }

  /** The Restart counter (§4.6): transmissions left before TO- instead of TO+. */
  get restartCounter(): number {
    return this.restarts;
  }

  get timerRunning(): boolean {
    return this.timer !== undefined;
  }

  /** The lower layer is up (for LCP: the tunnel; for an NCP: LCP's tlu). */
  up(): readonly CpOutput[] {
    return this.run('up', []);
  }

  down(): readonly CpOutput[] {
    return this.run('down', []);
  }

  /** Administrative Open (§4.3). */
  open(): readonly CpOutput[] {
    return this.run('open', []);
  }

  /** Administrative Close; `reason` goes into our Terminate-Requests as pppd does ("MPPE disabled"). */
  close(reason = ''): readonly CpOutput[] {
    this.terminateReason = encodeAscii(reason);
    return this.run('close', []);
  }

  /**
   * Runs one event through TABLE. Receive events normally come from receive(); injected directly,
   * their replies are built from an empty packet with Identifier 0 (useful to walk the table).
   */
  handle(event: Event): readonly CpOutput[] {
    return this.run(event, []);
  }

  /** Maps a decoded packet of this protocol to its event (§4.3) and runs it. */
  receive(packet: CpPacket): readonly CpOutput[] {
    if (this.current === 'initial' || this.current === 'starting') return this.discard('not-started', packet);
    const routed = packetEvent(packet, this.current, this.spec, this.negotiation, this);
    if ('discard' in routed) return this.discard(routed.discard, packet, routed.detail);
    const previous = this.inbound;
    this.inbound = { packet, ...routed.inbound };
    try {
      return this.run(routed.event, routed.notes ?? []);
    } finally {
      this.inbound = previous;
    }
  }

  /** Decodes with this protocol's code set, then receive(); malformed packets are discarded (RFC 1661 §5). */
  receiveBytes(bytes: Uint8Array): readonly CpOutput[] {
    const decoded = decodeCpPacket(bytes, this.spec.protocol);
    if (decoded.ok) return this.receive(decoded.value);
    const { reason, offset, message } = decoded.error;
    return this.discard('malformed', undefined, `${reason} at ${offset}: ${message}`);
  }

  nextIdentifier(): number {
    this.identifier = (this.identifier + 1) & 0xff;
    return this.identifier;
  }

  /** Our values as the peer Acked them and the peer's as we Acked them; complete while Opened. */
  negotiated(): { readonly ours: readonly NegotiatedOption[]; readonly peer: readonly NegotiatedOption[] } {
    return { ours: this.negotiation.oursAcked, peer: this.negotiation.peerAcked };
  }

  /** Our value of `option` as the peer Acked it, or undefined if not negotiated. */
  ourValue<V>(option: OptionSpec<V>): V | undefined {
    return this.negotiation.ourValue(option.type) as V | undefined;
  }

  /** The peer's value of `option` as we Acked it, or undefined if the peer did not request it. */
  peerValue<V>(option: OptionSpec<V>): V | undefined {
    return this.negotiation.peerValue(option.type) as V | undefined;
  }

  private run(event: Event, notes: readonly CpOutput[]): readonly CpOutput[] {
    const from = this.current;
    const cell = TABLE[event][from];
    if (cell === null) return this.outputs.deliver([...notes, { kind: 'illegal', event, state: from }]);
    const [tableTo, ...listed] = cell;
    const passive = this.settings.passive && hasFootnote('p', event, from);
    // pppd `silent`: where the table starts the negotiation on our side, wait in Stopped instead.
    const silent = this.settings.silent && tableTo === 'reqSent' && (event === 'up' || event === 'open');
    const to = silent ? 'stopped' : tableTo;
    const actions = silent ? [] : passive ? listed.filter((action) => action !== 'tlf') : listed;
    const out: CpOutput[] = [...notes];
    for (const action of actions) this.perform(action, event, from, to, out);
    this.current = to;
    if (!TIMER_STATES.has(to)) this.stopTimer(); // §4.1: stopped on leaving the states with TO events
    if (to === 'opened' && from !== 'opened') this.negotiation.settle();
    out.push({ kind: 'transition', event, from, to, actions, packet: this.inbound?.packet });
    const delivered = this.outputs.deliver(out);
    if (!this.settings.restartOnOpen || !hasFootnote('r', event, from)) return delivered;
    return [...delivered, ...this.run('down', []), ...this.run('up', [])];
  }

  private perform(action: Action, event: Event, from: State, to: State, out: CpOutput[]): void {
    switch (action) {
      case 'tlu':
      case 'tld':
      case 'tls':
      case 'tlf':
        out.push({ kind: 'layer', signal: SIGNALS[action] });
        return;
      case 'irc':
        this.restarts = TERMINATING_STATES.has(to) ? this.settings.maxTerminate : this.settings.maxConfigure;
        return;
      case 'zrc':
        this.restarts = 0;
        this.startTimer();
        return;
      case 'scr':
        out.push(this.sendConfigureRequest(event === 'to+', from));
        return;
      case 'sca':
      case 'scn':
        out.push(this.sendConfigureReply(action));
        return;
      case 'str':
        this.restarts--;
        this.startTimer();
        out.push(
          send({ kind: 'terminate', code: 5, identifier: this.nextIdentifier(), data: this.terminateReason }),
        );
        return;
      case 'sta':
        out.push(
          send({ kind: 'terminate', code: 6, identifier: this.inbound?.packet.identifier ?? 0, data: EMPTY }),
        );
        return;
      case 'scj': {
        const rejected = this.inbound ? encodeCpPacket(this.inbound.packet) : EMPTY;
        const room = this.settings.peerMruBytes - CP_HEADER_LENGTH; // §5.6: truncated to the peer's MRU
        const identifier = this.nextIdentifier();
        out.push(
          send({ kind: 'codeReject', code: 7, identifier, rejectedPacket: rejected.subarray(0, room) }),
        );
        return;
      }
      case 'ser':
        if (this.inbound?.echoReply) out.push(send(this.inbound.echoReply));
        return;
    }
  }

  private sendConfigureRequest(retransmit: boolean, from: State): CpOutput {
    if (!NEGOTIATING_STATES.has(from)) this.negotiation.begin();
    const request = this.negotiation.request(retransmit, () => this.nextIdentifier());
    this.restarts--;
    this.startTimer();
    return send(request);
  }

  private sendConfigureReply(action: 'sca' | 'scn'): CpOutput {
    const identifier = this.inbound?.packet.identifier ?? 0;
    const reply = this.inbound?.reply ?? {
      kind: 'configure',
      code: action === 'sca' ? 2 : 4,
      identifier,
      options: [],
    };
    this.negotiation.replied(reply, this.inbound?.peerValues ?? []);
    return send(reply);
  }

  private discard(reason: DiscardReason, packet?: CpPacket, detail?: string): readonly CpOutput[] {
    return this.outputs.deliver([{ kind: 'discard', reason, detail, packet }]);
  }

  private startTimer(): void {
    this.stopTimer();
    const generation = this.timerGeneration;
    this.timer = this.clock.setTimer(this.settings.restartIntervalMs, () => {
      if (generation !== this.timerGeneration) return; // cancelled after it was already due
      this.timer = undefined;
      this.run(this.restarts > 0 ? 'to+' : 'to-', []);
    });
  }

  private stopTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.timerGeneration++;
  }
}
