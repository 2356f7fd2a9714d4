// Builds IPCP per session: the NetworkControlFactory registered by the plugin (server) or built directly
// by the client application (client role, no pool).
import type { NetworkControlFactory } from '@switchyard/ppp';
import { type IpcpConfig, resolveIpcpConfig } from './config.js';
import { Ipcp } from './machine/ipcp.js';
import type { IpcpDependencies } from './machine/lease.js';

/** `dependencies` may be a function, resolved at the first session (after every plugin started). */
export function createIpcpFactory(
  config: Partial<IpcpConfig> = {},
  dependencies: IpcpDependencies | (() => IpcpDependencies) = {},
): NetworkControlFactory {
  const resolved = resolveIpcpConfig(config);
  const deps = typeof dependencies === 'function' ? dependencies : () => dependencies;
  return {
    name: 'IPCP',
    create: (context, events) => new Ipcp(context, events, { config: resolved, ...deps() }),
  };
}
