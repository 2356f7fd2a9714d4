// LCP for one session (RFC 1661 §6, RFC 1570): the options of ../options on the generic automaton,
// LCP's extra codes, the echo keep-alive, loop-back detection, and what the session learns when LCP
// opens (facts.lcp, the framing the peer Acked). pppd's lcp.c is the model throughout.
import { closeReason, type Authenticator, type CloseReason } from '@switchyard/core';
import {
  CpCode,
  ControlProtocol,
  UNCOMPRESSED_FRAMING,
  type ControlProtocolOptions,
  type CpOutput,
  type CpSettings,
  type CpPacket,
  type Event,
  type LayerSignal,
  type LinkControl,
  type PppContext,
  type ProtocolEvents,
} from '@switchyard/ppp';
import type { LcpConfig } from '../config.js';
import { acfcOption } from '../options/acfc.js';
import { accmOption } from '../options/accm.js';
import { authProtocolOption } from '../options/auth-protocol.js';
import { callbackOption } from '../options/callback.js';
import { LOOPBACK_FAIL, magicNumberOption } from '../options/magic-number.js';
import { DEFAULT_MRU, mruOption } from '../options/mru.js';
import { pfcOption } from '../options/pfc.js';
import { type LcpAuthPolicy, sharedLcpAuthPolicy } from './auth-policy.js';
import { EchoKeepAlive, type EchoHooks, type EchoSettings } from './echo.js';
import { LcpSpec, type LcpExtraHooks } from './extra-code.js';
import { terminateText } from './terminate-text.js';

export interface LcpSetup {
  readonly config: LcpConfig;
  /** Source of Magic-Numbers (crypto-random in production, seeded in tests). */
  readonly random: () => number;
}

/** Specs without per-session state, built once per (resolved, hence shared) config. */
const statelessByConfig = new WeakMap<LcpConfig, ReturnType<typeof statelessOptions>>();

function statelessOptions(config: LcpConfig) {
  return {
    mru: mruOption(config.mru),
    accm: accmOption(config.asyncmap),
    pfc: pfcOption(!config.nopcomp),
    acfc: acfcOption(!config.noaccomp),
  };
}

/**
 * The session's option specs. Authentication (the protocols dropped so far) and the Magic-Number (the
 * loop-back count) keep per-session state; the others are shared by every session of a config, which
 * saves 10,000 sessions some 15 MB of closures.
 */
export function lcpOptions(config: LcpConfig, policy: LcpAuthPolicy, random: () => number) {
  let stateless = statelessByConfig.get(config);
  if (stateless === undefined) {
    stateless = statelessOptions(config);
    statelessByConfig.set(config, stateless);
  }
  // A literal, not `{ ...stateless, … }`: V8 gave each spread result a hidden class of its own.
  const { mru, accm, pfc, acfc } = stateless;
  return {
    mru,
    accm,
    pfc,
    acfc,
    auth: authProtocolOption(policy),
    magic: magicNumberOption(config.magic, random),
  };
}

/** Echo settings by config: equal for every session of it. */
const echoByConfig = new WeakMap<LcpConfig, EchoSettings>();

function sharedEchoSettings(config: LcpConfig): EchoSettings {
  let settings = echoByConfig.get(config);
  if (settings === undefined) {
    settings = Object.freeze({
      intervalMs: config.lcpEchoInterval * 1000,
      failures: config.lcpEchoFailure,
      adaptive: config.lcpEchoAdaptive,
    });
    echoByConfig.set(config, settings);
  }
  return settings;
}

const printable = (bytes: Uint8Array): string =>
  String.fromCharCode(...bytes.filter((c) => c >= 0x20 && c < 0x7f));

/**
 * The session is its control protocol's options, its spec's extra-code hooks and its keep-alive's
 * hooks (all methods): no per-session callback objects or closures.
 */
