// `switchyard-pptp load …`: runs runLoad with the command line's options, shows progress on stderr, prints
// the report on stdout and writes it as JSON with --json. SIGINT/SIGTERM cut the run short and go straight
// to the teardown. Exit status 0 when every session came up and stayed up, 1 otherwise.
import { createLogger, streamSink } from '@switchyard/core';
import type { LoadCli } from './cli.js';
import { commandLogger, lcpOverrides, prepare, type CommandIo } from './connect-command.js';
import { writeJsonFile } from './io/files.js';
import { runLoad, type LoadProgress } from './load/run-load.js';
import { formatEnd, PptpClientError } from './machine/end.js';
import { formatReport } from './machine/load-report.js';

export async function runLoadCommand(options: LoadCli, io: CommandIo): Promise<number> {
  const logger = commandLogger(options.debug, io);
  let prepared: { server: string; password: string };
  try {
    prepared = await prepare(options);
  } catch (error) {
    if (!(error instanceof PptpClientError)) throw error;
    logger.error(formatEnd(error.end));
    return error.end.exitCode;
  }
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    logger.warn(`received ${signal}: closing the sessions`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let lastShown = 0;
  const onProgress = (p: LoadProgress) => {
    const now = Date.now();
    const done = p.established + p.failed;
    if (p.phase === 'setup' && done < p.requested && now - lastShown < 1000) return;
    lastShown = now;
    io.writeLog(`${p.phase}: ${p.established}/${p.requested} established, ${p.failed} failed\n`);
  };
  try {
    const report = await runLoad({
      server: prepared.server,
      port: options.serverPort,
      sessions: options.sessions,
      concurrency: options.concurrency,
      user: options.user,
      password: prepared.password,
      auth: options.auth,
      mppe: options.mppe,
      lcp: lcpOverrides(options),
      window: options.window,
      timeoutMs: options.timeoutSeconds * 1000,
      firstCallId: options.firstCallId,
      ...(options.traffic !== undefined && { traffic: options.traffic }),
      holdSeconds: options.holdSeconds,
      onProgress,
      signal: abort.signal,
      // Per-session lines only with --debug; warnings (malformed input, refused routes) always.
      logger: options.debug ? logger : createLogger({ level: 'warn', sink: streamSink('text', io.writeLog) }),
    });
    io.writeOut(formatReport(report));
    if (options.json !== undefined) writeJsonFile(options.json, report);
    const { sessions } = report;
    return sessions.established === sessions.requested && sessions.dropped === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof PptpClientError)) throw error;
    logger.error(formatEnd(error.end));
    return error.end.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
