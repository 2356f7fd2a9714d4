// auth-mschapv1's config section: pppd's chap-restart, chap-max-challenge and chapms-strip-domain,
// plus MS-CHAP retries (RFC 2433 §8 R=1). Defaults are pppd 2.4.9's.
import { type MschapConfig, mschapConfigSchema } from '@switchyard/ppp/auth';

export type MschapV1Config = MschapConfig;

export const mschapV1ConfigSchema = mschapConfigSchema;
