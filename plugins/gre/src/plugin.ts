// gre: PPTP's enhanced GRE data path as a plugin. It provides the CallChannelFactory the PPTP control
// plugin opens one channel per call from; all calls share one raw protocol-47 socket.
import {
  callChannelFactoryToken,
  clockToken,
  createToken,
  definePlugin,
  loggerToken,
} from '@switchyard/core';
import { greConfigSchema, type GreConfig } from './config.js';
import { GreEndpoint } from './io/gre-endpoint.js';

/** This appliance's endpoint (private to the plugin: start() opens the socket of the instance register() made). */
const greEndpointToken = createToken<GreEndpoint>('gre.endpoint');

export const grePlugin = definePlugin<GreConfig>({
  id: 'gre',
  configSchema: greConfigSchema,
  provides: [callChannelFactoryToken],
  register: (container, config) => {
    // Core registers the clock and logger before any plugin registers; the constructor does no I/O.
    const endpoint = new GreEndpoint({
      clock: container.resolve(clockToken),
      logger: container.resolve(loggerToken).child({ plugin: 'gre' }),
      config,
    });
    container.registerInstance(greEndpointToken, endpoint);
    container.registerInstance(callChannelFactoryToken, endpoint);
  },
  start: ({ container, logger }) => {
    const endpoint = container.resolve(greEndpointToken);
    endpoint.start();
    return {
      stop: () => {
        endpoint.stop();
        logger.debug('GRE endpoint stopped', { drops: JSON.stringify(endpoint.stats()) });
      },
    };
  },
});
