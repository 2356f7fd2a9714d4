// The IpLayerHooks the plugin registers: pppd's ip-pre-up, ip-up and ip-down for every session, each
// session's pair kept in pppd's order (ScriptSequence), all of them through one ConcurrencyLimiter.
// A session gets a record only while it has a script owed or running, and only when an ip-up or
// ip-down script exists; a failing script is logged with its session and changes nothing else.
import type { Clock, IpLayerHooks, IpLayerInfo, Logger, Session, SessionId } from '@switchyard/core';
import type { PppScriptsConfig } from './config.js';
import type { ConcurrencyLimiter } from './machine/limiter.js';
import {
  scriptArguments,
  scriptEnvironment,
  type LinkStats,
  type ScriptFacts,
  type ScriptKind,
} from './machine/invocation.js';
import { ScriptSequence, type SequencedScript } from './machine/script-sequence.js';

/** What running a script needs from the system (io/ in the plugin, a double in tests). */
export interface ScriptHost {
  /** Whether a file is at `path` (a cached answer, refreshed in the background). */
  present(path: string): boolean;
  /** Runs the script and logs how it ended; never rejects. */
  run(kind: ScriptKind, argv: readonly string[], env: Record<string, string>, logger: Logger): Promise<void>;
}

/** The same for every session: who we are and where IP goes. */
export interface DaemonFacts {
  /** $1/IFNAME, asked at each script: the TUN device's name is known once it started. */
  interfaceName(): string;
  readonly loginName: string;
  readonly uid: number;
}

/** One session's scripts: the order, and what ip-down will be told. */
class SessionRecord {
  readonly sequence = new ScriptSequence();
  upAt = 0;
  bytesSentAtUp = 0;
  bytesReceivedAtUp = 0;
  stats: LinkStats | undefined;
  /** Set when a stop skipped this session's ip-up: its ip-down is skipped too. */
  skipped = false;
  /** The session's ip-pre-up, which its ip-up must wait for. */
  preUp: Promise<void> | undefined;
  /** up() was called: the route opened. */
  routeOpened = false;

  constructor(
    readonly session: Session,
    public ip: IpLayerInfo,
  ) {}
}

export class IpLayerScripts implements IpLayerHooks {
  private readonly records = new Map<SessionId, SessionRecord>();
  private stopping = false;
  private stopped = false;

  constructor(
    private readonly config: Readonly<PppScriptsConfig>,
    private readonly daemon: DaemonFacts,
    private readonly limiter: ConcurrencyLimiter,
    private readonly host: ScriptHost,
    private readonly clock: Clock,
  ) {}

  /** Sessions with a script owed or running. */
  get pendingSessions(): number {
    return this.records.size;
  }

  beforeUp(session: Session, ip: IpLayerInfo): Promise<void> | undefined {
    const path = this.config.ipPreUp;
    if (path === undefined || this.stopping || !this.host.present(path)) return undefined;
    const preUp = this.schedule('ip-pre-up', path, session, ip, undefined);
    // pppd's ipcp_up goes on to ip-up whatever happens meanwhile, so an ip-down follows every ip-pre-up
    // (which is what undoes its firewall rules): remember it, see down().
    if (this.wanted()) this.record(session, ip).preUp = preUp;
    return preUp;
  }

  up(session: Session, ip: IpLayerInfo): void {
    if (!this.wanted()) return;
    const record = this.record(session, ip);
    record.routeOpened = true;
    // pppd ipcp_up: reset_link_stats() before ip-up, so ip-down's figures count from here.
    const { counters } = session;
    record.upAt = this.clock.now();
    record.bytesSentAtUp = counters.bytesOut;
    record.bytesReceivedAtUp = counters.bytesIn;
    this.advance(record, record.sequence.up());
  }

