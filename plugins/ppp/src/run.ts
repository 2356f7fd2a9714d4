// Runs a PppSession on a Link: the link delivers its frames to the session, and its end is the transport
// going away. The server plugin calls this for every Link of every TunnelTransport; a client application
// calls it with role 'client' and credentials.
import type { Link } from '@switchyard/core';
import { PppSession, type PppSessionOptions } from './machine/ppp-session.js';

export function runPppSession(link: Link, options: PppSessionOptions): PppSession {
  const ppp = new PppSession(link, options);
  // The session is the link's receiver. It drops frames once released, so nothing needs detaching: the
  // Terminate-Ack our Terminate-Request waits for still gets in while the session closes.
  link.deliverTo(ppp);
  ppp.start();
  return ppp;
}
