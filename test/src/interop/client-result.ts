// The structured outcome of one real-client run, and the pure parsers that build it from pppd's log, the
// ip-up record and ping's output (pure so they can be tested on shared/captures without root).

export interface PingResult {
  readonly target: string;
  readonly transmitted: number;
  readonly received: number;
  readonly lossPct: number;
  readonly rttAvgMs: number | undefined;
  /** At least one reply and ping's exit status 0. */
  readonly ok: boolean;
  readonly raw: string;
}

export interface MppeResult {
  readonly bits: number;
  readonly stateless: boolean;
  /** pppd's line, e.g. "MPPE 128-bit stateless compression enabled". */
  readonly line: string;
}

export interface AuthResult {
  /** pppd logged "… authentication succeeded". */
  readonly succeeded: boolean;
  /** pppd's verdict line, e.g. "MS-CHAP authentication failed: Access denied". */
  readonly message: string | undefined;
  /** The message of the server's CHAP Success/Failure packet, e.g. "E=691 R=1 C=… V=0 M=Access denied". */
  readonly packet: string | undefined;
  /** The name in the server's CHAP Challenge (options.pptpd `name`). */
  readonly serverName: string | undefined;
}

export interface PptpClientResult {
  /** pppd's exit status (19 = authentication failed, 5 = ended by our SIGTERM…); null if it never exited. */
  readonly exitCode: number | null;
  readonly exitMeaning: string;
  /** The run hit its own deadline (tunnel never up in time, or the whole run overran) and was cut short. */
  readonly timedOut: boolean;
  readonly auth: AuthResult;
  /** pppd ran /etc/ppp/ip-up: the network phase completed. */
  readonly tunnelUp: boolean;
  readonly ifname: string | undefined;
  readonly localIp: string | undefined;
  readonly remoteIp: string | undefined;
  readonly dns1: string | undefined;
  readonly dns2: string | undefined;
  readonly mppe: MppeResult | undefined;
  readonly pings: readonly PingResult[];
  readonly pppdLog: string;
  /** The client UML's syslog: pptp's control-connection messages live here. */
  readonly syslog: string;
  readonly consoleTail: string;
  readonly timings: ClientTimings;
}

export interface ClientTimings {
  /** Host: linux.uml started → init reported `booted`. */
  readonly bootMs: number | undefined;
  /** UML clock: pppd started → ip-up ran. */
  readonly pppdToUpMs: number | undefined;
  /** UML clock: pppd started → pppd exited. */
  readonly pppdRunMs: number | undefined;
  /** Host: the whole run, boot to power-off. */
  readonly totalMs: number;
}

const PPPD_EXIT: Readonly<Record<number, string>> = {
  0: 'OK',
  1: 'FATAL_ERROR',
  2: 'OPTION_ERROR',
  3: 'NOT_ROOT',
  4: 'NO_KERNEL_SUPPORT',
  5: 'USER_REQUEST (terminated by a signal)',
  6: 'LOCK_FAILED',
  7: 'OPEN_FAILED',
  8: 'CONNECT_FAILED',
  9: 'PTYCMD_FAILED',
  10: 'NEGOTIATION_FAILED',
  11: 'PEER_AUTH_FAILED',
  12: 'IDLE_TIMEOUT',
  13: 'CONNECT_TIME',
  14: 'CALLBACK',
  15: 'PEER_DEAD',
  16: 'HANGUP (link terminated by peer)',
  17: 'LOOPBACK',
  18: 'INIT_FAILED',
  19: 'AUTH_TOPEER_FAILED (we failed to authenticate to the server)',
  20: 'TRAFFIC_LIMIT',
  21: 'CNID_AUTH_FAILED',
};

/** pppd's name for an exit status (pppd(8), "EXIT STATUS"). */
export function pppdExitMeaning(code: number | null): string {
  if (code === null) return 'did not exit';
  return PPPD_EXIT[code] ?? (code > 128 ? `killed by signal ${code - 128}` : `unknown (${code})`);
}

function first(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1];
}

