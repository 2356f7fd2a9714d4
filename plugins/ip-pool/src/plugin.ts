// ip-pool: the pptpd address pool (`remoteip`/`localip`) as the appliance's AddressPool. The pool is
// built in register() (no I/O), bound to the logger and the session registry in start().
import { addressPoolToken, createToken, credentialStoreToken, definePlugin } from '@switchyard/core';
import { ipPoolConfigSchema, planSlots, validateIpPoolConfig, type IpPoolConfig } from './config.js';
import { LeaseTable } from './machine/lease-table.js';
import { IpAddressPool } from './pool.js';

/** This plugin's pool with its extras (counters, leases), for management and tests. */
export const ipPoolToken = createToken<IpAddressPool>('ip-pool.pool');

export const ipPoolPlugin = definePlugin<IpPoolConfig>({
  id: 'ip-pool',
  configSchema: ipPoolConfigSchema,
  provides: [addressPoolToken, ipPoolToken],
  uses: [credentialStoreToken],
  validate: validateIpPoolConfig,
  register: (container, config) => {
    const pool = new IpAddressPool(new LeaseTable(planSlots(config).slots));
    container.registerInstance(addressPoolToken, pool);
    container.registerInstance(ipPoolToken, pool);
  },
  start: ({ config, container, logger, sessions }) => {
    const pool = container.resolve(ipPoolToken);
    const stores = container.isRegistered(credentialStoreToken, true)
      ? container.resolveAll(credentialStoreToken)
      : [];
    pool.bind(logger, sessions, stores);
    const plan = planSlots(config);
    if (plan.unusedRemote.length > 0) {
      // pptpd logs "Maximum of N connections reduced to M, not enough IP addresses given".
      logger.warn(
        `localip has ${plan.slots.length} addresses for more remoteip addresses: ` +
          `${plan.unusedRemote.length} remote addresses stay unused (pptpd pairs them by position)`,
        { unused: plan.unusedRemote.join(',') },
      );
    }
    logger.info(`address pool ready: ${pool.size} addresses`, {
      remoteip: config.remoteip,
      localip: config.localip,
    });
    return { stop: () => logger.debug('address pool stopped', { ...pool.counters }) };
  },
});
