// auth-mschapv1: MS-CHAPv1 (RFC 2433) as an Authenticator for both roles, registered under
// authenticatorToken next to the other auth plugins.
import { randomBytes } from 'node:crypto';
import { authenticatorToken, definePlugin } from '@switchyard/core';
import { type MschapV1Config, mschapV1ConfigSchema } from './config.js';
import { createMschapV1Authenticator } from './machine/authenticator.js';

const systemRandom = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

export const authMschapv1Plugin = definePlugin<MschapV1Config>({
  id: 'auth-mschapv1',
  configSchema: mschapV1ConfigSchema,
  provides: [authenticatorToken],
  register: (container, config) => {
    container.register(authenticatorToken, { useValue: createMschapV1Authenticator(config, systemRandom) });
  },
});
