// Test doubles and fixtures for the MPPE plugin and its users: a PppContext without the session driver,
// two of them joined by a faulty wire, a ready-made pair of CCP/MPPE ends, and real MPPE frames.
export { FakePppContext, type FakePppContextOptions, type RecordedEvent } from './fake-ppp-context.js';
export { PppWire, type End, type FaultPlan, type WireStats } from './ppp-wire.js';
export { ScriptedCcpPeer, mppeOption, formatCcp } from './ccp-peer.js';
export {
  ccpEnd,
  mppePair,
  rfcKeyMaterial,
  type CcpEnd,
  type MppePair,
  type MppePairOptions,
} from './mppe-pair.js';
export {
  capturedMppeFrames,
  captureCredentials,
  captureKeyMaterial,
  type CapturedMppeFrame,
} from './captured-mppe.js';
