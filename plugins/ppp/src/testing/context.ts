// A session context on its own (PppLink in the Network phase, frames recorded) for driver unit tests.
import { SessionRegistry } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import { PppLink, PppSessionContext } from '@switchyard/ppp';

export function contextBench() {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '192.0.2.2');
  const link = new PppLink({ nextIdentifier: () => 1 });
  for (const event of ['lowerUp', 'lcpUp', 'authenticated'] as const) link.signal(event);
  const frames: Uint8Array[] = [];
  const context = new PppSessionContext({
    session,
    role: 'server',
    clock,
    logger: session.logger,
    link,
    facts: { localName: 'pptpd' },
    transmit: (frame) => frames.push(frame),
    close: () => undefined,
    maxFrameBytes: 1500,
  });
  return { clock, logs, session, link, context, frames };
}
