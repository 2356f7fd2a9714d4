// Test doubles for code built on core: a virtual clock, in-memory links, a log capture, a test appliance.
export { ManualClock } from './manual-clock.js';
export { LogCapture } from './log-capture.js';
export {
  createMemoryLinkPair,
  frameReceiver,
  type FrameFilter,
  type MemoryLinkOptions,
  type MemoryLink,
} from './memory-link.js';
export { testAppliance, type TestAppliance } from './test-appliance.js';
export { staticCredentialStore, staticCredentialsPlugin, type StaticUsers } from './static-credentials.js';
