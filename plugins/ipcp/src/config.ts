// The ipcp config section: pppd's IPCP options under their pppd names in camelCase (pppd.8; anchors
// §1.6): ms-dns, ms-wins, the local address fallback, usepeerdns for the client role, and the automaton
// timers. Addresses are checked before anything starts.
import type { ConfigProblem } from '@switchyard/core';
import { parseIpv4 } from './options/ipv4.js';

export interface IpcpConfig {
  /** Our address when the lease does not carry one (pptpd `localip` pairs it with the lease). */
  readonly localip?: string;
  /** pppd `ms-dns` (up to 2): given to peers in options 129/131 (RFC 1877). */
  readonly msDns: readonly string[];
  /** pppd `ms-wins` (up to 2): given in options 130/132. */
  readonly msWins: readonly string[];
  /** pppd `usepeerdns` (client role): ask the server for DNS addresses. */
  readonly usepeerdns: boolean;
  /** pppd `ipcp-restart`, seconds. */
  readonly ipcpRestart: number;
  readonly ipcpMaxConfigure: number;
  readonly ipcpMaxTerminate: number;
  readonly ipcpMaxFailure: number;
}

const addresses = { type: 'array', items: { type: 'string' }, maxItems: 2, default: [] } as const;
const count = (fallback: number) =>
  ({ type: 'integer', minimum: 1, maximum: 255, default: fallback }) as const;

export const ipcpConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    localip: { type: 'string' },
    msDns: addresses,
    msWins: addresses,
    usepeerdns: { type: 'boolean', default: true },
    ipcpRestart: { type: 'integer', minimum: 1, maximum: 600, default: 3 },
    ipcpMaxConfigure: count(10),
    ipcpMaxTerminate: count(2),
    ipcpMaxFailure: count(5),
  },
} as const;

export const IPCP_DEFAULTS: IpcpConfig = {
  msDns: [],
  msWins: [],
  usepeerdns: true,
  ipcpRestart: 3,
  ipcpMaxConfigure: 10,
  ipcpMaxTerminate: 2,
  ipcpMaxFailure: 5,
};

export const resolveIpcpConfig = (overrides: Partial<IpcpConfig> = {}): IpcpConfig => ({
  ...IPCP_DEFAULTS,
  ...overrides,
});

export function validateIpcpConfig(config: Readonly<IpcpConfig>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (path: string, value: string) => {
    const parsed = parseIpv4(value);
    if (parsed === undefined) problems.push({ path, value, reason: 'not an IPv4 address (a.b.c.d)' });
    else if (parsed === 0) problems.push({ path, value, reason: '0.0.0.0 cannot be given to peers' });
  };
  if (config.localip !== undefined) check('/localip', config.localip);
  config.msDns.forEach((value, i) => check(`/msDns/${i}`, value));
  config.msWins.forEach((value, i) => check(`/msWins/${i}`, value));
  return problems;
}
