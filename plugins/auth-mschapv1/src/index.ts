// @switchyard/plugin-auth-mschapv1: MS-CHAPv1 (RFC 2433) authenticator and peer, with MPPE key material.
export { authMschapv1Plugin } from './plugin.js';
export { type MschapV1Config, mschapV1ConfigSchema } from './config.js';
export { createMschapV1Authenticator } from './machine/authenticator.js';
export { mschapV1Digest } from './machine/mschap-v1-digest.js';
