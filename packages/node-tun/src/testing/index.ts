// Test fixtures of @switchyard/node-tun (exported as /testing, STYLE.md §3.10): packet builders with
// valid checksums, a namespace/veth lab that cleans up after itself, and a packet collector.
export * from './packets.js';
export * from './netns.js';
export * from './collect.js';
