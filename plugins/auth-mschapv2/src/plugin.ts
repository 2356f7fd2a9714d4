// auth-mschapv2: MS-CHAPv2 (RFC 2759) as an Authenticator for both roles. Several authenticators
// coexist under authenticatorToken; the LCP plugin resolves them all and negotiates one.
import { randomBytes } from 'node:crypto';
import { authenticatorToken, definePlugin } from '@switchyard/core';
import { type MschapV2Config, mschapV2ConfigSchema } from './config.js';
import { createMschapV2Authenticator } from './machine/authenticator.js';

/** Challenges and peer challenges must be unpredictable (RFC 2759 §4 "standard guidelines on randomness"). */
const systemRandom = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

export const authMschapv2Plugin = definePlugin<MschapV2Config>({
  id: 'auth-mschapv2',
  configSchema: mschapV2ConfigSchema,
  provides: [authenticatorToken],
  register: (container, config) => {
    container.register(authenticatorToken, { useValue: createMschapV2Authenticator(config, systemRandom) });
  },
});
