// Which authentication protocols LCP asks for and agrees to, from pppd's options (anchors §1.6): on the
// server, `require-*` name the protocols the peer must use and `auth` alone means any we can check; on
// the client, every protocol we can prove with except those `refuse-*` names. Strongest first.
import type { Authenticator } from '@switchyard/core';
import type { PppRole } from '@switchyard/ppp';
import type { LcpConfig } from '../config.js';
import type { AuthChoice, AuthPolicy } from '../options/auth-protocol.js';

type RequireFlag = 'requirePap' | 'requireChap' | 'requireMschap' | 'requireMschapV2' | 'requireEap';
type RefuseFlag = 'refusePap' | 'refuseChap' | 'refuseMschap' | 'refuseMschapV2' | 'refuseEap';

/** Authenticator names (core's Authenticator.name) and their pppd option suffixes. */
const REQUIRE: Readonly<Record<string, RequireFlag>> = {
  pap: 'requirePap',
  'chap-md5': 'requireChap',
  mschap: 'requireMschap',
  'mschap-v2': 'requireMschapV2',
  eap: 'requireEap',
};
const REFUSE: Readonly<Record<string, RefuseFlag>> = {
  pap: 'refusePap',
  'chap-md5': 'refuseChap',
  mschap: 'refuseMschap',
  'mschap-v2': 'refuseMschapV2',
  eap: 'refuseEap',
};

export interface LcpAuthPolicy extends AuthPolicy {
  /** The peer must authenticate (server role with `auth` or any `require-*`). */
  readonly required: boolean;
  /** The `require-*` protocols named in the config (empty: any). */
  readonly requiredNames: readonly string[];
}

const choice = (authenticator: Authenticator): AuthChoice => ({
  name: authenticator.name,
  protocol: authenticator.protocol,
  data: authenticator.lcpData,
});

export function lcpAuthPolicy(
  config: Readonly<LcpConfig>,
  role: PppRole,
  authenticators: readonly Authenticator[],
): LcpAuthPolicy {
  const choices = [...authenticators].sort((a, b) => b.strength - a.strength).map(choice);
  if (role === 'client') {
    const refused = (name: string) => {
      const flag = REFUSE[name];
      return flag !== undefined && config[flag];
    };
    const accept = choices.filter((c) => !refused(c.name));
    return { request: [], accept, required: false, requiredNames: [] };
  }
  const requiredNames = Object.entries(REQUIRE)
    .filter(([, flag]) => config[flag])
    .map(([name]) => name);
  const required = config.auth || requiredNames.length > 0;
  const request = !required
    ? []
    : requiredNames.length > 0
      ? choices.filter((c) => requiredNames.includes(c.name))
      : choices;
  return { request, accept: [], required, requiredNames };
}

type PoliciesByRole = Partial<Record<PppRole, LcpAuthPolicy>>;
const policies = new WeakMap<Readonly<LcpConfig>, WeakMap<readonly Authenticator[], PoliciesByRole>>();

/**
 * lcpAuthPolicy, computed once per (config, role, authenticator list): the ppp driver hands every
 * session the same resolved config and list, and the policy is read-only, so sessions share it instead
 * of each sorting and holding its own copy.
 */
export function sharedLcpAuthPolicy(
  config: Readonly<LcpConfig>,
  role: PppRole,
  authenticators: readonly Authenticator[],
): LcpAuthPolicy {
  let byList = policies.get(config);
  if (byList === undefined) policies.set(config, (byList = new WeakMap()));
  let byRole = byList.get(authenticators);
  if (byRole === undefined) byList.set(authenticators, (byRole = {}));
  return (byRole[role] ??= lcpAuthPolicy(config, role, authenticators));
}
