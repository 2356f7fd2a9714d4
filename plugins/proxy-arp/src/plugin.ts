// proxy-arp: pppd's `proxyarp` for every session. When a session is given an address, the LAN
// interface whose subnet holds it publishes that address with its own MAC, so LAN hosts send the
// client's traffic to us and the kernel forwards it into the tunnel (anchors §6 #23).
import { definePlugin, type Logger } from '@switchyard/core';
import { proxyArpConfigSchema, type ProxyArpConfig } from './config.js';
import { kernelHostNetwork, type HostNetwork } from './io/host-network.js';
import { ProxyArpEntries } from './io/proxy-arp-entries.js';

export const proxyArpPlugin = definePlugin<ProxyArpConfig>({
  id: 'proxy-arp',
  configSchema: proxyArpConfigSchema,
  start: ({ config, logger, sessions }) => {
    if (!config.enabled) {
      logger.debug('proxy ARP disabled');
      return;
    }
    const network = kernelHostNetwork(config.netns);
    checkForwarding(network, config.ktune, logger);
    const entries = new ProxyArpEntries(network, logger);
    const { bus } = sessions;
    const onAssigned = (info: { id: number }, address: string) => {
      const session = sessions.get(info.id);
      if (session?.isOpen) entries.publish(session, address);
    };
    // The release hook withdraws the entry; `down` covers a session that closed while we published.
    const onDown = (info: { id: number }) => entries.withdraw(info.id);
    bus.on('ipAssigned', onAssigned);
    bus.on('down', onDown);
    return {
      stop: () => {
        bus.off('ipAssigned', onAssigned);
        bus.off('down', onDown);
        entries.withdrawAll();
      },
    };
  },
});

/** pppd's ktune, or a clear warning: without forwarding no proxy ARP entry is ever answered. */
function checkForwarding(network: HostNetwork, ktune: boolean, logger: Logger): void {
  try {
    if (ktune) {
      network.enableIpForwarding();
      logger.info('IP forwarding enabled (ktune)');
    } else if (!network.ipForwarding()) {
      logger.warn(
        'IP forwarding is off (net.ipv4.ip_forward=0): the kernel answers no proxy ARP request ' +
          'and forwards nothing to tunnel clients; enable it or set proxy-arp.ktune',
      );
    }
  } catch (error) {
    logger.warn(ktune ? "Couldn't enable IP forwarding" : 'cannot read net.ipv4.ip_forward', {
      error: String(error),
    });
  }
}
