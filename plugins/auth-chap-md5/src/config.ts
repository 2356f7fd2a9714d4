// auth-chap-md5's config section: pppd's chap-restart and chap-max-challenge, with pppd's defaults.
import { type ChapConfig, chapConfigSchema } from '@switchyard/ppp/auth';

export type ChapMd5Config = ChapConfig;

export const chapMd5ConfigSchema = chapConfigSchema;
