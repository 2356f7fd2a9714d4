// @switchyard/ppp/auth/testing: in-memory exchange harness and the CHAP exchanges of the real captures.
export {
  ExchangeEnd,
  type ExchangeEndOptions,
  type PacketFilter,
  connectExchanges,
  settle,
  found,
  fixedRandom,
} from './exchange-harness.js';
export {
  type CapturedChapExchange,
  capturedSession,
  capturedWrongPassword,
  capturedServerHangup,
  CAPTURED_CHAP,
} from './captured-chap.js';
