// The session driver on its own: RFC 1661 §3 phases driven by a fake LCP, the Authenticate phase with
// the fake clear-text authenticator, and every way a session ends. Cross-plugin runs with the real LCP,
// IPCP, MS-CHAPv2 and MPPE live in test/src/integration/ppp.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SessionRegistry,
  authenticatorToken,
  closeReason,
  definePlugin,
  type CloseReason,
  type FrameReceiver,
  type Link,
  type Plugin,
} from '@switchyard/core';
import { LogCapture, ManualClock, testAppliance } from '@switchyard/core/testing';
import { type NetworkControlFactory, linkControlToken, networkControlToken } from '@switchyard/ppp';
import { pppPlugin } from '../plugin.js';
import { runPppSession } from '../run.js';
import { fakeAuthenticator } from '../testing/fake-auth.js';
import { fakeLcp } from '../testing/fake-lcp.js';
import { credentialStorePlugin, memoryTransport, staticStore } from '../testing/fakes.js';
import type { PppSessionOptions } from './ppp-session.js';

const store = staticStore({ vpn1: { secret: '123456' } });
/** The peer's PAP-shaped Authenticate-Request (fake-auth.ts), as a PPP frame without FF 03. */
const papRequest = (user: string, secret: string) =>
  Uint8Array.of(0xc0, 0x23, 1, ...new TextEncoder().encode(`${user}\0${secret}`));

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function recordingNcp(log: string[]): NetworkControlFactory {
  return {
    name: 'IPCP',
    create: () => ({
      name: 'IPCP',
      gatesOthers: false,
      start: () => log.push('IPCP start'),
      stop: () => log.push('IPCP stop'),
      dispose: () => undefined,
    }),
  };
}

function driver(options: Partial<PppSessionOptions> = {}, listen = true) {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const session = new SessionRegistry(clock, logs.logger()).create('test', '192.0.2.2');
  let receiver: FrameReceiver | undefined;
  // The transport's side of the link: frames in, and the end of the transport.
  const frames$ = {
    next: (frame: Uint8Array) => receiver?.frame(frame),
    complete: () => receiver?.end(),
  };
  const sent: Uint8Array[] = [];
  const closed: CloseReason[] = [];
  const link: Link = {
    session,
    deliverTo: (r) => (receiver = r),
    maxFrameBytes: 1500,
    send: (frame) => sent.push(frame),
    close: (reason) => {
      closed.push(reason);
      frames$.complete();
    },
  };
  const lcp = fakeLcp();
  const auth = fakeAuthenticator();
  const log: string[] = [];
  const ppp = runPppSession(link, {
    role: 'server',
    localName: 'pptpd',
    clock,
    linkControl: lcp.factory,
    networkControls: [recordingNcp(log)],
    authenticators: [auth],
    credentialStores: [store],
    ...options,
  });
  const phases: string[] = [];
  if (listen) ppp.events.on('phase', (_from, to) => phases.push(to));
  return { logs, session, frames$, sent, closed, lcp, auth, ppp, log, phases };
}

test('Establish → Authenticate → Network with the agreed protocol; success names the user (RFC 1661 §3.4–3.6)', async () => {
  const d = driver();
  assert.deepEqual(d.lcp.calls, ['open'], 'Establish: LCP opened at once');
  assert.equal(d.ppp.phase, 'establish');
  d.lcp.up(d.auth);
  assert.equal(d.ppp.phase, 'authenticate');
  assert.equal(d.session.state, 'authenticating');
  d.frames$.next(papRequest('vpn1', '123456'));
  await settle();
  assert.deepEqual(d.sent.at(-1), Uint8Array.of(0xff, 0x03, 0xc0, 0x23, 2), 'the authenticator answers');
  assert.deepEqual(d.phases, ['authenticate', 'network']);
  assert.equal(d.session.info.user, 'vpn1');
  assert.deepEqual(d.log, ['IPCP start']);
});

test('no authentication agreed: Authenticate is skipped, the NCPs start (RFC 1661 §3.5)', () => {
  const d = driver();
  d.lcp.up();
  assert.deepEqual(d.phases, ['authenticate', 'network']);
  assert.equal(d.auth.exchanges, 0);
  assert.deepEqual(d.log, ['IPCP start']);
});

test('a failed authentication closes LCP with auth-failed; the session ends once LCP finishes', async () => {
  const d = driver();
  d.lcp.up(d.auth);
  d.frames$.next(papRequest('vpn1', 'wrong'));
  await settle();
  assert.ok(d.logs.has('Peer vpn1 failed pap authentication: bad secret', 'info'));
  assert.deepEqual(d.lcp.calls, ['open', 'close auth-failed']);
  assert.equal(d.session.isOpen, true, 'waiting for the Terminate-Ack');
  assert.deepEqual(d.log, [], 'no NCP ever started');
  d.lcp.ack();
  assert.deepEqual(await d.session.closed, closeReason('auth-failed', 'bad secret'));
  assert.deepEqual(d.closed, [closeReason('auth-failed', 'bad secret')]);
});