export class Lcp implements LinkControl, ControlProtocolOptions, LcpExtraHooks, EchoHooks {
  readonly phase = 'establish';
  readonly policy: LcpAuthPolicy;
  readonly echo: EchoKeepAlive;
  private readonly protocol: ControlProtocol;
  private readonly specs: ReturnType<typeof lcpOptions>;
  private readonly mtu: number | undefined;
  private readonly config: LcpConfig;
  private reason: CloseReason | undefined;
  private reportedUp = false;
  private finishPending = false;
  private finishedReported = false;

  constructor(
    private readonly context: PppContext,
    authenticators: readonly Authenticator[],
    private readonly events: ProtocolEvents,
    { config, random }: LcpSetup,
  ) {
    this.policy = sharedLcpAuthPolicy(config, context.role, authenticators);
    this.specs = lcpOptions(config, this.policy, random);
    this.mtu = config.mtu;
    this.config = config;
    const { mru, accm, auth, magic, pfc, acfc } = this.specs;
    const spec = new LcpSpec([mru, accm, auth, magic, pfc, acfc, callbackOption], this);
    this.protocol = new ControlProtocol(context, spec, this);
    this.echo = new EchoKeepAlive(sharedEchoSettings(config), context.clock, this);
  }

  /** ControlProtocolOptions: LCP's Restart timer and counters (read once, by the constructor). */
  get settings(): Partial<CpSettings> {
    const { config } = this;
    return {
      restartIntervalMs: config.lcpRestart * 1000,
      maxConfigure: config.lcpMaxConfigure,
      maxTerminate: config.lcpMaxTerminate,
      maxFailure: config.lcpMaxFailure,
      passive: config.passive,
      silent: config.silent,
    };
  }

  get automaton() {
    return this.protocol.automaton;
  }

  get closeReason(): CloseReason | undefined {
    return this.reason;
  }

  /** pppd lcp_open then lcp_lowerup: Open (Initial → Starting), Up (→ Req-Sent, first Configure-Request). */
  open(): void {
    this.automaton.open();
    this.automaton.up();
  }

  close(reason: CloseReason): void {
    this.terminate(reason, terminateText(reason, this.context.role));
  }

  lowerDown(): void {
    this.echo.stop();
    if (this.automaton.state !== 'initial' && this.automaton.state !== 'starting') this.automaton.down();
  }

  dispose(): void {
    this.echo.stop();
    this.protocol.dispose();
  }

  nextIdentifier(): number {
    return this.automaton.nextIdentifier();
  }

  /** Close with our own Terminate-Request text; `finished` follows (at once if nothing is open). */
  private terminate(reason: CloseReason, text: string): void {
    if (this.finishedReported) return;
    this.reason ??= reason;
    this.echo.stop();
    this.automaton.close(text);
    const state = this.automaton.state;
    if (state === 'initial' || state === 'closed') this.finish('close');
  }

  /** ControlProtocolOptions: This-Layer-Up/-Down/-Finished. */
  layer(signal: LayerSignal): void {
    if (signal === 'up') this.up();
    else if (signal === 'down') this.down();
    else if (signal === 'finished') this.finishPending = true; // reported with its event, see observe()
  }

  private up(): void {
    const { automaton, specs, context } = this;
    const auth = context.role === 'server' ? automaton.ourValue(specs.auth) : automaton.peerValue(specs.auth);
    if (this.policy.required && auth === undefined) {
      // pppd auth.c link_established: "peer refused to authenticate: terminating link".
      const detail =
        this.policy.request.length === 0
          ? 'no authenticator for the required protocols'
          : 'peer refused to authenticate';
      context.logger.warn(`${detail}: terminating link`);
      this.terminate(closeReason('auth-failed', detail), detail);
      return;
    }
    const peerMruBytes = automaton.peerValue(specs.mru) ?? DEFAULT_MRU;
    // The peer's PFC/ACFC requests say what it can receive: we may compress what we send (§6.5–6.6).
    context.link.framing = {
      pfc: automaton.peerValue(specs.pfc) === true,
      acfc: automaton.peerValue(specs.acfc) === true,
    };
    context.link.peerMruBytes = peerMruBytes;
    context.facts.lcp = {
      peerMruBytes,
      localMruBytes: automaton.ourValue(specs.mru) ?? DEFAULT_MRU,
      mtuBytes: Math.min(peerMruBytes, this.mtu ?? peerMruBytes),
      ...(auth && { auth: { protocol: auth.protocol, data: auth.data } }),
      ...(automaton.ourValue(specs.magic) !== undefined && { localMagic: automaton.ourValue(specs.magic) }),
      ...(automaton.peerValue(specs.magic) !== undefined && { peerMagic: automaton.peerValue(specs.magic) }),
    };
    this.reportedUp = true;
    this.echo.start();
    this.events.up();
  }

