// @switchyard/plugin-auth-chap-md5: CHAP with MD5 (RFC 1994) authenticator and peer.
export { authChapMd5Plugin } from './plugin.js';
export { type ChapMd5Config, chapMd5ConfigSchema } from './config.js';
export { createChapMd5Authenticator } from './machine/authenticator.js';
export { chapMd5Digest, chapMd5Response } from './machine/md5-digest.js';
