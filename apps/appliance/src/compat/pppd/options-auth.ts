// Authentication options of pppd 2.4.9: auth.c auth_options, chap-new.c, upap.c and eap.c option lists.
// require-*/auth/noauth set what we demand of the peer (lcp_wantoptions, auth_required); refuse-* only
// limit how pppd authenticates *itself*, which a server never does.
import type { ChapDigest, PppdDraft, RefusedProtocol } from './state.js';
import { flag, integer, noEffect, refused, withArg, type OptionSpec } from './spec.js';

/** pppd MAXNAMELEN: `name` is copied with strlcpy into 256 bytes. */
const maxNameLength = 255;

const ourselves =
  'no effect: it only matters when pppd authenticates itself to the peer, which a server never does';

const require = (name: string, alias: string | undefined, set: (d: PppdDraft) => void): OptionSpec =>
  flag(
    name,
    (d) => {
      set(d);
      d.auth.required = true; // OPT_PRIOSUB of `auth`, addr2 = &auth_required
      d.auth.noauth = false;
    },
    alias === undefined ? undefined : [alias],
  );
const requireChap = (name: string, alias: string, digest: ChapDigest) =>
  require(name, alias, (d) => d.auth.chap.add(digest)); // OPT_A2OR into lcp_wantoptions.chap_mdtype
const refuse = (name: string, alias: string | undefined, protocol: RefusedProtocol) =>
  flag(name, (d) => d.auth.refuse.add(protocol), alias === undefined ? undefined : [alias]);
const eapNoEffect = (name: string, args: 0 | 1) =>
  noEffect(name, args, 'no effect: EAP is not implemented, so its timers and SRP settings are unused');

export const authOptions: readonly OptionSpec[] = [
  withArg('name', (d, arg, ctx) => {
    if (arg === '')
      return ctx.problem(arg, 'empty name: pppd would use the host name; give the name chap-secrets uses');
    if (arg.length > maxNameLength) ctx.remark(`pppd keeps only the first ${maxNameLength} characters`);
    d.name = arg.slice(0, maxNameLength);
  }),
  noEffect('remotename', 1, ourselves),
  flag('auth', (d) => {
    d.auth.required = true;
    d.auth.noauth = false;
  }),
  flag('noauth', (d) => {
    d.auth.required = false;
    d.auth.noauth = true; // allow_any_ip
  }),
  require('require-pap', '+pap', (d) => (d.auth.pap = true)),
  requireChap('require-chap', '+chap', 'md5'),
  requireChap('require-mschap', '+mschap', 'mschap'),
  requireChap('require-mschap-v2', '+mschap-v2', 'mschap-v2'),
  require('require-eap', undefined, (d) => (d.auth.eap = true)),
  refuse('refuse-pap', '-pap', 'pap'),
  refuse('refuse-chap', '-chap', 'md5'),
  refuse('refuse-mschap', '-mschap', 'mschap'),
  refuse('refuse-mschap-v2', '-mschap-v2', 'mschap-v2'),
  refuse('refuse-eap', undefined, 'eap'),
  noEffect('user', 1, ourselves),
  noEffect('password', 1, ourselves),
  noEffect('+ua', 1, ourselves),
  refused('usehostname', 0, "the host name is not looked up: give our name with 'name'"),
  withArg('chap-secrets', (d, arg) => (d.chapSecretsPath = arg)),
  withArg('pap-secrets', (d, arg) => (d.papSecretsPath = arg)),
  refused('login', 0, 'checking PAP passwords against the system password database is not implemented'),
  refused('papcrypt', 0, 'crypt()-hashed pap-secrets entries are not implemented'),
  noEffect('enable-session', 0, 'no effect: no PAM or utmp login sessions are kept'),
  noEffect('privgroup', 1, 'no effect: the appliance has no unprivileged users to admit'),
  refused('allow-ip', 1, 'addresses a peer may use without authenticating (allow-ip) are not implemented'),
  noEffect(
    'remotenumber',
    1,
    "no effect: each call's remote number is the client's IP address, as pptpd passes it",
  ),
  refused('allow-number', 1, 'restricting callers by number (pptpd passes the client IP) is not implemented'),
  flag('chapms-strip-domain', (d) => (d.chap.msStripDomain = true)),
  integer('chap-restart', (d, n) => (d.chap.restartSeconds = n), { min: 1 }),
  integer('chap-max-challenge', (d, n) => (d.chap.maxChallenge = n), { min: 1 }),
  integer('chap-interval', (d, n) => (d.chap.intervalSeconds = n)),
  noEffect('pap-restart', 1, ourselves),
  noEffect('pap-max-authreq', 1, ourselves),
  integer('pap-timeout', (d, n) => (d.papTimeoutSeconds = n)),
  noEffect('hide-password', 0, 'no effect: passwords are never logged'),
  noEffect('show-password', 0, 'no effect: passwords are never logged, whatever this option says'),
  eapNoEffect('eap-restart', 1),
  eapNoEffect('eap-max-sreq', 1),
  eapNoEffect('eap-timeout', 1),
  eapNoEffect('eap-max-rreq', 1),
  eapNoEffect('eap-interval', 1),
  eapNoEffect('srp-interval', 1),
  eapNoEffect('srp-pn-secret', 1),
  eapNoEffect('srp-use-pseudonym', 0),
];
