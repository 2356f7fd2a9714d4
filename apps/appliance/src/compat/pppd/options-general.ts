// General and serial-line options of pppd 2.4.9 (options.c general_options, tty.c tty_options): logging,
// connection limits, the process model, plugins and filters. `file` and `call` are the reader's.
import { flag, integer, noEffect, refused, withArg, type OptionSpec } from './spec.js';

const processModel = 'no effect: every call is a session inside the appliance, not a pppd process to detach';
const dialOut = 'no effect: it controls dialling out and reconnecting, and a server only answers calls';
const serialLine = 'no effect: PPTP carries PPP over GRE, there is no serial line to configure';
const replacesCall =
  "it would replace the call's link with a device or program: pptpd breaks with it too; remove it";
const noIpv6Scripts = 'no effect: IPv6 is never negotiated, so no ipv6-up/ipv6-down script ever runs';

/** `ip-up-script` and its kin: an absolute path, since the appliance's working directory is not pppd's. */
function scriptOption(name: string, key: 'ipUp' | 'ipDown' | 'ipPreUp'): OptionSpec {
  return withArg(name, (d, arg, ctx) => {
    if (!arg.startsWith('/')) return ctx.problem(arg, 'give an absolute path to the script');
    d.scripts[key] = arg;
  });
}

/** pppd `set NAME=value` (options.c user_setenv): a variable for every script. */
const setVariable = withArg('set', (d, arg, ctx) => {
  const eq = arg.indexOf('=');
  if (eq <= 0) return ctx.problem(arg, "expected NAME=value (pppd: 'set' needs a '=' after a name)");
  d.environment[arg.slice(0, eq)] = arg.slice(eq + 1);
});

/** `plugin <name>`: pppd loads a shared object. Each is refused; the reason points at what replaces it. */
const plugin = withArg('plugin', (_d, arg, ctx) => {
  const base = arg.slice(arg.lastIndexOf('/') + 1);
  if (base === 'radius.so' || base === 'radattr.so' || base === 'radrealms.so') {
    return ctx.problem(
      arg,
      `pppd plugins cannot be loaded; RADIUS will be its own Switchyard plugin (radius), not ${base}`,
    );
  }
  if (base === 'pptpd-logwtmp.so') {
    return ctx.note('not implemented: logins are not written to wtmp (the session log records them)');
  }
  if (base === 'winbind.so') {
    return ctx.problem(
      arg,
      'pppd plugins cannot be loaded; ntlm_auth/winbind authentication is not implemented',
    );
  }
  ctx.problem(arg, 'pppd plugins (shared objects) cannot be loaded into the appliance');
});

export const generalOptions: readonly OptionSpec[] = [
  flag('debug', (d) => d.debugLevel++, ['-d']), // OPT_INC: each `debug` raises the level
  noEffect('kdebug', 1, 'no effect: there is no kernel PPP driver to debug'),
  flag('dump', (d) => (d.dump = true)),
  refused('dryrun', 0, 'pppd would print the options and exit, failing every call: remove it'),
  withArg('logfile', (d, arg, ctx) => {
    d.logfile = arg;
    ctx.note('not implemented: the appliance logs to stderr (or the native log settings); redirect it there');
  }),
  noEffect('logfd', 1, "no effect: log lines go through the appliance's logger, not a file descriptor"),
  noEffect(
    'nologfd',
    0,
    "no effect: log lines go through the appliance's logger (pppd needs this so its log does not loop back into pptpctrl through the pty)",
    ['nolog'],
  ),
  integer('idle', (d, n) => (d.idleSeconds = n)),
  integer('maxconnect', (d, n) => (d.maxconnectSeconds = n)),
  flag('ktune', (d) => (d.ktune = true)),
  flag('noktune', (d) => (d.ktune = false)),
  refused('demand', 0, 'dial on demand needs a connect script, which pppd insists on and a server has none'),
  noEffect('persist', 0, dialOut),
  noEffect('nopersist', 0, dialOut),
  noEffect('holdoff', 1, dialOut),
  noEffect('maxfail', 1, dialOut),
  noEffect('connect-delay', 1, dialOut),
  noEffect('nodetach', 0, processModel, ['-detach']),
  noEffect('updetach', 0, processModel),
  noEffect('master_detach', 0, processModel),
  noEffect('up_sdnotify', 0, processModel),
  noEffect('linkname', 1, 'no effect: no per-link pid files are written'),
  noEffect(
    'ifname',
    1,
    'no effect: clients do not get a pppN interface each; IP goes through the TUN device',
  ),
  noEffect('unit', 1, 'no effect: clients do not get a pppN interface each; IP goes through the TUN device'),
  noEffect(
    'domain',
    1,
    "no effect: it only completes the host name pppd uses when 'name' is absent; give 'name'",
  ),
  integer('child-timeout', (d, n) => (d.childTimeoutSeconds = n)),
  setVariable,
  withArg('unset', (d, arg) => delete d.environment[arg]),
  plugin,
  refused('pass-filter', 1, 'packet filters are not implemented: traffic the filter drops would pass'),
  noEffect('active-filter', 1, 'no effect: every packet counts as activity for the idle timer'),
  refused('maxoctets', 1, 'traffic limits (maxoctets) are not implemented', ['mo']),
  refused('mo-direction', 1, 'traffic limits (maxoctets) are not implemented'),
  refused('mo-timeout', 1, 'traffic limits (maxoctets) are not implemented'),
  scriptOption('ip-up-script', 'ipUp'),
  scriptOption('ip-down-script', 'ipDown'),
  scriptOption('ip-pre-up-script', 'ipPreUp'),
  noEffect('ipv6-up-script', 1, noIpv6Scripts),
  noEffect('ipv6-down-script', 1, noIpv6Scripts),
  refused('--version', 0, 'pppd would print its version and exit, failing every call'),
  refused('--help', 0, 'pppd would print its usage and exit, failing every call', ['-h']),
  noEffect('lock', 0, 'no effect: UUCP lock files only guard serial devices, and a PPTP call has none'),
  noEffect('nolock', 0, 'no effect: no lock files are made'),
  ...['crtscts', 'nocrtscts', '-crtscts', 'cdtrcts', 'nocdtrcts', 'xonxoff', 'modem', 'local', 'sync'].map(
    (name) => noEffect(name, 0, serialLine),
  ),
  noEffect('escape', 1, serialLine),
  noEffect('datarate', 1, serialLine),
  ...['init', 'connect', 'disconnect', 'welcome', 'pty', 'socket'].map((name) =>
    refused(name, 1, replacesCall),
  ),
  refused('notty', 0, replacesCall),
  refused('record', 1, 'recording the raw link to a file is not implemented'),
];
