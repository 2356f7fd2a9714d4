// IPCP for one session (RFC 1332, RFC 1877) on the generic automaton: the server leases the peer's
// address from the AddressPool, hands out ms-dns/ms-wins, and once Opened reports the address and opens
// a PacketSink route for IP (0x0021) frames; the client asks for an address and DNS and reports what
// it got in facts.ipcp. pppd's ipcp.c is the model.
import {
  closeReason,
  type CloseReason,
  type Lease,
  type PacketPort,
  type PacketRoute,
  type SessionResource,
} from '@switchyard/core';
import {
  ControlProtocol,
  PppProtocol,
  type ControlProtocolOptions,
  type CpOutput,
  type CpSettings,
  type IpcpAgreement,
  type Event,
  type LayerSignal,
  type NetworkControl,
  type PppContext,
  type ProtocolEvents,
  type ProtocolHandler,
} from '@switchyard/ppp';
import type { IpcpConfig } from '../config.js';
import { ipAddressOption, type IpAddressPolicy } from '../options/ip-address.js';
import { ipAddressesOption } from '../options/ip-addresses.js';
import { ipCompressionOption } from '../options/ip-compression.js';
import { formatIpv4, parseIpv4 } from '../options/ipv4.js';
import { nameServerOption } from '../options/name-server.js';
import { type IpcpDependencies, allocateLease } from './lease.js';

export interface IpcpSetup extends IpcpDependencies {
  readonly config: IpcpConfig;
}

function nameServerOptions(config: IpcpConfig, server: boolean) {
  const dns = config.msDns.map(parseIpv4);
  const wins = config.msWins.map(parseIpv4);
  const ask = !server && config.usepeerdns;
  return {
    dns1: nameServerOption(129, { give: dns[0], ask }),
    wins1: nameServerOption(130, { give: wins[0], ask: false }),
    dns2: nameServerOption(131, { give: dns[1], ask }),
    wins2: nameServerOption(132, { give: wins[1], ask: false }),
  };
}

type NameServerOptions = ReturnType<typeof nameServerOptions>;

/** The name-server specs hold no session state: built once per (shared, resolved) config and role. */
const nameServersByConfig = new WeakMap<
  IpcpConfig,
  { server?: NameServerOptions; client?: NameServerOptions }
>();

function sharedNameServerOptions(config: IpcpConfig, server: boolean): NameServerOptions {
  const byRole = nameServersByConfig.get(config) ?? {};
  nameServersByConfig.set(config, byRole);
  return server
    ? (byRole.server ??= nameServerOptions(config, true))
    : (byRole.client ??= nameServerOptions(config, false));
}

/** The session's specs: the address option asks the session (its lease); the others are shared. */
export function ipcpOptions(config: IpcpConfig, server: boolean, addresses: IpAddressPolicy) {
  return { addr: ipAddressOption(addresses), ...sharedNameServerOptions(config, server) };
}

const parsed = (text: string | undefined) => (text === undefined ? undefined : parseIpv4(text));

const NONE: readonly string[] = [];

/** The addresses set, as text; the shared empty list when none is (most sessions: no WINS). */
function defined(values: (number | undefined)[]): readonly string[] {
  const set = values.filter((v): v is number => v !== undefined && v !== 0);
  return set.length === 0 ? NONE : set.map(formatIpv4);
}

/**
 * The session is its control protocol's options (layer and observe are its methods), its address
 * option's policy and its own session resource (lease and route): no per-session callback objects.
 */
export class Ipcp implements NetworkControl, ControlProtocolOptions, IpAddressPolicy, SessionResource {
  readonly name = 'IPCP';
  readonly gatesOthers = false;
  readonly phase = 'network';
  /** IP frames dropped because IPCP was not Opened or no route was open. */
  ipDropped = 0;
  private readonly protocol: ControlProtocol;
  private readonly specs: ReturnType<typeof ipcpOptions>;
  private readonly server: boolean;
  private lease: Lease | undefined;
  private lowered = false;
  private wantOpen = false;
  private opened = false;
  private disposed = false;
  private port: PacketPort | undefined;
  private routeGeneration = 0;
  private finishPending = false;
  private failure: CloseReason | undefined;
  private attached = false;

  constructor(
    private readonly context: PppContext,
    private readonly events: ProtocolEvents,
    private readonly setup: IpcpSetup,
  ) {
    this.server = context.role === 'server';
    this.specs = ipcpOptions(setup.config, this.server, this);
    const { addr, dns1, wins1, dns2, wins2 } = this.specs;
    this.protocol = new ControlProtocol(
      context,
      {
        protocol: PppProtocol.IPCP,
        name: 'IPCP',
        options: [ipAddressesOption, ipCompressionOption, addr, dns1, wins1, dns2, wins2],
      },
      this,
    );
    // IP is ours for the session: registered now, so an early packet is dropped, never Protocol-Rejected.
    context.link.register(new IpReceiver(this));
    if (this.server) this.allocate();
  }

