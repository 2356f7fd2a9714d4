// CompatConfig: what pptpd.conf, the pppd options files and pptpd's command line mean together, typed,
// with every accepted no-op as a note and every refused or invalid entry as a ConfigProblem. The
// appliance maps it onto the plugins' own config sections.
import type { ConfigProblem } from '@switchyard/core';
import type { AuthPolicy } from './auth-policy.js';
import type { MppePolicy } from './mppe-policy.js';
import type { PppdOptions } from './pppd/state.js';
import type { OptionEntry } from './pppd-options.js';

export interface CompatConfig {
  /** IPv4 address TCP 1723 is bound to; undefined means every address (pptpd: INADDR_ANY). */
  readonly listen?: string;
  /**
   * Simultaneous calls: `connections` (default 100) reduced as pptpd reduces it when remoteip (or a
   * localip list) has fewer addresses (pptpd.c processIPStr).
   */
  readonly connections: number;
  /** Seconds a new TCP connection may take to send its first control message (pptpd's `stimeout`). */
  readonly stimeoutSeconds: number;
  /** pptpd syntax, already checked with the ip-pool plugin's parseIpRanges (pptpd defaults if absent). */
  readonly localip: string;
  readonly remoteip: string;
  readonly pidFile?: string;
  /** pptpd `debug` or `-d`, or pppd `debug` in any options file. */
  readonly debug: boolean;
  /** The pppd options file read (pptpd.conf `option` or `--option`), if any. */
  readonly optionsFile?: string;
  /** pppd `name`: our CHAP name, matched against chap-secrets' server column; undefined = host name. */
  readonly name?: string;
  readonly chapSecretsPath: string;
  /** Where pppd checks PAP passwords (pap-secrets), relevant when PAP is in the auth policy. */
  readonly papSecretsPath: string;
  /** What the peer must authenticate with, in pppd's order. */
  readonly auth: AuthPolicy;
  readonly mppe: MppePolicy;
  /** pppd `ktune` together with `proxyarp`: pppd then sets net.ipv4.ip_forward to 1 (sys-linux.c). */
  readonly enableIpForwarding: boolean;
  /**
   * The scripts' ipparam: pptpd passes `ipparam <client IP>` after the options files unless
   * `noipparam`; then the files' own `ipparam`, if any, is what pppd keeps.
   */
  readonly ipparamPeerAddress: boolean;
  /** Every pppd option as typed by the reader, for the LCP, IPCP, CHAP and CCP plugins. */
  readonly ppp: PppdOptions;
  /** Every option word read, in order, with where it was and what became of it (for `dump`). */
  readonly pppEntries: readonly OptionEntry[];
  /** Accepted entries with no effect here, and behaviour that differs from pptpd/pppd: log at info. */
  readonly notes: readonly string[];
  /** Refused or invalid entries, every one of them: the appliance must not start while any exist. */
  readonly problems: readonly ConfigProblem[];
}

/** pptpd 1.4.0 defaults (defaults.h). */
export const pptpdDefaults = {
  configFile: '/etc/pptpd.conf',
  connections: 100,
  stimeoutSeconds: 10,
  localip: '192.168.0.1-100',
  remoteip: '192.168.1.1-100',
} as const;

/** pppd 2.4.9 defaults (pathnames.h). */
export const pppdDefaults = {
  systemOptions: '/etc/ppp/options',
  chapSecrets: '/etc/ppp/chap-secrets',
  papSecrets: '/etc/ppp/pap-secrets',
  ipPreUp: '/etc/ppp/ip-pre-up',
  ipUp: '/etc/ppp/ip-up',
  ipDown: '/etc/ppp/ip-down',
  /** main.c child_wait. */
  childTimeoutSeconds: 5,
} as const;
