// @switchyard/plugin-ppp/testing: doubles for tests of the session driver and of appliances built on it:
// a clear-text authenticator, a silent LCP, a gating NCP, a credential store, a packet sink, a transport.
export { contextBench } from './context.js';
export { fakeAuthenticator } from './fake-auth.js';
export { fakeLcp } from './fake-lcp.js';
export { fakeGate, wrapTransform } from './gate.js';
export {
  RecordingSink,
  credentialStorePlugin,
  memoryTransport,
  packetSinkPlugin,
  staticStore,
  type MemoryTransportOptions,
} from './fakes.js';
