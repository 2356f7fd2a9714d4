// A stand-in for LCP in driver tests: silent on the wire, it signals what the real one would (RFC 1661
// §4.1 tlu/tld/tlf) when the test says the peer Acked, terminated, or Acked our Terminate-Request.
import { closeReason, type Authenticator, type CloseReason } from '@switchyard/core';
import type { LinkControl, LinkControlFactory, PppContext, ProtocolEvents } from '@switchyard/ppp';

export function fakeLcp() {
  let context: PppContext | undefined;
  let events: ProtocolEvents | undefined;
  let offered: readonly Authenticator[] = [];
  let reason: CloseReason | undefined;
  let state: 'starting' | 'opened' | 'closing' | 'finished' = 'starting';
  const calls: string[] = [];
  const finish = () => {
    if (state === 'finished') return;
    state = 'finished';
    events!.finished(reason);
  };
  const down = () => {
    context!.facts.lcp = undefined;
    events!.down();
  };
  const control: LinkControl = {
    open: () => calls.push('open'),
    // Opened: Terminate-Request out, finished on ack(); nothing opened: finished at once (LinkControl).
    close: (why) => {
      calls.push(`close ${why.code}`);
      reason ??= why;
      if (state === 'opened') {
        state = 'closing';
        down();
      } else if (state === 'starting') {
        finish();
      }
    },
    lowerDown: () => calls.push('lowerDown'),
    dispose: () => calls.push('dispose'),
    get closeReason() {
      return reason;
    },
  };
  const factory: LinkControlFactory = {
    create: (c, authenticators, e) => {
      context = c;
      offered = authenticators;
      events = e;
      return control;
    },
  };
  return {
    factory,
    calls,
    /** The authenticators the driver let LCP negotiate. */
    get offered() {
      return offered;
    },
    /** Both Configure-Requests Acked (tlu), with `auth` agreed or no authentication at all. */
    up(auth?: Authenticator): void {
      state = 'opened';
      context!.facts.lcp = {
        peerMruBytes: 1500,
        localMruBytes: 1500,
        mtuBytes: 1500,
        ...(auth && { auth: { protocol: auth.protocol, data: auth.lcpData } }),
      };
      events!.up();
    },
    /** The peer's Terminate-Request in Opened: tld, then tlf once our Terminate-Ack has gone. */
    peerTerminates(text: string): void {
      reason = closeReason('peer-terminated', text);
      down();
      finish();
    },
    /** The peer Acked our Terminate-Request (or Max-Terminate ran out): tlf. */
    ack(): void {
      finish();
    },
  };
}
