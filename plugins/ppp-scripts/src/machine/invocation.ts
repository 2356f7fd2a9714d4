// A script's argument vector and environment, as pppd 2.4.9 builds them: ipcp.c ipcp_script() for the
// arguments (interface-name tty-device speed local-IP remote-IP [ipparam]) and the script_setenv()
// calls of main.c, auth.c and ipcp.c for the variables (pppd.8 SCRIPTS). Pure: the plugin gathers the
// facts, this decides what the script sees.

export type ScriptKind = 'ip-pre-up' | 'ip-up' | 'ip-down';

/** The link's statistics pppd puts in the environment before ip-down (main.c update_link_stats). */
export interface LinkStats {
  /** Seconds since the IP layer came up (pppd resets its link stats in ipcp_up). */
  readonly connectSeconds: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface ScriptFacts {
  /** $1 and IFNAME: the TUN device every session's IP crosses (pppd: this link's pppN). */
  readonly interfaceName: string;
  /** $2 and DEVICE: pppd's tty; a PPTP call in the appliance has none (accel-ppp passes `none`). */
  readonly device: string;
  /** $3 and SPEED. */
  readonly speed: number;
  /** $4 and IPLOCAL. */
  readonly localAddress: string;
  /** $5 and IPREMOTE. */
  readonly peerAddress: string;
  /** $6, absent when pppd has no ipparam (the script then gets five arguments). */
  readonly ipparam?: string;
  /** PEERNAME: the name the peer authenticated with; pppd sets it only after authentication. */
  readonly peerName?: string;
  /** PPPLOGNAME: who started the daemon. */
  readonly loginName: string;
  /** ORIG_UID: that user's real uid. */
  readonly uid: number;
  /** pppd `set NAME=value` variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Only for ip-down: pppd sets these in ipcp_down, before running it. */
  readonly linkStats?: LinkStats;
}

/**
 * pppd execs scripts with an environment holding only its own variables and no PATH at all; we add
 * Debian's /etc/ppp/ip-up PATH so a script that calls `ip` or `iptables` without a path works the
 * same under any shell.
 */
export const scriptPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** argv: the script's path, then pppd's five or six arguments. */
export function scriptArguments(path: string, facts: ScriptFacts): string[] {
  const argv = [
    path,
    facts.interfaceName,
    facts.device,
    String(facts.speed),
    facts.localAddress,
    facts.peerAddress,
  ];
  // ipcp_script(): argv[6] = ipparam, and a NULL ipparam ends the vector there.
  if (facts.ipparam !== undefined) argv.push(facts.ipparam);
  return argv;
}

/** envp: PATH, then `set` variables, then pppd's own, which replace a `set` of the same name. */
export function scriptEnvironment(facts: ScriptFacts): Record<string, string> {
  const env: Record<string, string> = { PATH: scriptPath, ...facts.environment };
  env.PPPLOGNAME = facts.loginName;
  env.ORIG_UID = String(facts.uid);
  // No PPPD_PID: scripts use it to hang up their link (`kill $PPPD_PID`, as Debian's ip-up does for
  // `pon quick`), and the one process behind every session would stop them all.
  env.DEVICE = facts.device;
  env.IFNAME = facts.interfaceName;
  env.SPEED = String(facts.speed);
  if (facts.peerName !== undefined) env.PEERNAME = facts.peerName;
  env.IPLOCAL = facts.localAddress;
  env.IPREMOTE = facts.peerAddress;
  const stats = facts.linkStats;
  if (stats) {
    env.CONNECT_TIME = String(Math.max(0, Math.floor(stats.connectSeconds)));
    env.BYTES_SENT = String(stats.bytesSent);
    env.BYTES_RCVD = String(stats.bytesReceived);
  }
  return env;
}
