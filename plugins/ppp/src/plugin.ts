// ppp: the PPP session driver of the server. For every Link of every TunnelTransport it runs one
// PppSession with the appliance's LCP, NCPs, authenticators and credential stores (pppd's role behind
// pptpd, one per call).
import {
  authenticatorToken,
  credentialStoreToken,
  definePlugin,
  tunnelTransportToken,
  type DependencyContainer,
  type Token,
} from '@switchyard/core';
import { linkControlToken, networkControlToken } from '@switchyard/ppp';
import type { Subscription } from 'rxjs';
import { type PppConfig, pppConfigSchema } from './config.js';
import type { PppSessionOptions } from './machine/ppp-session.js';
import { runPppSession } from './run.js';

const all = <T>(container: DependencyContainer, token: Token<T>): T[] =>
  container.isRegistered(token, true) ? container.resolveAll(token) : [];

export const pppPlugin = definePlugin<PppConfig>({
  id: 'ppp',
  configSchema: pppConfigSchema,
  requires: [tunnelTransportToken, linkControlToken],
  uses: [authenticatorToken, networkControlToken, credentialStoreToken],
  start: ({ config, container, logger, clock }) => {
    const linkControl = container.resolve(linkControlToken);
    const networkControls = all(container, networkControlToken);
    const authenticators = all(container, authenticatorToken);
    const credentialStores = all(container, credentialStoreToken);
    if (authenticators.length > 0 && credentialStores.length === 0) {
      logger.warn('no credential store installed: every authentication will fail');
    }
    // The same for every session: one object, not one per session (each session keeps it).
    const options: PppSessionOptions = {
      role: 'server',
      localName: config.name,
      clock,
      linkControl,
      networkControls,
      authenticators,
      credentialStores,
      idleSeconds: config.idle,
      maxConnectSeconds: config.maxconnect,
    };
    const subscriptions: Subscription[] = all(container, tunnelTransportToken).map((transport) =>
      transport.links$.subscribe((link) => {
        const { logger } = link.session;
        if (logger.debugEnabled) logger.debug(`Connect: ${transport.kind} link`, { name: config.name });
        runPppSession(link, options);
      }),
    );
    logger.debug('PPP driver ready', {
      name: config.name,
      ncps: networkControls.map((f) => f.name).join(','),
      auth: authenticators.map((a) => a.name).join(','),
    });
    // Sessions are closed by the appliance before plugins stop; only new links are refused here.
    return { stop: () => subscriptions.forEach((s) => s.unsubscribe()) };
  },
});