  /** ControlProtocolOptions: IPCP's Restart timer and counters (read once, by the constructor). */
  get settings(): Partial<CpSettings> {
    const { config } = this.setup;
    return {
      restartIntervalMs: config.ipcpRestart * 1000,
      maxConfigure: config.ipcpMaxConfigure,
      maxTerminate: config.ipcpMaxTerminate,
      maxFailure: config.ipcpMaxFailure,
    };
  }

  /** IpAddressPolicy: pptpd pairs `localip` with each remote address; the lease's local end wins. */
  local(): number | undefined {
    const fallback = parsed(this.setup.config.localip);
    return this.server ? (parsed(this.lease?.local) ?? fallback) : (fallback ?? 0);
  }

  assigned(): number | undefined {
    return this.server ? parsed(this.lease?.address) : undefined;
  }

  get acceptNak(): boolean {
    return !this.server;
  }

  get automaton() {
    return this.protocol.automaton;
  }

  /** Up without Open: Closed answers the peer with Terminate-Ack until start() (pppd behind CCP). */
  lowerUp(): void {
    if (this.lowered || this.disposed) return;
    this.lowered = true;
    this.automaton.up();
  }

  start(): void {
    this.wantOpen = true;
    this.lowerUp();
    if (!this.server || this.lease) this.open();
    else this.protocol.hold(); // the peer's requests wait for the lease, see allocate()
  }

  stop(): void {
    this.wantOpen = false;
    if (!this.lowered || this.disposed) return;
    this.lowered = false;
    this.automaton.down();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.closeRoute();
    if (this.opened) {
      this.opened = false; // released while Opened: ip-down still runs, as in pppd
      this.ipDown();
    }
    this.protocol.dispose();
    this.context.link.unregister(PppProtocol.IP);
  }

  private open(): void {
    if (this.disposed) return;
    this.automaton.open();
    this.protocol.release();
  }

  private allocate(): void {
    void allocateLease(this.context, this.setup).then((outcome) => {
      if (this.disposed) {
        if (outcome.kind === 'leased') outcome.release();
        return;
      }
      if (outcome.kind === 'failed') {
        this.context.logger.warn(`IPCP: ${outcome.reason.detail ?? 'no address'}; closing the session`);
        this.context.close(outcome.reason);
        return;
      }
      this.lease = outcome.lease;
      this.attachToSession(); // on a session closing already, this gives the lease back at once
      if (this.wantOpen) this.open();
    });
  }

  /** ControlProtocolOptions: This-Layer-Up/-Down/-Finished. */
  layer(signal: LayerSignal): void {
    if (signal === 'up') this.up();
    else if (signal === 'down') this.down();
    else if (signal === 'finished') this.finishPending = true; // reported with its event, see observe()
  }

  observe(output: CpOutput): void {
    if (output.kind !== 'transition' || !this.finishPending) return;
    this.finishPending = false;
    this.finish(output.event);
  }

  private up(): void {
    const { automaton, specs, context, server } = this;
    const ours = automaton.ourValue(specs.addr);
    const theirs = automaton.peerValue(specs.addr);
    const localAddress = ours ? formatIpv4(ours) : undefined;
    const peerAddress = theirs ? formatIpv4(theirs) : server ? this.lease?.address : undefined;
    const side = (spec: typeof specs.dns1) => (server ? automaton.peerValue(spec) : automaton.ourValue(spec));
    // Properties added in a fixed order, not by conditional spreads: V8 gave every spread result a
    // hidden class of its own, and the facts live as long as the session.
    const facts: { -readonly [K in keyof IpcpAgreement]: IpcpAgreement[K] } = {
      dnsServers: defined([side(specs.dns1), side(specs.dns2)]),
      nbnsServers: defined([side(specs.wins1), side(specs.wins2)]),
    };
    if (localAddress !== undefined) facts.localAddress = localAddress;
    if (peerAddress !== undefined) facts.peerAddress = peerAddress;
    context.facts.ipcp = facts;
    this.opened = true;
    // pppd's notices, word for word, so administrators' greps keep working.
    context.logger.info(`local  IP address ${localAddress ?? '0.0.0.0'}`);
    context.logger.info(`remote IP address ${peerAddress ?? '0.0.0.0'}`);
    if (!server) {
      const [primary, secondary] = facts.dnsServers;
      if (primary) context.logger.info(`primary   DNS address ${primary}`);
      if (secondary) context.logger.info(`secondary DNS address ${secondary}`);
    }
    const assigned = server ? peerAddress : localAddress;
    if (assigned !== undefined) context.session.ipAssigned(assigned);
    context.session.setState('network');
    if (assigned !== undefined) this.bringUp(assigned, facts);
    this.events.up();
  }