test('a failed re-authentication in the Network phase (CHAP chap-interval) closes LCP with auth-failed, as pppd', async () => {
  const d = driver();
  d.lcp.up(d.auth);
  d.frames$.next(papRequest('vpn1', '123456'));
  await settle();
  assert.deepEqual(d.phases, ['authenticate', 'network']);
  d.frames$.next(papRequest('vpn1', '123456')); // passes again: nothing changes
  await settle();
  assert.deepEqual(d.lcp.calls, ['open']);
  d.frames$.next(papRequest('vpn1', 'wrong'));
  await settle();
  assert.ok(d.logs.has('Peer vpn1 failed pap authentication: bad secret', 'info'));
  assert.deepEqual(d.lcp.calls, ['open', 'close auth-failed']);
  d.lcp.ack();
  assert.deepEqual(await d.session.closed, closeReason('auth-failed', 'bad secret'));
});

test('the peer terminates: the session ends peer-terminated with its text, NCPs stop, transport closed once', async () => {
  const d = driver();
  d.lcp.up();
  d.lcp.peerTerminates('User request');
  assert.deepEqual(await d.session.closed, closeReason('peer-terminated', 'User request'));
  await settle();
  assert.deepEqual(d.log, ['IPCP start', 'IPCP stop']);
  assert.deepEqual(d.closed, [closeReason('peer-terminated', 'User request')]);
  assert.ok(d.lcp.calls.includes('dispose'));
});

test('the transport going away: transport-closed, LCP lowerDown, no Terminate exchange', async () => {
  const d = driver();
  d.lcp.up();
  d.frames$.complete();
  assert.deepEqual(await d.session.closed, closeReason('transport-closed'));
  assert.deepEqual(d.lcp.calls, ['open', 'lowerDown', 'dispose']);
});

test('a session closed from outside waits for LCP to finish before closing the transport (pppd on SIGTERM)', async () => {
  const d = driver();
  d.lcp.up();
  const closing = d.session.close(closeReason('shutdown'));
  await settle();
  assert.deepEqual(d.lcp.calls, ['open', 'close shutdown']);
  assert.deepEqual(d.closed, [], 'the Terminate-Ack can still come in');
  d.lcp.ack();
  await closing;
  assert.deepEqual(d.closed, [closeReason('shutdown')]);
});

test('a client without credentials gives LCP no authenticator to agree to (it Rejects the option)', () => {
  const withCredentials = driver({ role: 'client', credentials: { user: 'vpn1', secret: '123456' } });
  assert.equal(withCredentials.lcp.offered.length, 1);
  const without = driver({ role: 'client' });
  assert.deepEqual(without.lcp.offered, []);
});

test('the plugin runs a session on every Link of every TunnelTransport with the appliance’s LCP and authenticators', async () => {
  const lcp = fakeLcp();
  const auth = fakeAuthenticator();
  const memory = memoryTransport();
  const log: string[] = [];
  const plugins = [
    memory.plugin,
    pppPlugin,
    definePlugin({
      id: 'fake-protocols',
      provides: [linkControlToken, authenticatorToken, networkControlToken],
      register: (container) => {
        container.registerInstance(linkControlToken, lcp.factory);
        container.registerInstance(authenticatorToken, auth);
        container.registerInstance(networkControlToken, recordingNcp(log));
      },
    }),
    credentialStorePlugin(store),
  ] as Plugin<never>[];
  const { appliance } = testAppliance(plugins, { ppp: { name: 'Nanu-VPN' } });
  await appliance.start();
  const call = memory.connect();
  assert.deepEqual(lcp.calls, ['open']);
  assert.deepEqual(lcp.offered, [auth]);
  lcp.up(auth);
  call.clientLink.send(papRequest('vpn1', '123456'));
  await settle();
  assert.equal(call.serverSession.info.user, 'vpn1');
  assert.deepEqual(log, ['IPCP start']);
  const stopping = appliance.stop();
  await settle();
  assert.deepEqual(lcp.calls, ['open', 'close shutdown']);
  assert.equal(call.serverLink.closedWith, undefined, 'the transport waits for the Terminate-Ack');
  lcp.ack();
  await stopping;
  assert.deepEqual(await call.serverSession.closed, closeReason('shutdown'));
});

test('a session nobody listens to holds no event emitter, and still runs', () => {
  const d = driver({}, false);
  d.lcp.up();
  assert.equal(d.ppp.phase, 'network');
  assert.equal((d.ppp as unknown as { emitter: unknown }).emitter, undefined);
});

test('without idle or maxconnect a session holds no timers object; with maxconnect it has one', () => {
  assert.equal(driver({}, false).ppp['timers'], undefined);
  const d = driver({ maxConnectSeconds: 5 }, false);
  assert.notEqual(d.ppp['timers'], undefined);
});

test('the Authenticate phase registers one object as link handler and exchange context; stale runs are ignored', async () => {
  const d = driver();
  d.lcp.up(d.auth);
  assert.throws(
    () => d.ppp.link.register({ protocol: 0xc023, name: 'x', phase: 'authenticate', receive() {} }),
    /already handled/,
  );
  const run = d.ppp.link.handlerOf(0xc023)!;
  assert.equal(Object.hasOwn(run, 'receive'), false, 'a class instance, not an object of closures');
  d.ppp.auth.stop();
  const before = d.sent.length;
  const payload = papRequest('vpn1', '123456').subarray(2);
  run.receive(payload, { protocol: 0xc023, payload, addressControl: false, protocolFieldLength: 2 });
  await settle();
  assert.equal(d.sent.length, before, 'a stopped run neither answers nor reports');
});
