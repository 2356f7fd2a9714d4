// What the PNS control machine's close and call-down reasons (RFC 2637 §3) mean to the client: a set-up
// that failed before PPP began, or a running session the server ended. pppd sees all of these as a
// hang-up of its pty; we keep the cause.
import { closeReason, type CloseReason } from '@switchyard/core';
import type { CallDownReason, ControlCloseReason } from '@switchyard/plugin-pptp-control';
import { clientEnd, type ClientEnd, type SetupStage } from './end.js';

const CONTROL_TEXT: Readonly<Record<ControlCloseReason, string>> = {
  'start-timeout': 'the server sent nothing in time',
  'reply-timeout': 'no Start-Control-Connection-Reply',
  'echo-timeout': 'no PPTP Echo-Reply from the server',
  'call-timeout': 'the call did not complete in time',
  'lost-sync': 'malformed control message from the server',
  'not-connected': 'the server answered out of sequence',
  'unsupported-version': 'the server speaks another PPTP version',
  'start-rejected': 'the server refused the control connection (Start-Control-Connection-Reply error)',
  'peer-stopped': 'the server sent Stop-Control-Connection-Request',
  'local-stop': 'control connection stopped',
  'idle-connection': 'the control connection was idle',
  'peer-closed': 'the server closed the control connection',
};

/** Why the set-up failed when the control connection closed at `stage`, before a session existed. */
export function endForControlClose(reason: ControlCloseReason, stage: SetupStage): ClientEnd {
  const detail = CONTROL_TEXT[reason];
  switch (reason) {
    case 'echo-timeout':
      return clientEnd('echo-timeout', detail, { stage });
    case 'lost-sync':
    case 'not-connected':
      return clientEnd('protocol-error', detail, { stage });
    case 'call-timeout':
    case 'reply-timeout':
      return clientEnd('setup-timeout', detail, { stage });
    default:
      return clientEnd('control-failed', detail, { stage });
  }
}

/** The session's close reason when its call went down for `reason` (RFC 2637 §3.2.4.2). */
export function closeReasonForCallDown(
  reason: CallDownReason,
  control: ControlCloseReason | undefined,
): CloseReason {
  if (reason === 'peer-disconnect') return closeReason('peer-terminated', 'Call-Disconnect-Notify');
  if (reason === 'local-clear') return closeReason('admin', 'call cleared');
  if (reason === 'control-closed' && control !== undefined) {
    const detail = CONTROL_TEXT[control];
    if (control === 'echo-timeout') return closeReason('echo-timeout', detail);
    if (control === 'lost-sync' || control === 'not-connected') return closeReason('protocol-error', detail);
    if (control === 'local-stop') return closeReason('admin', detail);
    return closeReason('peer-terminated', detail);
  }
  return closeReason('transport-closed', `call ${reason}`);
}
