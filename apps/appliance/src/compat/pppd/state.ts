// The typed result of reading pppd options files: pppd 2.4.9's option variables (auth.c, lcp.c, ipcp.c,
// ccp.c, chap-new.c, options.c) as they stand after every option has been applied, in file order.
// Absent numbers mean "pppd's default", which the protocol plugins own.
import type { Source } from '../findings.js';

export type ChapDigest = 'md5' | 'mschap' | 'mschap-v2';

export interface PppdAuthOptions {
  /** auth_required: `auth`, any require-*, or cleared by `noauth`. */
  readonly required: boolean;
  /** `noauth` was the last word on auth_required (pppd's allow_any_ip). */
  readonly noauth: boolean;
  /** lcp_wantoptions.neg_upap (`require-pap`). */
  readonly pap: boolean;
  /** lcp_wantoptions.neg_eap (`require-eap`). */
  readonly eap: boolean;
  /** lcp_wantoptions.chap_mdtype bits (`require-chap`, `require-mschap`, `require-mschap-v2`). */
  readonly chap: readonly ChapDigest[];
  /** refuse-*: protocols pppd will not use to authenticate itself *to* the peer. */
  readonly refuse: readonly RefusedProtocol[];
}

export interface PppdLcpOptions {
  readonly mtuBytes?: number;
  readonly mruBytes?: number;
  /** `default-mru`: do not negotiate the MRU. */
  readonly negotiateMru: boolean;
  /** `asyncmap` masks ORed together (o_uint32 OPT_OR); undefined when none was given. */
  readonly asyncmap?: number;
  /** `default-asyncmap`: do not negotiate the ACCM. */
  readonly negotiateAsyncmap: boolean;
  readonly accomp: boolean;
  readonly pcomp: boolean;
  readonly magic: boolean;
  readonly passive: boolean;
  readonly silent: boolean;
  readonly echoIntervalSeconds?: number;
  readonly echoFailures?: number;
  readonly echoAdaptive: boolean;
  readonly restartSeconds?: number;
  readonly maxConfigure?: number;
  readonly maxTerminate?: number;
  readonly maxFailure?: number;
}

export interface PppdIpcpOptions {
  /**
   * [primary, secondary] as ipcp.c setdnsaddr leaves them: the last two ms-dns given, and a single one
   * serves as both; empty when there is none.
   */
  readonly msDns: readonly string[];
  /** Like msDns, from ms-wins (setwinsaddr). */
  readonly msWins: readonly string[];
  readonly proxyarp: boolean;
  readonly vj: boolean;
  readonly vjccomp: boolean;
  readonly vjMaxSlots?: number;
  readonly restartSeconds?: number;
  readonly maxConfigure?: number;
  readonly maxTerminate?: number;
  readonly maxFailure?: number;
}

export interface PppdCcpOptions {
  /** `noccp`: no CCP at all (and so no MPPE). */
  readonly enabled: boolean;
  /** ccp_wantoptions.mppe: the strengths MPPE is required with; empty = MPPE off (pppd has no "optional"). */
  readonly mppe: readonly (40 | 128)[];
  /** refuse_mppe_stateful, true by default: pppd always asks for stateless. */
  readonly refuseMppeStateful: boolean;
  /**
   * Whether pppd would still negotiate these compressors, asked for or allowed (ccp_init: BSD and Deflate
   * both, Predictor-1 allowed); nobsdcomp, nodeflate and nopredictor1 clear them. None is implemented.
   */
  readonly bsdcomp: boolean;
  readonly deflate: boolean;
  readonly predictor1: boolean;
  /** bsdcomp/deflate/predictor1 given as requests, kept to report them. */
  readonly requested: readonly string[];
}

