// `switchyard-pptp --server …`: one session on a TUN device until SIGINT/SIGTERM/SIGHUP or the server
// hangs up, logged the way pppd logs (connect, authentication, MPPE, addresses, DNS; the end with its
// reason, connect time and byte counts). Returns pppd's exit status.
import { createLogger, streamSink, type Logger } from '@switchyard/core';
import type { CommonCli, ConnectCli } from './cli.js';
import type { PptpClientSession } from './client-session.js';
import { connect } from './connect.js';
import { readPasswordFile, resolveServer, writeResolvFile } from './io/files.js';
import { TunSink } from './io/tun-sink.js';
import { clientEnd, formatEnd, PppdExit, PptpClientError, type ClientEnd } from './machine/end.js';
import { formatMppe } from './ppp-stack.js';

export interface CommandIo {
  /** Where log lines go (stderr). */
  readonly writeLog: (line: string) => void;
  /** Where results go (stdout). */
  readonly writeOut: (line: string) => void;
}

export function commandLogger(debug: boolean, io: CommandIo): Logger {
  return createLogger({ level: debug ? 'debug' : 'info', sink: streamSink('text', io.writeLog) });
}

/** Resolves the server and reads the password: the parts of the set-up that are not PPTP. */
export async function prepare(options: CommonCli): Promise<{ server: string; password: string }> {
  let password: string;
  try {
    password = options.password ?? readPasswordFile(options.passwordFile as string);
  } catch (error) {
    throw new PptpClientError(
      clientEnd('local-error', (error as Error).message, { exitCode: PppdExit.optionError }),
    );
  }
  try {
    return { server: await resolveServer(options.server), password };
  } catch (error) {
    throw new PptpClientError(clientEnd('connect-failed', `${options.server}: ${(error as Error).message}`));
  }
}

export async function runConnectCommand(options: ConnectCli, io: CommandIo): Promise<number> {
  const logger = commandLogger(options.debug, io);
  let tun: TunSink | undefined;
  let session: PptpClientSession | undefined;
  let signalled: NodeJS.Signals | undefined;
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled !== undefined) return; // the hang-up under way is bounded by its own timers
    signalled = signal;
    logger.info(`Terminating on signal ${signal}`); // pppd: "Terminating on signal 15."
    if (session) void session.close('shutdown', `signal ${signal}`);
    else abort.abort();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  // Signal listeners do not keep Node's event loop alive; the session must, until it ends.
  const keepAlive = setInterval(() => {}, 1 << 30);
  try {
    const { server, password } = await prepare(options);
    tun = TunSink.open({ name: options.ifname, routes: options.routes, server, logger });
    logger.info(`Using interface ${tun.name}`);
    session = await connect({
      server,
      port: options.serverPort,
      user: options.user,
      password,
      ...(options.name !== undefined && { name: options.name }),
      auth: options.auth,
      mppe: options.mppe,
      usepeerdns: options.usepeerdns,
      lcp: lcpOverrides(options),
      window: options.window,
      timeoutMs: options.timeoutSeconds * 1000,
      sink: tun,
      signal: abort.signal,
      logger,
    });
    if (signalled !== undefined) void session.close('shutdown', `signal ${signalled}`);
    const up = session;
    const dns = up.dnsServers;
    const restoreResolv =
      options.resolv !== undefined && dns.length > 0
        ? writeResolvFile(options.resolv, dns, `DNS of the PPTP session to ${server} (switchyard-pptp)`)
        : undefined;
    logger.info(
      `tunnel up: ${tun.name} ${up.localAddress} -> ${up.peerAddress ?? '?'}, DNS ${dns.join(' ') || 'none'}, MPPE ${formatMppe(up.mppe)}, set-up ${Math.round(up.timings.totalMs)} ms`,
    );
    const end = await up.closed;
    restoreResolv?.();
    logEnd(logger, end, up);
    return end.exitCode;
  } catch (error) {
    if (!(error instanceof PptpClientError)) throw error;
    logger.error(`connection failed: ${formatEnd(error.end)}`);
    return error.end.exitCode;
  } finally {
    clearInterval(keepAlive);
    for (const signal of signals) process.off(signal, onSignal);
    tun?.close();
  }
}

/** pppd's closing lines in one: the reason, "Connect time", "Sent N bytes, received M bytes". */
function logEnd(logger: Logger, end: ClientEnd, session: PptpClientSession): void {
  const { ppp } = session.counters();
  const seconds = (session.connectedMs / 1000).toFixed(1);
  logger.info(
    `Connection terminated: ${formatEnd(end)}; connect time ${seconds} s; sent ${ppp.bytesOut} bytes/${ppp.packetsOut} packets, received ${ppp.bytesIn} bytes/${ppp.packetsIn} packets`,
  );
}

export function lcpOverrides(options: {
  readonly mtu?: number;
  readonly mru?: number;
  readonly lcpEchoInterval?: number;
  readonly lcpEchoFailure?: number;
}) {
  return {
    ...(options.mtu !== undefined && { mtu: options.mtu }),
    ...(options.mru !== undefined && { mru: options.mru }),
    ...(options.lcpEchoInterval !== undefined && { lcpEchoInterval: options.lcpEchoInterval }),
    ...(options.lcpEchoFailure !== undefined && { lcpEchoFailure: options.lcpEchoFailure }),
  };
}
