// @switchyard/plugin-auth-pap: PAP (RFC 1334) authenticator and peer.
export { authPapPlugin } from './plugin.js';
export { type PapConfig, papConfigSchema, papSettings } from './config.js';
export { createPapAuthenticator } from './machine/authenticator.js';
export { papAuthenticatorExchange } from './machine/pap-authenticator.js';
export { papPeerExchange } from './machine/pap-peer.js';
export { type PapSettings, PAP_DEFAULTS, PAP_MESSAGES } from './machine/pap-settings.js';
