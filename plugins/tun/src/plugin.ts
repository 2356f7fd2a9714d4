// tun: the appliance's PacketSink. Decrypted IP packets from every session go into one TUN device and
// the kernel routes them; packets the kernel routes to a session's address come back to that session.
import { createToken, definePlugin, loggerToken, packetSinkToken } from '@switchyard/core';
import { tunConfigSchema, type TunConfig } from './config.js';
import { TunPacketSink } from './io/tun-sink.js';

/** The sink itself (for its stats); other plugins use packetSinkToken. */
export const tunSinkToken = createToken<TunPacketSink>('tun.sink');

export const tunPlugin = definePlugin<TunConfig>({
  id: 'tun',
  configSchema: tunConfigSchema,
  provides: [packetSinkToken],
  register: (container, config) => {
    // Core registers the logger before any plugin registers; the constructor does no I/O.
    const sink = new TunPacketSink({
      config,
      logger: container.resolve(loggerToken).child({ plugin: 'tun' }),
    });
    container.registerInstance(tunSinkToken, sink);
    container.registerInstance(packetSinkToken, sink);
  },
  start: ({ container, config, logger }) => {
    const sink = container.resolve(tunSinkToken);
    sink.start();
    logger.info(`Using interface ${sink.deviceName ?? config.name}`, {
      mtu: config.mtu,
      ...(config.localAddress !== undefined && { localAddress: config.localAddress }),
    });
    return {
      stop: () => {
        const stats = sink.stats();
        sink.stop();
        logger.debug('TUN device closed', { stats: JSON.stringify(stats) });
      },
    };
  },
});
