// mppe: CCP with MPPE (RFC 1962, RFC 3078, RFC 3079) as a network control protocol of every PPP session.
// register() builds the factory from the config (no I/O); the PPP session driver resolves it through
// networkControlToken and calls it once per session.
import { createToken, definePlugin } from '@switchyard/core';
import { networkControlToken } from '@switchyard/ppp';
import { ccpTimers, mppeConfigSchema, mppeSettings, validateMppeConfig, type MppeConfig } from './config.js';
import { MppeControlFactory } from './machine/control-factory.js';

/** This plugin's factory with its extras (appliance-wide counters), for management and tests. */
export const mppeControlToken = createToken<MppeControlFactory>('mppe.control');

export const mppePlugin = definePlugin<MppeConfig>({
  id: 'mppe',
  configSchema: mppeConfigSchema,
  provides: [networkControlToken, mppeControlToken],
  validate: validateMppeConfig,
  register: (container, config) => {
    const factory = new MppeControlFactory(mppeSettings(config), ccpTimers(config));
    container.registerInstance(networkControlToken, factory);
    container.registerInstance(mppeControlToken, factory);
  },
  start: ({ config, container, logger }) => {
    const factory = container.resolve(mppeControlToken);
    const { settings } = factory;
    logger.info(
      settings.required
        ? `MPPE required: ${settings.strengths.map((s) => `${s}-bit`).join('/')}, ` +
            `${settings.allowStateful ? 'stateless or stateful' : 'stateless only'}`
        : settings.ccp
          ? 'MPPE off: CCP rejects every compression'
          : 'CCP off (noccp)',
    );
    return {
      stop: () =>
        logger.debug('mppe stopped', { ...factory.counters(), statefulResync: config.mppeStatefulResync }),
    };
  },
});
