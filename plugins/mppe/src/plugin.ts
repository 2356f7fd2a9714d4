// mppe: CCP with MPPE (RFC 1962, RFC 3078, RFC 3079) as a network control protocol of every PPP session.
// register() builds the factory from the config (no I/O); the PPP session driver resolves it through
// networkControlToken and calls it once per session. Sessions encrypt with the native key schedules
// (@switchyard/crypto-native); start() loads the addon so a missing build stops the boot, clearly.
import { createToken, definePlugin } from '@switchyard/core';
import { createNativeMppeKeySchedule } from '@switchyard/crypto-native';
import { networkControlToken } from '@switchyard/ppp';
import { ccpTimers, mppeConfigSchema, mppeSettings, validateMppeConfig, type MppeConfig } from './config.js';
import { MppeControlFactory } from './machine/control-factory.js';
import { nativeKeySchedules } from './native-keys.js';

/** This plugin's factory with its extras (appliance-wide counters), for management and tests. */
export const mppeControlToken = createToken<MppeControlFactory>('mppe.control');

export const mppePlugin = definePlugin<MppeConfig>({
  id: 'mppe',
  configSchema: mppeConfigSchema,
  provides: [networkControlToken, mppeControlToken],
  validate: validateMppeConfig,
  register: (container, config) => {
    // The native factory itself loads the addon lazily; start() checks it is there before any session.
    const factory = new MppeControlFactory(
      mppeSettings(config),
      ccpTimers(config),
      createNativeMppeKeySchedule,
    );
    container.registerInstance(networkControlToken, factory);
    container.registerInstance(mppeControlToken, factory);
  },
  start: ({ config, container, logger }) => {
    nativeKeySchedules();
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
