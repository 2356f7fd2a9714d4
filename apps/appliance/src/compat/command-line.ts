// pptpd's command-line flags laid over pptpd.conf (pptpd.c main: "Command line options will override
// any default settings and any settings specified in the config file"). Values are the strings given
// on the command line, read as pptpd reads them; the flags share the keywords' handlers.
import { commandLine, type Findings } from './findings.js';
import { applyPptpdKeyword, type PptpdConf, type PptpdConfDraft } from './pptpd-conf.js';

/** pptpd 1.4.0's flags that carry configuration (-c/--conf, -f/--fg, -h and -v are the CLI's own). */
export interface PptpdCommandLine {
  /** -o/--option */
  readonly option?: string;
  /** -d/--debug */
  readonly debug?: boolean;
  /** -l/--listen */
  readonly listen?: string;
  /** -C/--connections */
  readonly connections?: string;
  /** -t/--stimeout */
  readonly stimeout?: string;
  /** -p/--pidfile */
  readonly pidfile?: string;
  /** -i/--noipparam */
  readonly noipparam?: boolean;
  /** -w/--logwtmp */
  readonly logwtmp?: boolean;
  /** -D/--delegate */
  readonly delegate?: boolean;
  /** -b/--bcrelay */
  readonly bcrelay?: string;
  /** -e/--ppp */
  readonly ppp?: string;
  /** -s/--speed */
  readonly speed?: string;
  /** -V/--vrf */
  readonly vrf?: string;
}

const settingOf: Partial<Record<keyof PptpdCommandLine, keyof PptpdConf>> = {
  option: 'option',
  debug: 'debug',
  listen: 'listen',
  connections: 'connections',
  stimeout: 'stimeoutSeconds',
  pidfile: 'pidfile',
};

export function overlayCommandLine(conf: PptpdConf, flags: PptpdCommandLine, out: Findings): PptpdConf {
  const draft: PptpdConfDraft = { ...conf };
  for (const [flag, given] of Object.entries(flags) as [
    keyof PptpdCommandLine,
    string | boolean | undefined,
  ][]) {
    if (given === undefined || given === false) continue;
    const setting = settingOf[flag];
    const previous = setting ? conf[setting] : undefined;
    applyPptpdKeyword(draft, flag, given === true ? '' : given, commandLine, `--${flag}`, out);
    if (previous && setting && draft[setting] !== previous) {
      out.note(previous.at, flag, `overridden by --${flag} on the command line`);
      if (flag === 'connections') {
        // pptpd.c reads `connections` from the file unconditionally, after the flags: there the file wins.
        out.note(
          commandLine,
          '--connections',
          "wins over pptpd.conf, as pptpd's usage promises (pptpd 1.4.0 itself lets the file win)",
        );
      }
    }
  }
  return draft;
}
