// @switchyard/plugin-auth-mschapv2: MS-CHAPv2 (RFC 2759) authenticator and peer, with MPPE key material.
export { authMschapv2Plugin } from './plugin.js';
export { type MschapV2Config, mschapV2ConfigSchema } from './config.js';
export { createMschapV2Authenticator } from './machine/authenticator.js';
export { mschapV2Digest } from './machine/mschap-v2-digest.js';
