// The ip-pool config section: pptpd.conf's `remoteip` and `localip` in pptpd's own syntax, checked before
// anything starts (every bad item reported with its reason), then paired into connection slots.
import type { ConfigProblem } from '@switchyard/core';
import { duplicateAddresses, parseIpRanges } from './codec/ip-ranges.js';
import { pairSlots, type SlotPlan } from './machine/slots.js';

export interface IpPoolConfig {
  /** Addresses given to peers, e.g. `10.0.0.200-210` or `192.168.0.234-238,192.168.0.245`. */
  readonly remoteip: string;
  /** Our end of each link: one address shared by all, or one per remote address (paired by position). */
  readonly localip: string;
}

/** pptpd's default when pptpd.conf has no `localip` (defaults.h DEFAULT_LOCAL_IP_LIST). */
export const defaultLocalIp = '192.168.0.1-100';

export const ipPoolConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['remoteip'],
  properties: {
    remoteip: { type: 'string' },
    localip: { type: 'string', default: defaultLocalIp },
  },
} as const;

export function validateIpPoolConfig(config: Readonly<IpPoolConfig>): ConfigProblem[] {
  const remote = parseIpRanges(config.remoteip, '/remoteip');
  const local = parseIpRanges(config.localip, '/localip');
  const problems = [...(remote.ok ? [] : remote.problems), ...(local.ok ? [] : local.problems)];
  // pptpd accepts a repeated remote address and then gives it to two clients at once; refuse it.
  for (const address of remote.ok ? duplicateAddresses(remote.addresses) : []) {
    problems.push({
      path: '/remoteip',
      value: address,
      reason: 'listed more than once: two sessions would be given the same address',
    });
  }
  return problems;
}

/** Slots for a config that validate() accepted. */
export function planSlots(config: Readonly<IpPoolConfig>): SlotPlan {
  const remote = parseIpRanges(config.remoteip, '/remoteip');
  const local = parseIpRanges(config.localip, '/localip');
  if (!remote.ok || !local.ok)
    throw new Error('ip-pool: planSlots() called with a config that failed validate()');
  return pairSlots(remote.addresses, local.addresses);
}