  private down(): void {
    this.echo.stop();
    this.context.link.framing = UNCOMPRESSED_FRAMING; // pppd lcp_down: back to the defaults
    this.context.facts.lcp = undefined;
    if (!this.reportedUp) return;
    this.reportedUp = false;
    this.events.down();
  }

  private finish(event: Event): void {
    if (this.finishedReported) return;
    this.finishedReported = true;
    this.echo.stop();
    const detail =
      event === 'to-'
        ? 'LCP: timeout sending Config-Requests'
        : event === 'rxj-'
          ? 'LCP rejected by peer'
          : 'LCP finished';
    this.events.finished(this.reason ?? closeReason('negotiation-failed', detail));
  }

  /** Every output, before ControlProtocol acts on it: the event behind tlf, and loop-back detection. */
  observe(output: CpOutput): void {
    if (output.kind !== 'transition') return;
    if (this.finishPending) {
      this.finishPending = false;
      this.finish(output.event);
    }
    // pppd lcp_nakci: LOOPBACK_FAIL Naks of our magic in a row, "Serial line is looped back."
    if (output.event === 'rcn' && this.specs.magic.loops >= LOOPBACK_FAIL && !this.reason) {
      this.context.logger.warn('Serial line is looped back.');
      this.terminate(closeReason('negotiation-failed', 'serial line is looped back'), 'Loopback detected');
    }
  }

  /** A peer Terminate-Request: remember why the link goes away (pppd "LCP terminated by peer"). */
  inspect(packet: CpPacket): void {
    if (packet.kind !== 'terminate' || packet.code !== CpCode.TerminateRequest || this.reason) return;
    const text = printable(packet.data);
    this.reason = closeReason('peer-terminated', text || undefined);
    if (this.automaton.state === 'opened') {
      this.context.logger.info(`LCP terminated by peer${text ? ` (${text})` : ''}`);
    }
  }

  /** LcpExtraHooks: our Magic-Number as Acked, 0 when not negotiated. */
  ourMagic(): number {
    return this.automaton.ourValue(this.specs.magic) ?? 0;
  }

  /** EchoHooks: data packets received so far. */
  packetsIn(): number {
    return this.context.session.counters.packetsIn;
  }

  sendEchoRequest(identifier: number): void {
    const data = new Uint8Array(0);
    this.protocol.sendPacket({
      kind: 'magic',
      code: CpCode.EchoRequest,
      identifier,
      magicNumber: this.ourMagic(),
      data,
    });
  }

  echoReply(magic: number): void {
    // pppd lcp_received_echo_reply: our own magic back means a looped link, not a live peer.
    if (this.automaton.ourValue(this.specs.magic) !== undefined && magic === this.ourMagic()) {
      this.context.logger.warn('appear to have received our own echo-reply!');
      return;
    }
    this.echo.replyReceived();
  }

  echoFailed(pending: number): void {
    const logger = this.context.logger;
    logger.info(`No response to ${pending} echo-requests`);
    logger.warn('Serial link appears to be disconnected.');
    this.terminate(
      closeReason('echo-timeout', `no response to ${pending} echo-requests`),
      'Peer not responding',
    );
  }

  peerRejectedProtocol(protocol: number): void {
    if (!this.context.link.protocolRejected(protocol)) {
      this.context.logger.warn(`Protocol-Reject for unsupported protocol 0x${protocol.toString(16)}`);
    }
  }
}
