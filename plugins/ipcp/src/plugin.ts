// ipcp: the IP Control Protocol (RFC 1332, RFC 1877) as a NetworkControlFactory. Peer addresses come
// from the AddressPool; IP packets go to the PacketSink (the tun plugin) when one is installed.
import { addressPoolToken, definePlugin, ipLayerHooksToken, packetSinkToken } from '@switchyard/core';
import { networkControlToken } from '@switchyard/ppp';
import { type IpcpConfig, ipcpConfigSchema, validateIpcpConfig } from './config.js';
import { createIpcpFactory } from './factory.js';
import type { IpcpDependencies } from './machine/lease.js';

export const ipcpPlugin = definePlugin<IpcpConfig>({
  id: 'ipcp',
  configSchema: ipcpConfigSchema,
  provides: [networkControlToken],
  requires: [addressPoolToken],
  uses: [packetSinkToken, ipLayerHooksToken],
  validate: validateIpcpConfig,
  register: (container, config) => {
    // Resolved at the first session: every provider has registered and started by then.
    let dependencies: IpcpDependencies | undefined;
    const resolve = () =>
      (dependencies ??= {
        pool: container.resolve(addressPoolToken),
        ...(container.isRegistered(packetSinkToken, true) && { sink: container.resolve(packetSinkToken) }),
        ...(container.isRegistered(ipLayerHooksToken, true) && {
          hooks: container.resolve(ipLayerHooksToken),
        }),
      });
    container.registerInstance(networkControlToken, createIpcpFactory(config, resolve));
  },
  start: ({ config, container, logger }) => {
    if (!container.isRegistered(packetSinkToken, true)) {
      logger.warn('no packet sink installed: IP packets from peers will be dropped');
    }
    logger.debug('IPCP ready', { msDns: config.msDns.join(','), msWins: config.msWins.join(',') });
  },
});
