// Hanging a call up from the PNS side (RFC 2637 §3.2.4.2, §3.1.1): Call-Clear-Request, a short wait for
// the PAC's Call-Disconnect-Notify, then Stop-Control-Connection-Request and its reply. pptpd answers
// the Call-Clear-Request by closing TCP without the notify; that ends the wait as well.
import type { Clock } from '@switchyard/core';
import type { CallInfo } from '@switchyard/plugin-pptp-control';
import type { ControlClient } from './io/control-client.js';

export interface HangUpOptions {
  /** The server already hung the call up (Call-Disconnect-Notify or the connection went away). */
  readonly callGone: boolean;
  readonly clock: Clock;
  /** How long to wait for Call-Disconnect-Notify; default 3 s (the Stop that follows clears the call anyway). */
  readonly clearTimeoutMs?: number;
}

export async function hangUp(control: ControlClient, callId: number, options: HangUpOptions): Promise<void> {
  if (!control.isClosed && !options.callGone && control.hasCall(callId)) {
    let onDown: ((call: CallInfo) => void) | undefined;
    let timer: { cancel(): void } | undefined;
    const cleared = new Promise<void>((resolve) => {
      onDown = (call) => {
        if (call.callId === callId) resolve();
      };
      control.events.on('callDown', onDown);
      timer = options.clock.setTimer(options.clearTimeoutMs ?? 3000, resolve);
    });
    control.clearCall(callId);
    await Promise.race([cleared, control.closed]);
    if (onDown) control.events.off('callDown', onDown);
    timer?.cancel();
  }
  if (!control.isClosed) await control.stop();
  await control.closed;
}
