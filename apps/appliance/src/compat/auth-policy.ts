// The authentication pppd 2.4.9 demands of the peer, computed as auth.c auth_check_options and lcp.c
// lcp_addci do: with `auth` and no require-* option every protocol is asked for; refuse-* never narrows
// that (it only limits how pppd authenticates itself). Pure.
import type { Findings, Source } from './findings.js';
import type { PppdOptions } from './pppd/state.js';

export type AuthProtocol = 'eap' | 'chap-md5' | 'mschap-v2' | 'mschap' | 'pap';

export interface AuthPolicy {
  /** auth_required: the peer must authenticate before any network protocol runs. */
  readonly required: boolean;
  /**
   * What the peer may authenticate with, in the order pppd offers them in LCP: EAP, then CHAP with the
   * digest CHAP_DIGEST picks first (MD5, MS-CHAPv2, MS-CHAP), then PAP. pppd moves down the list when
   * the peer Configure-Naks with another protocol it also allows. Empty when not required.
   */
  readonly protocols: readonly AuthProtocol[];
  /** `noauth` was given: peers are let in without authenticating (pppd's allow_any_ip). */
  readonly noauth: boolean;
}

const chapProtocol = { md5: 'chap-md5', 'mschap-v2': 'mschap-v2', mschap: 'mschap' } as const;
const refuseOption = {
  pap: 'refuse-pap',
  md5: 'refuse-chap',
  mschap: 'refuse-mschap',
  'mschap-v2': 'refuse-mschap-v2',
  eap: 'refuse-eap',
} as const;

export function computeAuthPolicy(options: PppdOptions): AuthPolicy {
  const { required, noauth } = options.auth;
  if (!required) return { required: false, protocols: [], noauth };
  let { pap, eap, chap } = options.auth;
  // "If authentication is required, ask peer for CHAP, PAP, or EAP" when no require-* named one.
  if (chap.length === 0 && !pap && !eap) [chap, pap, eap] = [['md5', 'mschap-v2', 'mschap'], true, true];
  const protocols: AuthProtocol[] = [];
  if (eap) protocols.push('eap');
  protocols.push(...chap.map((digest) => chapProtocol[digest]));
  if (pap) protocols.push('pap');
  return { required, protocols, noauth: false };
}

/** What an administrator must know about the policy: refused setups, and the pppd rules people miss. */
export function checkAuthPolicy(policy: AuthPolicy, options: PppdOptions, file: Source, out: Findings): void {
  const origin = (name: string) => options.origin.get(name);
  if (!policy.required && !policy.noauth) {
    out.problem(
      file,
      'auth',
      false,
      "no option requires the peer to authenticate (auth, require-mschap-v2, …): pppd, run as root by pptpd, would not authenticate peers at all. Add 'require-mschap-v2' (or 'auth'), or write 'noauth' if that is really meant",
    );
  }
  if (policy.noauth) {
    out.note(
      origin('noauth') ?? file,
      'noauth',
      'peers are not authenticated: anyone who reaches TCP 1723 gets an address',
    );
  }
  if (policy.protocols.includes('eap')) {
    const at = origin('require-eap') ?? origin('auth') ?? file;
    const others = policy.protocols.filter((p) => p !== 'eap');
    if (others.length === 0)
      out.problem(at, 'require-eap', true, 'EAP is not implemented: require another protocol');
    else
      out.note(
        at,
        'eap',
        `EAP is not implemented: it is left out and the peer is asked for ${others[0]} first`,
      );
  }
  const refused = options.auth.refuse;
  if (refused.length > 0) {
    const names = refused.map((p) => refuseOption[p]);
    const peerMay = policy.protocols.filter((p) => refused.includes(p === 'chap-md5' ? 'md5' : p));
    out.note(
      names.map(origin).find((at) => at !== undefined) ?? file,
      names.length === 1 ? (names[0] ?? '') : 'refuse-*',
      `${names.join(', ')}: these only stop us authenticating ourselves to the peer, which a server never does` +
        (peerMay.length > 0
          ? `; the peer may still use ${peerMay.join(', ')} (require-* options decide that)`
          : ''),
    );
  }
}
