// Command line of switchyard-pptpd: pptpd 1.4.0's flags (pptpd.c long_options), plus --secrets and
// --native-config. Pure: argv in, options (or a usage error) out.
import { parseArgs } from 'node:util';
import type { PptpdCommandLine } from './compat/index.js';

export interface CliOptions {
  /** -c/--conf: read pptpd.conf (and its `option` file) like pptpd. */
  readonly conf?: string;
  /** --native-config: a JSON or YAML file of plugin sections. */
  readonly nativeConfig?: string;
  /** --secrets: chap-secrets path (default /etc/ppp/chap-secrets). */
  readonly secrets?: string;
  /** -f/--fg: accepted for compatibility; we always run in the foreground (see usage). */
  readonly foreground: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** The flags that carry pptpd configuration, as strings (the compat reader interprets them). */
  readonly pptpd: PptpdCommandLine;
}

export const usage = `usage: switchyard-pptpd [options]

With neither --conf nor --native-config the embedded default configuration is used
(MS-CHAPv2 + MPPE-128 required, users from /etc/ppp/chap-secrets, clients 10.231.0.2-254).

pptpd options (same meaning as pptpd 1.4.0):
  -c, --conf FILE         read pptpd.conf FILE (pptpd reads /etc/pptpd.conf implicitly; we only when asked)
  -o, --option FILE       pppd options file (overrides pptpd.conf's 'option')
  -d, --debug             protocol traces in the log (pptpd/pppd 'debug')
  -l, --listen ADDR       IPv4 address to listen on for TCP 1723
  -C, --connections N     most simultaneous calls
  -t, --stimeout SECONDS  time a new connection may take to send Start-Control-Connection-Request
  -p, --pidfile FILE      write our process id to FILE
  -f, --fg                run in the foreground (always the case: let systemd or your container supervise)
  -e, --ppp, -b, --bcrelay, -w, --logwtmp, -D, --delegate, -s, --speed, -i, --noipparam, -V, --vrf
                          pptpd's other flags: applied, noted or refused exactly as their pptpd.conf keywords
Switchyard options:
      --secrets FILE      chap-secrets file (default /etc/ppp/chap-secrets)
      --native-config FILE  JSON or YAML configuration with one section per plugin
  -h, --help              show this help
  -v, --version           show the version
`;

export type CliResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export function parseCli(argv: readonly string[]): CliResult {
  try {
    const { values: v } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        conf: { type: 'string', short: 'c' },
        option: { type: 'string', short: 'o' },
        debug: { type: 'boolean', short: 'd' },
        listen: { type: 'string', short: 'l' },
        connections: { type: 'string', short: 'C' },
        stimeout: { type: 'string', short: 't' },
        pidfile: { type: 'string', short: 'p' },
        fg: { type: 'boolean', short: 'f' },
        ppp: { type: 'string', short: 'e' },
        bcrelay: { type: 'string', short: 'b' },
        logwtmp: { type: 'boolean', short: 'w' },
        delegate: { type: 'boolean', short: 'D' },
        speed: { type: 'string', short: 's' },
        noipparam: { type: 'boolean', short: 'i' },
        vrf: { type: 'string', short: 'V' },
        secrets: { type: 'string' },
        'native-config': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (v.conf !== undefined && v['native-config'] !== undefined) {
      return { ok: false, error: '--conf and --native-config cannot be used together' };
    }
    const pptpd: PptpdCommandLine = Object.fromEntries(
      (
        [
          'option',
          'debug',
          'listen',
          'connections',
          'stimeout',
          'pidfile',
          'ppp',
          'bcrelay',
          'logwtmp',
          'delegate',
          'speed',
          'noipparam',
          'vrf',
        ] as const
      )
        .filter((key) => v[key] !== undefined)
        .map((key) => [key, v[key]]),
    );
    return {
      ok: true,
      options: {
        ...(v.conf !== undefined && { conf: v.conf }),
        ...(v['native-config'] !== undefined && { nativeConfig: v['native-config'] }),
        ...(v.secrets !== undefined && { secrets: v.secrets }),
        foreground: v.fg ?? false,
        help: v.help ?? false,
        version: v.version ?? false,
        pptpd,
      },
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