/** Authentication and MPPE outcome from a pppd debug log (`debug` + `logfile`). */
export function parsePppdLog(log: string): { auth: AuthResult; mppe: MppeResult | undefined } {
  const verdict =
    /^((?:MS-)?CHAP authentication (?:succeeded|failed).*|PAP authentication (?:succeeded|failed).*)$/m;
  const lines = [...log.matchAll(new RegExp(verdict.source, 'gm'))].map((m) => m[1] ?? '');
  const mppe = /^(MPPE (\d+)-bit (stateless|stateful) compression enabled)$/m.exec(log);
  return {
    auth: {
      succeeded: lines.some((line) => / authentication succeeded/.test(line)),
      // "MS-CHAP authentication failed: Access denied" says more than the generic line that follows it.
      message: lines[0],
      packet: first(log, /^rcvd \[CHAP (?:Success|Failure) id=0x[0-9a-f]+ "([^"]*)"\]$/m),
      serverName: first(log, /^rcvd \[CHAP Challenge id=0x[0-9a-f]+ <[0-9a-f]*>, name = "([^"]*)"\]$/m),
    },
    mppe: mppe
      ? { line: mppe[1] ?? '', bits: Number(mppe[2]), stateless: mppe[3] === 'stateless' }
      : undefined,
  };
}

/**
 * The client's pppd was still waiting for the Terminate-Ack of its own Terminate-Request when the control
 * connection closed ("Modem hangup"): pppd then exits 16 whatever happened before. The reference pptpd loses
 * that last Terminate-Ack now and then (its pppd logs it as sent; it never reaches the wire).
 */
export function hangupBeforeTermAck(pppdLog: string): boolean {
  const termReq = pppdLog.lastIndexOf('sent [LCP TermReq');
  const hangup = pppdLog.indexOf('Modem hangup', termReq);
  return termReq >= 0 && hangup > termReq && !pppdLog.slice(termReq, hangup).includes('rcvd [LCP TermAck');
}

/** `KEY=value` lines (the harness's ip-up record) into a map. */
export function parseKeyValues(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) map.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return map;
}

/** iputils ping's summary ("5 packets transmitted, 5 received, 0% packet loss", "rtt min/avg/max/mdev = …"). */
export function parsePing(target: string, raw: string, exitStatus: number | undefined): PingResult {
  const counts = /(\d+) packets transmitted, (\d+) received/.exec(raw);
  const transmitted = Number(counts?.[1] ?? 0);
  const received = Number(counts?.[2] ?? 0);
  const avg = /= [\d.]+\/([\d.]+)\/[\d.]+\/[\d.]+ ms/.exec(raw)?.[1];
  return {
    target,
    transmitted,
    received,
    lossPct: transmitted > 0 ? Math.round((1000 * (transmitted - received)) / transmitted) / 10 : 100,
    rttAvgMs: avg === undefined ? undefined : Number(avg),
    ok: received > 0 && exitStatus === 0,
    raw,
  };
}

/** A one-line summary for test output and assertion messages. */
export function summarizeClientResult(r: PptpClientResult): string {
  const pings = r.pings.map((p) => `${p.target} ${p.received}/${p.transmitted}`).join(', ') || '-';
  return [
    `pppd exit ${r.exitCode} (${r.exitMeaning})${r.timedOut ? ' TIMED OUT' : ''}`,
    `auth ${r.auth.succeeded ? 'ok' : 'FAILED'}${r.auth.message ? ` "${r.auth.message}"` : ''}`,
    r.tunnelUp ? `up ${r.ifname} ${r.localIp} <-> ${r.remoteIp} dns ${r.dns1},${r.dns2}` : 'not up',
    `mppe ${r.mppe ? `${r.mppe.bits}-bit ${r.mppe.stateless ? 'stateless' : 'stateful'}` : 'none'}`,
    `ping ${pings}`,
    `boot ${r.timings.bootMs} ms, pppd→up ${r.timings.pppdToUpMs} ms, total ${r.timings.totalMs} ms`,
  ].join('; ');
}
