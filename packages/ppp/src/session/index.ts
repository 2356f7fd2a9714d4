export * from './contracts.js';
export { ControlProtocol, type ControlProtocolOptions } from './control-protocol.js';
export {
  PppSessionContext,
  type PppSessionContextOptions,
  type PppFrameCounters,
  isDataProtocol,
} from './session-context.js';
