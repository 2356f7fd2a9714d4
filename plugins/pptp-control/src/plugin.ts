// pptp-control: the PAC side of PPTP (RFC 2637) as a TunnelTransport. It listens on TCP 1723, runs a
// control-connection machine per connection, and turns each connected call into a Link (PPP frames
// over a GRE CallChannel) for the PPP layer.
import { hostname } from 'node:os';
import { Subject } from 'rxjs';
import {
  callChannelFactoryToken,
  createToken,
  definePlugin,
  tunnelTransportToken,
  type Link,
  type TunnelTransport,
} from '@switchyard/core';
import { pptpControlConfigSchema, type PptpControlConfig } from './config.js';
import { listenTcp } from './io/tcp-listener.js';
import { CallIdAllocator } from './machine/call-id-allocator.js';
import { PacConnection } from './pac-connection.js';

/** The links stream of this appliance's transport (private: start() feeds what register() published). */
const pptpLinksToken = createToken<Subject<Link>>('pptp-control.links');

export const pptpControlPlugin = definePlugin<PptpControlConfig>({
  id: 'pptp-control',
  configSchema: pptpControlConfigSchema,
  provides: [tunnelTransportToken],
  requires: [callChannelFactoryToken],
  register: (container) => {
    const links = new Subject<Link>();
    const transport: TunnelTransport = { kind: 'pptp', links$: links.asObservable() };
    container.registerInstance(pptpLinksToken, links);
    container.register(tunnelTransportToken, { useValue: transport });
  },
  start: async ({ config, container, clock, logger, sessions }) => {
    const links = container.resolve(pptpLinksToken);
    const channels = container.resolve(callChannelFactoryToken);
    const callIds = new CallIdAllocator({ capacity: config.connections });
    const connections = new Set<PacConnection>();
    // What every connection is given alike, made once: a connection keeps its options.
    const identity = { hostName: config.hostName ?? hostname(), vendorString: config.vendor };
    const timers = { echoIntervalMs: config.echoInterval * 1000, echoTimeoutMs: config.echoTimeout * 1000 };
    const onLink = (link: Link) => links.next(link);
    const onClosed = (c: PacConnection) => connections.delete(c);
    const listener = await listenTcp(config.listen, config.port, (socket) => {
      if (connections.size >= config.connections) {
        // pptpd's behaviour when every slot is taken: close the new connection at once.
        logger.warn(
          `connection from ${socket.remoteAddress} refused: connections limit (${config.connections}) reached`,
        );
        socket.end();
        return;
      }
      const connection = new PacConnection({
        socket,
        clock,
        logger,
        sessions,
        channels,
        callIds,
        identity,
        timers,
        startTimeoutMs: config.stimeout * 1000,
        onLink,
        onClosed,
      });
      connections.add(connection);
    });
    logger.info(`listening on ${config.listen}:${listener.port}`);
    return {
      port: listener.port,
      stop: async () => {
        await Promise.all([...connections].map((c) => c.stop()));
        await listener.close();
        links.complete();
      },
    };
  },
});