export interface PppdOptions {
  /** `name`: our name for authentication, and the server column chap-secrets lines must match. */
  readonly name?: string;
  readonly auth: PppdAuthOptions;
  readonly lcp: PppdLcpOptions;
  readonly ipcp: PppdIpcpOptions;
  readonly ccp: PppdCcpOptions;
  readonly chap: {
    readonly restartSeconds?: number;
    readonly maxChallenge?: number;
    readonly intervalSeconds?: number;
    /** `chapms-strip-domain`: drop `DOMAIN\` from MS-CHAP names before the secrets lookup. */
    readonly msStripDomain: boolean;
  };
  readonly papTimeoutSeconds?: number;
  readonly idleSeconds?: number;
  readonly maxconnectSeconds?: number;
  /** `debug` count (OPT_INC); `debug` in pptpd.conf is separate and handled by resolve. */
  readonly debugLevel: number;
  /** `dump`: log every option value at start. */
  readonly dump: boolean;
  readonly logfile?: string;
  /** `ktune`: pppd turns on net.ipv4.ip_forward when proxyarp is used (sys-linux.c). */
  readonly ktune: boolean;
  readonly chapSecretsPath?: string;
  readonly papSecretsPath?: string;
  /** `ip-pre-up-script`, `ip-up-script`, `ip-down-script`; absent ones are pppd's /etc/ppp defaults. */
  readonly scripts: { readonly ipPreUp?: string; readonly ipUp?: string; readonly ipDown?: string };
  /** `ipparam`: the scripts' 6th argument (pptpd's own `ipparam <client IP>` comes later and wins). */
  readonly ipparam?: string;
  /** `child-timeout`: seconds pppd waits for its scripts when it exits (0: for ever). */
  readonly childTimeoutSeconds?: number;
  /** `set NAME=value` minus `unset NAME`: extra variables for the scripts. */
  readonly environment: Readonly<Record<string, string>>;
  /** Where each option (by its canonical name) was last set: for messages. */
  readonly origin: ReadonlyMap<string, Source>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type RefusedProtocol = 'pap' | 'eap' | ChapDigest;

/** The draft option handlers write into (sets where pppd keeps bit masks); `origin` is kept by the reader. */
export interface PppdDraft extends Omit<
  Mutable<PppdOptions>,
  'auth' | 'lcp' | 'ipcp' | 'ccp' | 'chap' | 'origin'
> {
  auth: Omit<Mutable<PppdAuthOptions>, 'chap' | 'refuse'> & {
    chap: Set<ChapDigest>;
    refuse: Set<RefusedProtocol>;
  };
  lcp: Mutable<PppdLcpOptions>;
  ipcp: Omit<Mutable<PppdIpcpOptions>, 'msDns' | 'msWins'> & {
    msDns: string[];
    msWins: string[];
    /** ipcp_allowoptions.proxy_arp: `noproxyarp` clears it, and pppd then refuses a later `proxyarp`. */
    proxyarpAllowed: boolean;
  };
  ccp: Omit<Mutable<PppdCcpOptions>, 'mppe' | 'requested'> & { mppe: Set<40 | 128>; requested: string[] };
  chap: Mutable<PppdOptions['chap']>;
  scripts: Mutable<PppdOptions['scripts']>;
  environment: Record<string, string>;
}

/** pppd's state before any option: lcp_init, ipcp_init, ccp_init and the option variables' initial values. */
export function initialDraft(): PppdDraft {
  return {
    auth: { required: false, noauth: false, pap: false, eap: false, chap: new Set(), refuse: new Set() },
    lcp: {
      negotiateMru: true,
      negotiateAsyncmap: true,
      accomp: true,
      pcomp: true,
      magic: true,
      passive: false,
      silent: false,
      echoAdaptive: false,
    },
    ipcp: { msDns: [], msWins: [], proxyarp: false, proxyarpAllowed: true, vj: true, vjccomp: true },
    ccp: {
      enabled: true,
      mppe: new Set(),
      refuseMppeStateful: true,
      bsdcomp: true,
      deflate: true,
      predictor1: true,
      requested: [],
    },
    chap: { msStripDomain: false },
    debugLevel: 0,
    dump: false,
    ktune: false,
    scripts: {},
    environment: {},
  };
}

/** The draft as the read-only PppdOptions. */
export function finishDraft(draft: PppdDraft, origin: ReadonlyMap<string, Source>): PppdOptions {
  const { proxyarpAllowed: _allowed, ...ipcp } = draft.ipcp;
  return {
    ...draft,
    auth: {
      ...draft.auth,
      // chap-new.h CHAP_DIGEST: MD5 is asked for first, then MS-CHAPv2, then MS-CHAP.
      chap: (['md5', 'mschap-v2', 'mschap'] as const).filter((d) => draft.auth.chap.has(d)),
      refuse: (['pap', 'md5', 'mschap', 'mschap-v2', 'eap'] as const).filter((p) => draft.auth.refuse.has(p)),
    },
    lcp: { ...draft.lcp },
    ipcp: { ...ipcp, msDns: [...ipcp.msDns], msWins: [...ipcp.msWins] },
    ccp: {
      ...draft.ccp,
      mppe: [...draft.ccp.mppe].sort((a, b) => a - b),
      requested: [...draft.ccp.requested],
    },
    chap: { ...draft.chap },
    scripts: { ...draft.scripts },
    environment: { ...draft.environment },
    origin,
  };
}