  private down(): void {
    this.opened = false;
    this.closeRoute();
    this.ipDown(); // pppd ipcp_down: the interface is down before ip-down runs
    this.context.facts.ipcp = undefined;
    this.events.down();
  }

  private ipDown(): void {
    const facts = this.context.facts.ipcp;
    if (facts) this.setup.hooks?.down(this.context.session, facts);
  }

  /** pppd ipcp_up: ip-pre-up (waited for) before the route opens; ip-up once it is open. */
  private bringUp(address: string, facts: IpcpAgreement): void {
    const { hooks } = this.setup;
    const gate = hooks?.beforeUp(this.context.session, facts);
    if (!gate) {
      this.openRoute(address);
      return;
    }
    const generation = this.routeGeneration;
    const open = () => {
      if (generation === this.routeGeneration && this.opened && !this.disposed) this.openRoute(address);
    };
    void gate.then(open, open);
  }

  private finish(event: Event): void {
    const reason =
      this.failure ??
      (event === 'to-'
        ? closeReason('negotiation-failed', 'IPCP: timeout sending Config-Requests')
        : event === 'rxj-'
          ? closeReason('negotiation-failed', 'IPCP rejected by peer')
          : undefined);
    this.events.finished(reason);
  }

  /** The route for `address` in the PacketSink: IP from the sink goes to the peer, and back. */
  private openRoute(address: string): void {
    const { sink, hooks } = this.setup;
    const { context } = this;
    if (!sink) {
      if (context.facts.ipcp) hooks?.up(context.session, context.facts.ipcp);
      return;
    }
    const generation = ++this.routeGeneration;
    const lcp = context.facts.lcp;
    const mtu = context.dataMtuBytes ?? lcp?.mtuBytes ?? lcp?.peerMruBytes ?? 1500;
    sink.open(new SessionRoute(address, mtu, context)).then(
      (port) => {
        const stale = generation !== this.routeGeneration || !this.opened || this.disposed;
        if (stale || !context.session.isOpen) {
          port.close();
          return;
        }
        this.port = port;
        this.attachToSession();
        context.logger.debug('packet route open', { address, mtu });
        if (context.facts.ipcp) hooks?.up(context.session, context.facts.ipcp);
      },
      (error: unknown) => {
        // pppd: "Interface configuration failed" closes IPCP, and with it the link.
        context.logger.error('the packet sink refused the route', { address, error: String(error) });
        this.failure = closeReason('negotiation-failed', 'interface configuration failed');
        if (!this.disposed) this.automaton.close('Interface configuration failed');
      },
    );
  }

  private closeRoute(): void {
    this.routeGeneration++;
    this.port?.close(); // idempotent (PacketPort): IPCP down and the session's end may both close it
    this.port = undefined;
  }

  /** Once: the session's end closes the route and gives the lease back (see sessionEnded). */
  private attachToSession(): void {
    if (this.attached) return;
    this.attached = true;
    this.context.session.attach('ipcp route and address', this);
  }

  /** SessionResource: the route goes first, then the address, whatever ended the session. */
  sessionEnded(): void {
    this.closeRoute();
    if (this.lease !== undefined) this.setup.pool?.release(this.lease);
  }

  /** An IP frame from the peer (IpReceiver). */
  receiveIp(payload: Uint8Array): void {
    if (this.port) this.port.send(payload);
    else this.ipDropped++;
  }
}

/** The link's handler of the session's IP frames. */
class IpReceiver implements ProtocolHandler {
  readonly protocol = PppProtocol.IP;
  readonly name = 'IP';
  readonly phase = 'network';

  constructor(private readonly ipcp: Ipcp) {}

  receive(payload: Uint8Array): void {
    this.ipcp.receiveIp(payload);
  }
}

/** The session's route as the PacketSink sees it: a class, so a session holds one object, not a closure. */
class SessionRoute implements PacketRoute {
  constructor(
    readonly address: string,
    readonly mtu: number,
    private readonly context: PppContext,
  ) {}

  deliver(packet: Uint8Array): void {
    this.context.send(PppProtocol.IP, packet);
  }
}
