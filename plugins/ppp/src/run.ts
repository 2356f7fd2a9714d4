// Runs a PppSession on a Link: frames$ feeds the session, its completion is the transport going away.
// The server plugin calls this for every Link of every TunnelTransport; a client application calls it
// with role 'client' and credentials.
import type { Link } from '@switchyard/core';
import { PppSession, type PppSessionOptions } from './machine/ppp-session.js';

export function runPppSession(link: Link, options: PppSessionOptions): PppSession {
  const ppp = new PppSession(link, options);
  const subscription = link.frames$.subscribe({
    next: (frame) => ppp.receive(frame),
    complete: () => ppp.transportClosed(),
    error: (error: unknown) => {
      ppp.context.logger.error('link failed', { error: String(error) });
      ppp.transportClosed();
    },
  });
  // Attached before the session's own resource, so it is released after it: the Terminate-Ack our
  // Terminate-Request waits for still gets in.
  link.session.attach('ppp frames', () => subscription.unsubscribe());
  ppp.start();
  return ppp;
}
