// Extension points: tokens and interfaces only; implementations live in plugins.
export * from './link.js';
export * from './credential-store.js';
export * from './address-pool.js';
export * from './packet-sink.js';
export * from './authenticator.js';
export * from './call-channel.js';
export * from './ip-layer-hooks.js';
