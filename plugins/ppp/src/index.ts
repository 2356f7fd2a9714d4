// @switchyard/plugin-ppp: the PPP session driver (RFC 1661 §3 phases) for servers (the plugin) and
// clients (runPppSession with role 'client').
export { pppPlugin } from './plugin.js';
export { type PppConfig, pppConfigSchema } from './config.js';
export { runPppSession } from './run.js';
export {
  PppSession,
  type PppSessionOptions,
  type PppSessionEvents,
  type PppTransport,
} from './machine/ppp-session.js';
export { AuthPhase, type AuthPhaseHost, type AuthSuccess } from './machine/auth-phase.js';
export { NetworkPhase, type NetworkPhaseHost } from './machine/network-phase.js';
export { SessionTimers, type SessionTimerSettings } from './machine/session-timers.js';
