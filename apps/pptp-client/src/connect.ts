// connect(): one PPTP session from the PNS side. TCP to the server, the control connection (SCCRQ,
// OCRQ with our receive window; RFC 2637 §3), a GRE channel for the call, and a client PppSession over
// it (LCP, authentication, CCP/MPPE, IPCP). Resolves once IP flows; on any failure everything opened so
// far is closed again and the promise rejects with a PptpClientError naming the cause.
import {
  SessionRegistry,
  SystemClock,
  closeReason,
  createLogger,
  streamSink,
  type Clock,
  type Link,
  type Logger,
  type Session,
} from '@switchyard/core';
import type { GreEndpoint } from '@switchyard/plugin-gre';
import { runPppSession, type PppSession } from '@switchyard/plugin-ppp';
import { CallIdAllocator, MAX_CALL_ID, type CallInfo } from '@switchyard/plugin-pptp-control';
import { PptpClientSession, type SetupTimings } from './client-session.js';
import { resolveSettings, type ConnectOptions, type ResolvedSettings } from './connect-options.js';
import { ControlClient, TcpConnectError } from './io/control-client.js';
import { startGreEndpoint } from './io/gre.js';
import { waitCallUp, waitEstablished } from './control-steps.js';
import { closeReasonForCallDown } from './machine/control-outcome.js';
import {
  clientEnd,
  closeReasonForEnd,
  endFromCloseReason,
  PptpClientError,
  type ClientEnd,
  type SetupStage,
} from './machine/end.js';
import { buildPppStack } from './ppp-stack.js';
import { SessionIp } from './session-ip.js';
import { hangUp } from './hang-up.js';

/** IPv4 (20) and the largest enhanced GRE header (16) come off a 1500-byte path MTU. */
const MAX_FRAME_BYTES = 1500 - 20 - 16;

const WAITING_FOR: Readonly<Record<SetupStage, string>> = {
  connect: 'no TCP connection',
  control: 'no Start-Control-Connection-Reply',
  call: 'no Outgoing-Call-Reply',
  ppp: 'PPP did not reach the Network phase',
  up: 'nothing',
};

export async function connect(options: ConnectOptions): Promise<PptpClientSession> {
  const settings = resolveSettings(options);
  const clock = options.clock ?? new SystemClock();
  const logger =
    options.logger ??
    createLogger({ level: 'warn', sink: streamSink('text', (line) => void process.stderr.write(line)) });
  const gre = options.gre ?? startGreEndpoint({ clock, logger });
  const ownGre = options.gre === undefined;
  const setup = new Setup(options, settings, {
    logger,
    clock,
    gre,
    // A random first Call ID keeps a restarted client clear of GRE still in flight for its old call.
    callIds: options.callIds ?? new CallIdAllocator({ first: 1 + Math.floor(Math.random() * MAX_CALL_ID) }),
    sessions: options.sessions ?? new SessionRegistry(clock, logger),
  });
  try {
    const handle = await setup.run();
    if (ownGre) void handle.closed.then(() => gre.stop());
    return handle;
  } catch (error) {
    if (ownGre) gre.stop();
    throw error;
  }
}

interface SetupDeps {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly gre: GreEndpoint;
  readonly callIds: CallIdAllocator;
  readonly sessions: SessionRegistry;
}

const endOf = (error: unknown): ClientEnd =>
  error instanceof PptpClientError ? error.end : clientEnd('local-error', String(error));

/** One attempt: each step waits for the server, raced against the set-up deadline and the caller's abort. */
class Setup {
  private stage: SetupStage = 'connect';
  private failure: ClientEnd | undefined;
  private readonly abort = new AbortController();
  private readonly aborted: Promise<never>;
  private control: ControlClient | undefined;
  private session: Session | undefined;
  private cancelEarlyGre: (() => void) | undefined;
  private readonly startedAt: number;

  constructor(
    private readonly options: ConnectOptions,
    private readonly settings: ResolvedSettings,
    private readonly deps: SetupDeps,
  ) {
    this.startedAt = deps.clock.now();
    this.aborted = new Promise<never>((_, reject) =>
      this.abort.signal.addEventListener('abort', () => reject(this.abort.signal.reason)),
    );
    this.aborted.catch(() => undefined); // observed through race(); never an unhandled rejection
  }

  async run(): Promise<PptpClientSession> {
    const { timeoutMs } = this.settings;
    const timer = this.deps.clock.setTimer(timeoutMs, () =>
      this.fail(
        clientEnd('setup-timeout', `${WAITING_FOR[this.stage]} within ${timeoutMs / 1000} s`, {
          stage: this.stage,
        }),
      ),
    );
    const external = this.options.signal;
    const onAbort = () => this.fail(clientEnd('shutdown', 'set-up aborted'));
    external?.addEventListener('abort', onAbort, { once: true });
    if (external?.aborted) onAbort();
    try {
      return await this.steps();
    } catch (error) {
      const end = this.failure ?? endOf(error);
      await this.unwind(end);
      throw new PptpClientError(end);
    } finally {
      timer.cancel();
      external?.removeEventListener('abort', onAbort);
    }
  }

  private fail(end: ClientEnd): void {
    if (this.failure !== undefined) return;
    this.failure = end;
    this.abort.abort(new PptpClientError(end));
  }

