// pptpd.conf + pptpd's command line + the pppd options files → one CompatConfig, the way pptpd 1.4.0
// starts pppd 2.4.9 for each call (`pppd local file <option> … <local>:<remote> ipparam <client>`):
// /etc/ppp/options first, then the `option` file. Pure: file texts in, reads through readInclude.
import { checkAuthPolicy, computeAuthPolicy } from './auth-policy.js';
import { overlayCommandLine, type PptpdCommandLine } from './command-line.js';
import { planAddresses } from './addresses.js';
import { pppdDefaults, pptpdDefaults, type CompatConfig } from './compat-config.js';
import { errorText, Findings, type ReadInclude, type Source } from './findings.js';
import { checkMppePolicy, computeMppePolicy } from './mppe-policy.js';
import { parsePppdOptions, type OptionsFile } from './pppd-options.js';
import { parsePptpdConf, type PptpdConf } from './pptpd-conf.js';

export interface CompatInput {
  /** pptpd.conf's path and text; absent when there is none (pptpd's defaults apply). */
  readonly pptpdConf?: OptionsFile;
  readonly commandLine?: PptpdCommandLine;
  /**
   * /etc/ppp/options, which pppd reads before anything else (Debian's usually says `auth`, `lock`,
   * `proxyarp`…); absent when the file does not exist.
   */
  readonly systemOptions?: OptionsFile;
  /** Reads the `option` file and pppd `file`/`call` includes. */
  readonly readInclude?: ReadInclude;
}

export function resolveCompat(input: CompatInput): CompatConfig {
  const out = new Findings();
  const confFile = input.pptpdConf?.path ?? pptpdDefaults.configFile;
  const confAt: Source = { file: confFile, line: 0 };
  let conf: PptpdConf = {};
  if (input.pptpdConf) {
    const parsed = parsePptpdConf(input.pptpdConf.text, confFile);
    out.addAll(parsed);
    conf = parsed.conf;
  }
  if (input.commandLine) conf = overlayCommandLine(conf, input.commandLine, out);

  const files: OptionsFile[] = input.systemOptions ? [input.systemOptions] : [];
  if (conf.option) {
    try {
      if (!input.readInclude) throw new Error('no files can be read here');
      files.push({ path: conf.option.value, text: input.readInclude(conf.option.value) });
    } catch (error) {
      // pptpd.c: "MGR: PPP options file %s not readable", then exit(1).
      out.problem(
        conf.option.at,
        'option',
        conf.option.value,
        `PPP options file not readable: ${errorText(error)}`,
      );
    }
  } else {
    out.note(confAt, 'option', `not set: pppd reads only ${pppdDefaults.systemOptions}`);
  }
  const ppp = parsePppdOptions(files, input.readInclude);
  out.addAll(ppp);
  const optionsAt: Source = { file: conf.option?.value ?? pppdDefaults.systemOptions, line: 0 };

  const auth = computeAuthPolicy(ppp.options);
  checkAuthPolicy(auth, ppp.options, optionsAt, out);
  const mppe = computeMppePolicy(ppp.options);
  checkMppePolicy(mppe, auth, ppp.options, optionsAt, out);
  const addresses = planAddresses(conf.localip, conf.remoteip, conf.connections, confAt, out);

  const { name, ktune, ipcp } = ppp.options;
  if (name === undefined) {
    out.note(
      optionsAt,
      'name',
      "not set: pppd uses the host name, which chap-secrets' server column must then match (or be *)",
    );
  }
  if (ktune && !ipcp.proxyarp) {
    out.note(
      ppp.options.origin.get('ktune') ?? optionsAt,
      'ktune',
      'no effect without proxyarp: pppd only turns on IP forwarding for proxy ARP',
    );
  }
  const ipparamPeerAddress = conf.noipparam === undefined;
  if (ipparamPeerAddress && ppp.options.ipparam !== undefined) {
    out.note(
      ppp.options.origin.get('ipparam') ?? optionsAt,
      'ipparam',
      "overridden: pptpd passes 'ipparam <client IP>' after this file (add noipparam to pptpd.conf to keep it)",
    );
  }
  return {
    ...(conf.listen && { listen: conf.listen.value }),
    connections: addresses.connections,
    stimeoutSeconds: conf.stimeoutSeconds?.value ?? pptpdDefaults.stimeoutSeconds,
    localip: addresses.localip,
    remoteip: addresses.remoteip,
    ...(conf.pidfile && { pidFile: conf.pidfile.value }),
    debug: conf.debug !== undefined || ppp.options.debugLevel > 0,
    ...(conf.option && { optionsFile: conf.option.value }),
    ...(name !== undefined && { name }),
    chapSecretsPath: ppp.options.chapSecretsPath ?? pppdDefaults.chapSecrets,
    papSecretsPath: ppp.options.papSecretsPath ?? pppdDefaults.papSecrets,
    auth,
    mppe,
    enableIpForwarding: ktune && ipcp.proxyarp,
    ipparamPeerAddress,
    ppp: ppp.options,
    pppEntries: ppp.entries,
    notes: out.notes,
    problems: out.problems,
  };
}