  down(session: Session, ip: IpLayerInfo): void {
    const record = this.records.get(session.id);
    if (!record) return;
    record.ip = ip;
    if (!record.routeOpened && record.preUp) {
      // Down during ip-pre-up, before the route opened: pppd would still have run ip-up first.
      record.routeOpened = true;
      record.upAt = this.clock.now();
      this.advance(record, record.sequence.up());
    }
    // pppd ipcp_down: update_link_stats() first.
    const { counters } = session;
    record.stats = {
      connectSeconds: (this.clock.now() - record.upAt) / 1000,
      bytesSent: counters.bytesOut - record.bytesSentAtUp,
      bytesReceived: counters.bytesIn - record.bytesReceivedAtUp,
    };
    this.advance(record, record.sequence.down());
  }

  /**
   * No new ip-pre-up or ip-up from now on; ip-down still runs for every session whose ip-up ran. An
   * ip-up that has not started by now is skipped together with its ip-down (nothing to undo).
   */
  beginStop(): void {
    this.stopping = true;
  }

  /** The stop gave up waiting: nothing more is run, whatever asks. */
  endStop(): void {
    this.stopped = true;
  }

  private record(session: Session, ip: IpLayerInfo): SessionRecord {
    let record = this.records.get(session.id);
    if (!record) {
      record = new SessionRecord(session, ip);
      this.records.set(session.id, record);
    }
    record.ip = ip;
    return record;
  }

  private wanted(): boolean {
    const { ipUp, ipDown } = this.config;
    return (
      (ipUp !== undefined && this.host.present(ipUp)) || (ipDown !== undefined && this.host.present(ipDown))
    );
  }

  /** Starts what the sequence asked for; when it ends, whatever the sequence asks next. */
  private advance(record: SessionRecord, script: SequencedScript | undefined): void {
    while (script !== undefined) {
      const path = script === 'ip-up' ? this.config.ipUp : this.config.ipDown;
      if (path !== undefined && !(script === 'ip-down' && record.skipped)) {
        const next = () => this.advance(record, record.sequence.finished());
        const run = () => void this.schedule(script!, path, record.session, record.ip, record).then(next);
        // ip-up never overlaps the session's ip-pre-up, whatever the limit lets run at once.
        if (script === 'ip-up' && record.preUp) void record.preUp.then(run);
        else run();
        return;
      }
      script = record.sequence.finished(); // not configured: as pppd with a missing file
    }
    if (record.sequence.settled) this.records.delete(record.session.id);
  }

  /** Queues the script; settles when it has ended or was dropped by a stop. */
  private schedule(
    kind: ScriptKind,
    path: string,
    session: Session,
    ip: IpLayerInfo,
    record: SessionRecord | undefined,
  ): Promise<void> {
    return new Promise<void>((resolve) => {
      const skip = () => {
        if (record && kind === 'ip-up') record.skipped = true;
        resolve();
      };
      if (this.stopped) {
        skip();
        return;
      }
      this.limiter.submit({
        start: () => {
          // Stopping: a session whose IP is down by now needs neither its ip-pre-up nor its ip-up
          // (unless its ip-pre-up ran: then its ip-down must, and ip-up comes first, as in pppd).
          if (this.stopping && kind !== 'ip-down' && !record?.sequence.open && !record?.preUp) {
            skip();
            return Promise.resolve();
          }
          const facts = this.facts(session, ip, kind === 'ip-down' ? record?.stats : undefined);
          const logger = session.logger;
          return this.host
            .run(kind, scriptArguments(path, facts), scriptEnvironment(facts), logger)
            .then(resolve);
        },
        cancel: skip,
      });
    });
  }

  private facts(session: Session, ip: IpLayerInfo, stats: LinkStats | undefined): ScriptFacts {
    const { config, daemon } = this;
    const info = session.info;
    // The transport records the peer as plain IPv4 already (pptp-control strips Node's ::ffff: prefix).
    const ipparam = config.ipparamPeerAddress ? session.peer : config.ipparam;
    return {
      interfaceName: daemon.interfaceName(),
      device: 'none',
      speed: config.speed,
      localAddress: ip.localAddress ?? '0.0.0.0',
      peerAddress: ip.peerAddress ?? '0.0.0.0',
      ...(ipparam !== undefined && { ipparam }),
      ...(info.user !== undefined && { peerName: info.user }),
      loginName: daemon.loginName,
      uid: daemon.uid,
      environment: config.environment,
      ...(stats && { linkStats: stats }),
    };
  }
}
