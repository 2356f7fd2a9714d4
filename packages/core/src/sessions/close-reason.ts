// Why a session ended. Peer faults are reasons, not exceptions (STYLE.md §3.7); the code is stable for
// accounting, the detail is for the log line.

export const CloseCodes = [
  'peer-terminated', // the peer hung up (LCP Terminate, Call-Clear, Stop-Control-Connection)
  'transport-closed', // TCP or GRE path went away underneath the session
  'auth-failed',
  'echo-timeout', // LCP or PPTP keep-alive unanswered
  'idle-timeout', // pppd `idle`
  'session-timeout', // pppd `maxconnect`
  'negotiation-failed', // an automaton gave up (Max-Configure, Max-Failure)
  'mppe-refused', // encryption required but the peer would not do it
  'pool-exhausted',
  'limit-reached', // pptpd `connections`
  'protocol-error', // malformed or out-of-sequence input from the peer
  'admin', // an operator asked
  'shutdown', // the appliance is stopping
] as const;

export type CloseCode = (typeof CloseCodes)[number];

export interface CloseReason {
  readonly code: CloseCode;
  readonly detail?: string;
}

export const closeReason = (code: CloseCode, detail?: string): CloseReason =>
  detail === undefined ? { code } : { code, detail };

export const formatCloseReason = (reason: CloseReason): string =>
  reason.detail ? `${reason.code} (${reason.detail})` : reason.code;
