// Test bench for LCP: one Lcp on the real session context and PppLink, with a ManualClock, captured
// logs, and every frame it sends kept (decoded) for assertions. Fake Authenticators stand in for the
// auth plugins: LCP only needs their names, protocols and option data.
import type { Authenticator, CloseReason } from '@switchyard/core';
import { SessionRegistry } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import {
  type CpPacket,
  PppLink,
  PppSessionContext,
  type PppRole,
  decodeCpPacket,
  decodePppFrame,
} from '@switchyard/ppp';
import { type LcpConfig, resolveLcpConfig } from '../config.js';
import { Lcp } from '../machine/lcp.js';

export function fakeAuthenticator(
  name: string,
  protocol: number,
  data: number[],
  strength: number,
): Authenticator {
  const none = { start: () => undefined, receive: () => undefined, stop: () => undefined };
  return {
    name,
    protocol,
    lcpData: new Uint8Array(data),
    strength,
    authenticate: () => none,
    prove: () => none,
  };
}

export const MSCHAP_V2 = fakeAuthenticator('mschap-v2', 0xc223, [0x81], 40);
export const MSCHAP_V1 = fakeAuthenticator('mschap', 0xc223, [0x80], 30);
export const CHAP_MD5 = fakeAuthenticator('chap-md5', 0xc223, [0x05], 20);
export const PAP = fakeAuthenticator('pap', 0xc023, [], 10);
export const ALL_AUTHENTICATORS = [MSCHAP_V2, MSCHAP_V1, CHAP_MD5, PAP];

export interface LcpBenchOptions {
  readonly role?: PppRole;
  readonly config?: Partial<LcpConfig>;
  readonly authenticators?: readonly Authenticator[];
  /** Magic-Numbers handed out in turn (then 0x11111111, 0x22222222…). */
  readonly magics?: readonly number[];
}

export function lcpBench(options: LcpBenchOptions = {}) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '192.0.2.2');
  const frames: Uint8Array[] = [];
  const events: string[] = [];
  const finished: CloseReason[] = [];
  const magics = [...(options.magics ?? [])];
  let next = 0;
  const random = () => magics.shift() ?? (++next * 0x11111111) >>> 0;
  const link = new PppLink({ nextIdentifier: () => lcp.nextIdentifier() });
  const context = new PppSessionContext({
    session,
    role: options.role ?? 'server',
    clock,
    logger: session.logger,
    link,
    facts: { localName: 'pptpd' },
    transmit: (frame) => frames.push(frame),
    close: (reason) => lcp.close(reason),
    maxFrameBytes: 1500,
  });
  const lcp: Lcp = new Lcp(
    context,
    options.authenticators ?? ALL_AUTHENTICATORS,
    {
      up: () => events.push('up'),
      down: () => events.push('down'),
      finished: (reason) => {
        events.push('finished');
        if (reason) finished.push(reason);
      },
    },
    { config: resolveLcpConfig(options.config), random },
  );
  link.signal('lowerUp');
  /** LCP packets sent since the last call. */
  let seen = 0;
  const sent = (): CpPacket[] => {
    const out = frames.slice(seen).map((frame) => {
      const decoded = decodePppFrame(frame);
      if (!decoded.ok) throw new Error('bad frame sent');
      const packet = decodeCpPacket(decoded.value.payload);
      if (!packet.ok) throw new Error('bad packet sent');
      return packet.value;
    });
    seen = frames.length;
    return out;
  };
  return {
    clock,
    logs,
    session,
    frames,
    events,
    finished,
    link,
    context,
    lcp,
    sent,
    receive: (bytes: Uint8Array) => context.receiveFrame(bytes),
  };
}

export type LcpBench = ReturnType<typeof lcpBench>;