  private race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.aborted]);
  }

  private elapsed(): number {
    return Math.round((this.deps.clock.now() - this.startedAt) * 10) / 10;
  }

  private async steps(): Promise<PptpClientSession> {
    const { options, settings, deps } = this;
    const control = await this.race(
      ControlClient.connect(
        {
          host: options.server,
          port: settings.port,
          ...(options.localAddress !== undefined && { localAddress: options.localAddress }),
          clock: deps.clock,
          logger: deps.logger,
          callIds: deps.callIds,
        },
        this.abort.signal,
      ).catch((error: unknown) => {
        if (!(error instanceof TcpConnectError)) throw error;
        const where = `${options.server}:${settings.port}`;
        throw new PptpClientError(clientEnd('connect-failed', `${where}: ${error.code}`));
      }),
    );
    this.control = control;
    const tcpMs = this.elapsed();
    this.stage = 'control';
    const peer = await this.race(waitEstablished(control));
    const controlMs = this.elapsed();
    this.stage = 'call';
    const callId = control.placeCall({ packetRecvWindowSize: settings.window });
    // The server starts LCP as it replies: hold GRE for this call until the channel opens.
    this.cancelEarlyGre = deps.gre.expect(control.remoteAddress, callId);
    const call = await this.race(waitCallUp(control, callId));
    const callMs = this.elapsed();
    this.stage = 'ppp';
    deps.logger.info(
      `connected to ${control.remoteAddress} (${peer.vendorString || 'PPTP'}): call ${call.callId}, peer call ${call.peerCallId}`,
    );
    const { ppp, ip, stack, channel } = this.startSession(control, call);
    await this.race(this.networkUp(ppp, ip));
    this.stage = 'up';
    const timings: SetupTimings = { tcpMs, controlMs, callMs, totalMs: this.elapsed() };
    return new PptpClientSession({
      server: control.remoteAddress,
      peer,
      call,
      session: ppp.session,
      ppp,
      ip,
      stack,
      gre: () => channel.counters(),
      clock: deps.clock,
      timings,
    });
  }

  /** The call is up: a core session, its GRE channel as the Link, and PPP on it. */
  private startSession(control: ControlClient, call: CallInfo) {
    const { deps, settings, options } = this;
    const server = control.remoteAddress;
    const session = deps.sessions.create('pptp', server);
    this.session = session;
    const channel = deps.gre.open({
      peerAddress: server,
      localCallId: call.callId,
      peerCallId: call.peerCallId,
      peerReceiveWindow: call.peerPacketRecvWindowSize,
    });
    let callGone = false;
    const onCallDown = (down: CallInfo, reason: Parameters<typeof closeReasonForCallDown>[0]) => {
      if (down.callId !== call.callId) return;
      callGone = true;
      // A PPP session already terminating keeps its own cause: after an authentication failure pptpd
      // may close TCP before its Terminate-Ack reaches us, and that is not a hang-up by the server.
      void session.close(ppp.lcp.closeReason ?? closeReasonForCallDown(reason, control.closeCause));
      // Ends the link's frames: PPP ends at once instead of waiting for a Terminate-Ack that cannot come.
      channel.close();
    };
    control.events.on('callDown', onCallDown);
    // Attached first, so released last: after PPP's Terminate exchange has used the channel.
    session.attach('pptp call', async () => {
      control.events.off('callDown', onCallDown);
      channel.close();
      await hangUp(control, call.callId, { callGone, clock: deps.clock });
    });
    const ip = new SessionIp(options.sink, () => ppp.facts.ipcp);
    const stack = buildPppStack(settings, ip);
    const link: Link = {
      session,
      deliverTo: (receiver) => channel.deliverTo(receiver),
      send: (frame) => channel.send(frame),
      close: (reason) => void session.close(reason),
      maxFrameBytes: MAX_FRAME_BYTES,
    };
    const ppp = runPppSession(link, {
      role: 'client',
      localName: settings.name,
      clock: deps.clock,
      linkControl: stack.linkControl,
      networkControls: stack.networkControls,
      authenticators: stack.authenticators,
      credentials: { user: options.user, secret: options.password },
    });
    return { ppp, ip, stack, channel };
  }

  /** IPCP Opened with an address for us, and the sink configured for it; rejects if the session ends. */
  private networkUp(ppp: PppSession, ip: SessionIp): Promise<void> {
    return new Promise((resolve, reject) => {
      let ipcpUp = false;
      let routed = false;
      const check = () => {
        if (ipcpUp && routed) resolve();
      };
      ppp.events.on('networkUp', (name) => {
        if (name !== 'IPCP') return;
        if (ppp.facts.ipcp?.localAddress === undefined) {
          ppp.close(closeReason('negotiation-failed', 'the server gave us no IP address'));
          return;
        }
        ipcpUp = true;
        check();
      });
      void ip.opened.then(() => ((routed = true), check()));
      void ppp.session.closed.then((reason) => reject(new PptpClientError(endFromCloseReason(reason))));
    });
  }

  /** Closes whatever the failed attempt had opened, and waits until it is gone. */
  private async unwind(end: ClientEnd): Promise<void> {
    const { session, control } = this;
    this.cancelEarlyGre?.(); // a no-op once the channel was opened
    if (session !== undefined) {
      await session.close(closeReasonForEnd(end)); // its 'pptp call' resource hangs the call up
    } else if (control !== undefined && !control.isClosed) {
      if (this.stage === 'call')
        await control.stop(); // established: say goodbye (RFC 2637 §3.1.1)
      else control.destroy();
      await control.closed;
    }
  }
}
