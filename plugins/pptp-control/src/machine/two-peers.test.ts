// A PNS and a PAC machine joined back to back through the real codec and framer: what one sends,
// the other decodes from a byte stream, delivered in awkward 7-byte reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PptpFramer } from '../codec/framer.js';
import { encodePptpMessage } from '../codec/message-codec.js';
import { ManualClock } from '@switchyard/core/testing';
import { CallIdAllocator } from './call-id-allocator.js';
import { PacControlConnection } from './pac-control-connection.js';
import { PnsControlConnection } from './pns-control-connection.js';
import type { ControlOutput } from './types.js';

type Machine = { handle(input: { type: 'message'; message: never } | never): ControlOutput[] };

function wire() {
  const clock = new ManualClock();
  const log: string[] = [];
  const pending: { to: 'pac' | 'pns'; outputs: readonly ControlOutput[] }[] = [];
  const framers = { pac: new PptpFramer(), pns: new PptpFramer() };
  const pac = new PacControlConnection({
    clock,
    emit: (o) => pending.push({ to: 'pns', outputs: o }),
    callIds: new CallIdAllocator({ first: 128 }),
  });
  const pns = new PnsControlConnection({
    clock,
    emit: (o) => pending.push({ to: 'pac', outputs: o }),
    callIds: new CallIdAllocator({ first: 9 }),
  });
  const machines = { pac, pns } as unknown as Record<'pac' | 'pns', Machine>;
  const deliver = (to: 'pac' | 'pns', outputs: readonly ControlOutput[]): void => {
    const from = to === 'pac' ? 'pns' : 'pac';
    for (const o of outputs) {
      if (o.type !== 'send') continue;
      log.push(`${from}:${o.message.type}`);
      const bytes = encodePptpMessage(o.message);
      for (let at = 0; at < bytes.length; at += 7) {
        for (const result of framers[to].push(bytes.subarray(at, at + 7))) {
          assert.ok(result.ok);
          deliver(from, machines[to].handle({ type: 'message', message: result.value as never }));
        }
      }
    }
  };
  const flush = (): void => {
    while (pending.length > 0) {
      const next = pending.shift()!;
      deliver(next.to, next.outputs);
    }
  };
  return { clock, log, pac, pns, deliver, flush };
}

test('PNS and PAC machines complete handshake, call, echo, clear and stop over the wire format', () => {
  const { clock, log, pac, pns, deliver, flush } = wire();
  pac.handle({ type: 'open' });
  deliver('pac', pns.handle({ type: 'open' }));
  assert.equal(pac.state, 'established');
  assert.equal(pns.state, 'established');
  deliver('pac', pns.handle({ type: 'place-call' }));
  assert.deepEqual(
    pac.calls.map((c) => [c.callId, c.peerCallId]),
    [[128, 9]],
  );
  assert.deepEqual(
    pns.calls.map((c) => [c.callId, c.peerCallId]),
    [[9, 128]],
  );
  clock.advance(60_000); // both sides go idle at once and send Echo-Requests
  flush();
  clock.advance(60_000);
  flush();
  assert.equal(pac.state, 'established', 'echoes were answered');
  deliver('pac', pns.handle({ type: 'clear-call', callId: 9 }));
  assert.deepEqual([pac.calls, pns.calls], [[], []]);
  deliver('pac', pns.handle({ type: 'stop' }));
  assert.deepEqual([pac.state, pns.state], ['closed', 'closed']);
  assert.deepEqual(log, [
    'pns:StartControlConnectionRequest',
    'pac:StartControlConnectionReply',
    'pns:OutgoingCallRequest',
    'pac:OutgoingCallReply',
    'pac:EchoRequest',
    'pns:EchoReply',
    'pns:EchoRequest',
    'pac:EchoReply',
    'pac:EchoRequest',
    'pns:EchoReply',
    'pns:EchoRequest',
    'pac:EchoReply',
    'pns:CallClearRequest',
    'pac:CallDisconnectNotify',
    'pns:StopControlConnectionRequest',
    'pac:StopControlConnectionReply',
  ]);
});

test('the PAC hanging up a call reaches the PNS as Call-Disconnect-Notify (interop README: send the CDN)', () => {
  const { pac, pns, deliver } = wire();
  pac.handle({ type: 'open' });
  deliver('pac', pns.handle({ type: 'open' }));
  deliver('pac', pns.handle({ type: 'place-call' }));
  deliver('pns', pac.handle({ type: 'disconnect-call', callId: 128 }));
  assert.deepEqual([pac.calls, pns.calls], [[], []]);
  deliver('pns', pac.handle({ type: 'stop', reason: 3 }));
  assert.deepEqual([pac.state, pns.state], ['closed', 'closed']);
});
