// connect()'s options and their defaults: a pppd PPTP client's usual settings (MS-CHAPv2 only,
// require-mppe-128, usepeerdns, LCP echo every 30 s) unless told otherwise.
import type { Clock, Logger, SessionRegistry } from '@switchyard/core';
import type { GreEndpoint } from '@switchyard/plugin-gre';
import type { LcpConfig } from '@switchyard/plugin-lcp';
import type { MppeConfig } from '@switchyard/plugin-mppe';
import type { CallIdAllocator } from '@switchyard/plugin-pptp-control';
import { clientEnd, PppdExit, PptpClientError } from './machine/end.js';
import {
  DEFAULT_AUTH,
  DEFAULT_MPPE,
  mppeConfigFor,
  resolveAuth,
  type AuthProtocol,
  type MppeChoice,
} from './machine/ppp-choices.js';
import type { ClientSink } from './session-ip.js';

export interface ConnectOptions {
  /** The PPTP server: IPv4 address or name. */
  readonly server: string;
  /** TCP port of the control connection; default 1723. */
  readonly port?: number;
  /** Local address to bind the TCP connection to. */
  readonly localAddress?: string;
  readonly user: string;
  readonly password: string;
  /** pppd `name` (our name in CHAP Responses is the user; this is only logged); default: the user. */
  readonly name?: string;
  /** Protocols we authenticate with; default MS-CHAPv2 only. */
  readonly auth?: readonly AuthProtocol[];
  /** MPPE words (see MppeChoice); default `['128']`, pppd's require-mppe-128. */
  readonly mppe?: readonly MppeChoice[];
  /** Ask the server for DNS (and WINS) addresses (pppd usepeerdns); default true. */
  readonly usepeerdns?: boolean;
  /** LCP settings over ours (pppd names in camelCase: mru, mtu, lcpEchoInterval…). */
  readonly lcp?: Partial<LcpConfig>;
  /** Packet Recv. Window Size in our Outgoing-Call-Request (RFC 2637 §2.7); default 64. */
  readonly window?: number;
  /** The whole set-up, TCP connect to IPCP up; default 30 s. */
  readonly timeoutMs?: number;
  /** Where the session's IP packets go besides ipPackets$ (the CLI's TUN device). */
  readonly sink?: ClientSink;
  /** Aborting it ends the set-up with exit 5, as a signal does pppd. */
  readonly signal?: AbortSignal;
  /** Default: warnings to stderr. */
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Share one raw GRE socket between sessions (the load generator does); default: one of our own. */
  readonly gre?: GreEndpoint;
  /** Share Call IDs between sessions to the same server; default: a private allocator. */
  readonly callIds?: CallIdAllocator;
  /** Register the session here; default: a private registry. */
  readonly sessions?: SessionRegistry;
}

export interface ResolvedSettings {
  readonly port: number;
  readonly name: string;
  readonly auth: readonly AuthProtocol[];
  readonly mppe: MppeConfig;
  readonly usepeerdns: boolean;
  readonly lcp: Partial<LcpConfig>;
  readonly window: number;
  readonly timeoutMs: number;
}

/** pptp-linux clients run LCP echo; pppd's own default is off. Ours: 30 s, 4 misses = 2 minutes. */
export const DEFAULT_LCP: Partial<LcpConfig> = { lcpEchoInterval: 30, lcpEchoFailure: 4 };

/** The options with defaults applied; contradictions are a PptpClientError with pppd's option-error status. */
export function resolveSettings(options: ConnectOptions): ResolvedSettings {
  const invalid = (message: string) =>
    new PptpClientError(clientEnd('local-error', message, { exitCode: PppdExit.optionError }));
  const auth = resolveAuth(options.auth ?? DEFAULT_AUTH, []);
  if (!auth.ok) throw invalid(auth.error);
  const mppe = mppeConfigFor(options.mppe ?? DEFAULT_MPPE);
  if (!mppe.ok) throw invalid(mppe.error);
  const window = options.window ?? 64;
  if (!Number.isInteger(window) || window < 1 || window > 0xffff) throw invalid(`window ${window}: 1..65535`);
  const port = options.port ?? 1723;
  if (!Number.isInteger(port) || port < 1 || port > 0xffff) throw invalid(`port ${port}: 1..65535`);
  return {
    port,
    name: options.name ?? options.user,
    auth: auth.value,
    mppe: mppe.value,
    usepeerdns: options.usepeerdns ?? true,
    lcp: { ...DEFAULT_LCP, ...options.lcp },
    window,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
}
