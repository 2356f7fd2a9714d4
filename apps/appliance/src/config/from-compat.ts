// pptpd.conf + options.pptpd (as CompatConfig) → the plugins' native config sections. Pure: every pppd
// option the compat reader typed lands in the section of the plugin that implements it; an option left
// undefined keeps that plugin's own default (which is pppd's).
import type { CompatConfig } from '../compat/index.js';
import { pppdDefaults } from '../compat/compat-config.js';

export interface FromCompatOptions {
  /** pppd's default `name` is the host name. */
  readonly hostName: string;
  /** --secrets: where chap-secrets is, over pppd's /etc/ppp/chap-secrets. */
  readonly secretsPath?: string;
}

type Section = Record<string, unknown>;

/** Drops undefined values so the plugin's schema default applies. */
const defined = (section: Section): Section =>
  Object.fromEntries(Object.entries(section).filter(([, v]) => v !== undefined));

export function nativeConfigFromCompat(c: CompatConfig, options: FromCompatOptions): Record<string, Section> {
  const { lcp, ipcp, ccp, chap } = c.ppp;
  const requires = new Set(c.auth.protocols);
  const chapTimers = {
    restartSeconds: chap.restartSeconds,
    maxChallenge: chap.maxChallenge,
    intervalSeconds: chap.intervalSeconds,
  };
  const singleLocal = /^\d+\.\d+\.\d+\.\d+$/.test(c.localip) ? c.localip : undefined;
  return {
    core: { log: { level: c.debug ? 'debug' : 'info', format: 'text' } },
    'pptp-control': defined({ listen: c.listen, connections: c.connections, stimeout: c.stimeoutSeconds }),
    gre: {},
    ppp: defined({
      name: c.ppp.name ?? options.hostName,
      idle: c.ppp.idleSeconds,
      maxconnect: c.ppp.maxconnectSeconds,
    }),
    lcp: defined({
      mru: lcp.negotiateMru ? lcp.mruBytes : undefined,
      mtu: lcp.mtuBytes,
      asyncmap: lcp.negotiateAsyncmap ? lcp.asyncmap : undefined,
      lcpEchoInterval: lcp.echoIntervalSeconds,
      lcpEchoFailure: lcp.echoFailures,
      lcpEchoAdaptive: lcp.echoAdaptive,
      lcpRestart: lcp.restartSeconds,
      lcpMaxConfigure: lcp.maxConfigure,
      lcpMaxTerminate: lcp.maxTerminate,
      lcpMaxFailure: lcp.maxFailure,
      passive: lcp.passive || undefined,
      silent: lcp.silent || undefined,
      auth: c.auth.required,
      requirePap: requires.has('pap'),
      requireChap: requires.has('chap-md5'),
      requireMschap: requires.has('mschap'),
      requireMschapV2: requires.has('mschap-v2'),
      requireEap: requires.has('eap'),
      refusePap: c.ppp.auth.refuse.includes('pap'),
      refuseChap: c.ppp.auth.refuse.includes('md5'),
      refuseMschap: c.ppp.auth.refuse.includes('mschap'),
      refuseMschapV2: c.ppp.auth.refuse.includes('mschap-v2'),
      refuseEap: c.ppp.auth.refuse.includes('eap'),
      nopcomp: !lcp.pcomp,
      noaccomp: !lcp.accomp,
      magic: lcp.magic,
    }),
    'auth-mschapv2': defined({ ...chapTimers, stripDomain: chap.msStripDomain }),
    'auth-mschapv1': defined({ ...chapTimers, stripDomain: chap.msStripDomain }),
    'auth-chap-md5': defined(chapTimers),
    'auth-pap': defined({ timeoutSeconds: c.ppp.papTimeoutSeconds }),
    mppe: defined({
      noccp: !ccp.enabled,
      requireMppe: c.mppe.strengths.length === 2,
      requireMppe40: c.mppe.strengths.length === 1 && c.mppe.strengths[0] === 40,
      requireMppe128: c.mppe.strengths.length === 1 && c.mppe.strengths[0] === 128,
      mppeStateful: c.mppe.statefulAllowed,
    }),
    ipcp: defined({
      msDns: [...ipcp.msDns],
      msWins: [...ipcp.msWins],
      ipcpRestart: ipcp.restartSeconds,
      ipcpMaxConfigure: ipcp.maxConfigure,
      ipcpMaxTerminate: ipcp.maxTerminate,
      ipcpMaxFailure: ipcp.maxFailure,
    }),
    'ip-pool': { localip: c.localip, remoteip: c.remoteip },
    'secrets-file': { path: options.secretsPath ?? c.ppp.chapSecretsPath ?? c.chapSecretsPath },
    tun: defined({ localAddress: singleLocal }),
    'proxy-arp': { enabled: ipcp.proxyarp, ktune: c.enableIpForwarding },
    'ppp-scripts': pppScripts(c),
    'session-log': {},
  };
}

/** pppd runs /etc/ppp/ip-up and the others whenever they exist, unless an option names other files. */
function pppScripts(c: CompatConfig): Section {
  const { scripts, ipparam, childTimeoutSeconds, environment } = c.ppp;
  return defined({
    ipPreUp: scripts.ipPreUp ?? pppdDefaults.ipPreUp,
    ipUp: scripts.ipUp ?? pppdDefaults.ipUp,
    ipDown: scripts.ipDown ?? pppdDefaults.ipDown,
    ipparam: c.ipparamPeerAddress ? undefined : ipparam,
    ipparamPeerAddress: c.ipparamPeerAddress,
    environment: { ...environment },
    // pppd's child-timeout 0 waits for ever; an appliance stop waits an hour at most.
    stopTimeoutSeconds:
      childTimeoutSeconds === undefined ? undefined : childTimeoutSeconds === 0 ? 3600 : childTimeoutSeconds,
  });
}
