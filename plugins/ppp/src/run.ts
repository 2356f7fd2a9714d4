// Runs a PppSession on a Link: frames$ feeds the session, its completion is the transport going away.
// The server plugin calls this for every Link of every TunnelTransport; a client application calls it
// with role 'client' and credentials.
import type { Link } from '@switchyard/core';
import type { Observer } from 'rxjs';
import { PppSession, type PppSessionOptions } from './machine/ppp-session.js';

export function runPppSession(link: Link, options: PppSessionOptions): PppSession {
  const ppp = new PppSession(link, options);
  const subscription = link.frames$.subscribe(new FrameObserver(ppp));
  // Attached before the session's own resource, so it is released after it: the Terminate-Ack our
  // Terminate-Request waits for still gets in.
  link.session.attach('ppp frames', () => subscription.unsubscribe());
  ppp.start();
  return ppp;
}

/** The session's observer of frames$: a class, so its three callbacks are shared methods, not closures. */
class FrameObserver implements Observer<Uint8Array> {
  constructor(private readonly ppp: PppSession) {}

  next(frame: Uint8Array): void {
    this.ppp.receive(frame);
  }

  complete(): void {
    this.ppp.transportClosed();
  }

  error(error: unknown): void {
    this.ppp.context.logger.error('link failed', { error: String(error) });
    this.ppp.transportClosed();
  }
}
