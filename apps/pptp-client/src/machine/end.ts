// Why a client session ended, and the process exit status that says so. The statuses are pppd's
// (pppd.8 "EXIT STATUS"), so scripts written around `pppd call vpn` read ours the same way.
import type { CloseCode, CloseReason } from '@switchyard/core';

/** pppd's exit statuses (pppd.h EXIT_*), the ones a PPTP client can end with. */
export const PppdExit = {
  ok: 0,
  fatalError: 1,
  optionError: 2,
  notRoot: 3,
  noKernelSupport: 4,
  userRequest: 5,
  connectFailed: 8,
  negotiationFailed: 10,
  idleTimeout: 12,
  connectTime: 13,
  peerDead: 15,
  hangup: 16,
  authTopeerFailed: 19,
} as const;

/**
 * Core's session close codes, plus what can go wrong before a session exists: TCP refused or
 * unreachable, the control connection refused or dropped, the call rejected, the set-up taking too long,
 * and local failures (no raw socket, no TUN device).
 */
export type ClientEndCode =
  CloseCode | 'connect-failed' | 'control-failed' | 'call-rejected' | 'setup-timeout' | 'local-error';

/** How far the set-up got: decides whether a time-out is a failed connect or a failed negotiation. */
export type SetupStage = 'connect' | 'control' | 'call' | 'ppp' | 'up';

export interface ClientEnd {
  readonly code: ClientEndCode;
  readonly detail?: string;
  /** The process exit status for this end (pppd's numbering). */
  readonly exitCode: number;
}

const EXIT_BY_CODE: Readonly<Record<ClientEndCode, number>> = {
  admin: PppdExit.userRequest,
  shutdown: PppdExit.userRequest,
  'auth-failed': PppdExit.authTopeerFailed,
  'peer-terminated': PppdExit.hangup,
  'transport-closed': PppdExit.hangup,
  'echo-timeout': PppdExit.peerDead,
  'idle-timeout': PppdExit.idleTimeout,
  'session-timeout': PppdExit.connectTime,
  'negotiation-failed': PppdExit.negotiationFailed,
  'mppe-refused': PppdExit.negotiationFailed,
  'protocol-error': PppdExit.negotiationFailed,
  // Server-side codes: a client never reports them, but the table must be total.
  'pool-exhausted': PppdExit.negotiationFailed,
  'limit-reached': PppdExit.connectFailed,
  'connect-failed': PppdExit.connectFailed,
  'control-failed': PppdExit.connectFailed,
  'call-rejected': PppdExit.connectFailed,
  'setup-timeout': PppdExit.connectFailed,
  'local-error': PppdExit.fatalError,
};

/**
 * A ClientEnd with its exit status. A set-up time-out after the call was placed is a negotiation that
 * did not finish (pppd's 10); before that, nothing answered (8). `exitCode` overrides, e.g. 3 for a
 * raw socket refused for want of privilege.
 */
export function clientEnd(
  code: ClientEndCode,
  detail?: string,
  options: { readonly stage?: SetupStage; readonly exitCode?: number } = {},
): ClientEnd {
  const pppStarted = options.stage === 'ppp' || options.stage === 'up';
  const exitCode =
    options.exitCode ??
    (code === 'setup-timeout' && pppStarted ? PppdExit.negotiationFailed : EXIT_BY_CODE[code]);
  return detail === undefined ? { code, exitCode } : { code, detail, exitCode };
}

/** The ClientEnd of a session that closed with `reason`. */
export const endFromCloseReason = (reason: CloseReason): ClientEnd => clientEnd(reason.code, reason.detail);

/** The CloseReason a session is closed with for `end` (codes core does not know become the nearest one). */
export function closeReasonForEnd(end: ClientEnd): CloseReason {
  const code: CloseCode =
    end.code === 'setup-timeout' || end.code === 'call-rejected'
      ? 'negotiation-failed'
      : end.code === 'connect-failed' || end.code === 'control-failed'
        ? 'transport-closed'
        : end.code === 'local-error'
          ? 'admin'
          : end.code;
  return end.detail === undefined ? { code } : { code, detail: end.detail };
}

/** `auth-failed (E=691 …), exit 19`, for log lines and error messages. */
export const formatEnd = (end: ClientEnd): string =>
  `${end.code}${end.detail ? ` (${end.detail})` : ''}, exit ${end.exitCode}`;

/** Thrown (rejected) by connect(): the set-up failed, and everything it had opened is closed again. */
export class PptpClientError extends Error {
  override readonly name = 'PptpClientError';
  constructor(readonly end: ClientEnd) {
    super(`PPTP session failed: ${formatEnd(end)}`);
  }
}
