// auth-chap-md5: CHAP with MD5 (RFC 1994) as an Authenticator for both roles, registered under
// authenticatorToken next to the other auth plugins.
import { randomBytes } from 'node:crypto';
import { authenticatorToken, definePlugin } from '@switchyard/core';
import { type ChapMd5Config, chapMd5ConfigSchema } from './config.js';
import { createChapMd5Authenticator } from './machine/authenticator.js';

const systemRandom = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

export const authChapMd5Plugin = definePlugin<ChapMd5Config>({
  id: 'auth-chap-md5',
  configSchema: chapMd5ConfigSchema,
  provides: [authenticatorToken],
  register: (container, config) => {
    container.register(authenticatorToken, { useValue: createChapMd5Authenticator(config, systemRandom) });
  },
});
