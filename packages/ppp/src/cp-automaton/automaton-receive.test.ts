// Received packets → RFC 1661 §4.3 events: option judging (§5.2–5.4), reply checks, Max-Failure,
// Code-Reject, extra codes (Echo, Identification, Protocol-Reject, CCP Reset) and discards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { hex, toHex } from '@switchyard/wire';
import type { CpOption } from '../codec/cp-options.js';
import { type ConfigurePacket, type CpPacket, encodeCpPacket } from '../codec/cp-packet.js';
import { PppProtocol } from '../codec/protocols.js';
import { ccpFixture, ipcpFixture, ipv4, lcpFixture, numberOption, u32Bytes } from '../testing/index.js';
import { CpAutomaton } from './automaton.js';
import type { OptionSpec, ProtocolSpec } from './option-spec.js';
import type { CpOutput } from './outputs.js';
import type { State } from './table.js';

const IPCP = ipcpFixture({
  local: '10.0.0.254',
  assign: '10.0.0.201',
  dns1: '202.106.46.151',
  dns2: '202.106.0.20',
});

function setup(spec: ProtocolSpec, state: State = 'reqSent') {
  const clock = new ManualClock();
  const outputs: CpOutput[] = [];
  const automaton = new CpAutomaton(spec, { clock, emit: (output) => outputs.push(output) });
  const paths: Partial<Record<State, (() => unknown)[]>> = {
    closed: [() => automaton.up()],
    reqSent: [() => automaton.open(), () => automaton.up()],
    ackSent: [() => automaton.open(), () => automaton.up(), () => automaton.handle('rcr+')],
    opened: [
      () => automaton.open(),
      () => automaton.up(),
      () => automaton.handle('rca'),
      () => automaton.handle('rcr+'),
    ],
  };
  for (const step of paths[state] ?? []) step();
  assert.equal(automaton.state, state);
  const ourRequest = outputs
    .flatMap((o) => (o.kind === 'send' && o.packet.code === 1 ? [o.packet] : []))
    .at(-1);
  outputs.length = 0;
  const sent = (): CpPacket[] => outputs.flatMap((o) => (o.kind === 'send' ? [o.packet] : []));
  const discards = (): string[] => outputs.flatMap((o) => (o.kind === 'discard' ? [o.reason] : []));
  return { clock, outputs, automaton, sent, discards, ourRequest: ourRequest as ConfigurePacket | undefined };
}

const option = (type: number, data: string): CpOption => ({ type, data: hex(data) });
const request = (identifier: number, ...options: CpOption[]): ConfigurePacket => ({
  kind: 'configure',
  code: 1,
  identifier,
  options,
});
const reply = (code: 2 | 3 | 4, identifier: number, ...options: CpOption[]): ConfigurePacket => ({
  kind: 'configure',
  code,
  identifier,
  options,
});
const ADDR_ZERO = option(3, '00 00 00 00');

test('an unknown option is Configure-Rejected alone, even when another option needs a Nak (RFC 1661 §5.4)', () => {
  const { automaton, sent } = setup(IPCP);
  automaton.receive(request(7, option(0x99, 'aa'), ADDR_ZERO));
  assert.deepEqual(sent(), [reply(4, 7, option(0x99, 'aa'))]);
  assert.equal(automaton.state, 'reqSent', 'RCR- in Req-Sent: scn/6');
});

test('an option its spec cannot decode is Configure-Rejected unmodified (RFC 1661 §5.4)', () => {
  const { automaton, sent } = setup(IPCP);
  automaton.receive(request(2, option(3, '0a 00 00')));
  assert.deepEqual(sent(), [reply(4, 2, option(3, '0a 00 00'))]);
});

test('a Configure-Nak lists only the unacceptable options, in request order, with our values (RFC 1661 §5.3)', () => {
  const { automaton, sent } = setup(IPCP);
  automaton.receive(
    request(2, option(129, '01 01 01 01'), option(3, '0a 00 00 c9'), option(131, 'ca 6a 00 14')),
  );
  assert.deepEqual(sent(), [reply(3, 2, option(129, 'ca 6a 2e 97'))]);
});

test('an acceptable request is Acked with its options unchanged, and the event is RCR+ (RFC 1661 §5.2)', () => {
  const { automaton, sent, outputs } = setup(IPCP);
  const acceptable = request(3, option(3, '0a 00 00 c9'), option(129, 'ca 6a 2e 97'));
  automaton.receive(acceptable);
  assert.deepEqual(sent(), [{ ...acceptable, code: 2 }]);
  assert.equal(automaton.state, 'ackSent');
  assert.ok(outputs.some((o) => o.kind === 'transition' && o.event === 'rcr+' && o.packet === acceptable));
});

test('an option we want the peer to request is appended to our Nak when missing (RFC 1661 §5.3)', () => {
  const solicitAddr: OptionSpec<number> = {
    ...numberOption({ type: 3, name: 'addr', width: 4 }),
    solicit: () => ipv4('10.0.0.201'),
  };
  const { automaton, sent } = setup({ protocol: PppProtocol.IPCP, name: 'IPCP', options: [solicitAddr] });
  automaton.receive(request(4));
  assert.deepEqual(sent(), [reply(3, 4, option(3, '0a 00 00 c9'))]);
});

test('after Max-Failure (5) Naks without an Ack, Naks become Rejects (RFC 1661 §4.6, pppd reject_if_disagree)', () => {
  const { automaton, sent } = setup(IPCP);
  for (let id = 1; id <= 6; id++) automaton.receive(request(id, ADDR_ZERO));
  assert.deepEqual(
    sent().map((p) => p.code),
    [3, 3, 3, 3, 3, 4],
  );
  automaton.receive(request(7, option(3, '0a 00 00 c9')));
  automaton.receive(request(8, ADDR_ZERO));
  assert.deepEqual(sent().at(-1)?.code, 3, 'an Ack resets the count');
});

test('replies must carry our outstanding Identifier and arrive once; an Ack must echo our request exactly (RFC 1661 §5.2)', () => {
  const { automaton, discards, ourRequest } = setup(IPCP);
  assert.ok(ourRequest);
  automaton.receive({ ...ourRequest, code: 2, identifier: ourRequest.identifier + 1 });
  automaton.receive(reply(2, ourRequest.identifier, option(3, '0a 00 00 ff')));
  automaton.receive(reply(2, ourRequest.identifier));
  assert.deepEqual(discards(), ['stale-identifier', 'ack-mismatch', 'ack-mismatch']);
  assert.equal(automaton.state, 'reqSent');
  automaton.receive({ ...ourRequest, code: 2 });
  assert.equal(automaton.state, 'ackRcvd');
  automaton.receive({ ...ourRequest, code: 2 });
  assert.deepEqual(discards().at(-1), 'duplicate-reply');
  assert.equal(automaton.state, 'ackRcvd', 'no crossed-connection scr for a duplicate (pppd seen_ack)');
});

test('a Configure-Nak updates our next request, which takes a new Identifier (RFC 1661 §5.1, §5.3)', () => {
  const { automaton, sent, ourRequest } = setup(IPCP);
  assert.ok(ourRequest);
  automaton.receive(reply(3, ourRequest.identifier, option(3, '0a 00 00 01')));
  const next = sent()[0];
  assert.ok(next?.kind === 'configure');
  assert.equal(next.code, 1);
  assert.notEqual(next.identifier, ourRequest.identifier);
  assert.deepEqual(next.options, [option(3, '0a 00 00 01')]);
});

test('a Configure-Reject must be an unmodified, ordered subset of our request (RFC 1661 §5.4)', () => {
  const rejected: string[] = [];
  const spec: ProtocolSpec = {
    protocol: PppProtocol.IPCP,
    name: 'IPCP',
    options: [
      numberOption({ type: 3, name: 'addr', width: 4, desired: 1 }),
      {
        ...numberOption({ type: 129, name: 'ms-dns1', width: 4, desired: 2 }),
        onReject: () => rejected.push('ms-dns1'),
      },
    ],
  };
  const { automaton, sent, discards, ourRequest } = setup(spec);
  assert.ok(ourRequest);
  automaton.receive(reply(4, ourRequest.identifier, option(129, '00 00 00 09')));
  automaton.receive(reply(4, ourRequest.identifier, option(129, '00 00 00 02'), option(3, '00 00 00 01')));
  assert.deepEqual(discards(), ['reject-mismatch', 'reject-mismatch']);
  automaton.receive(reply(4, ourRequest.identifier, option(129, '00 00 00 02')));
  assert.deepEqual(rejected, ['ms-dns1']);
  assert.deepEqual(
    (sent()[0] as ConfigurePacket).options,
    [option(3, '00 00 00 01')],
    'never requested again',
  );
});

test('the Max-Failure-th Nak received drops the option like a Reject (pppd rnakloops)', () => {
  const { automaton, sent, ourRequest } = setup(IPCP);
  let identifier = ourRequest?.identifier ?? 0;
  for (let round = 0; round < 5; round++) {
    automaton.receive(reply(3, identifier, option(3, `0a 00 00 0${round}`)));
    identifier = sent().at(-1)?.identifier ?? -1;
  }
  assert.deepEqual((sent().at(-1) as ConfigurePacket).options, [], 'the 5th Nak removed addr');
});

test('a Nak for an option we did not request is ignored unless its onNak adopts it (RFC 1661 §5.3)', () => {
  const { automaton, sent, ourRequest } = setup(IPCP);
  assert.ok(ourRequest);
  automaton.receive(reply(3, ourRequest.identifier, option(129, '08 08 08 08'), option(0x42, '')));
  assert.deepEqual((sent()[0] as ConfigurePacket).options, [option(3, '0a 00 00 fe')]);
});

test('a Nak with a value our option cannot decode is discarded (pppd "bad configure-nak")', () => {
  const { automaton, discards, ourRequest } = setup(IPCP);
  assert.ok(ourRequest);
  automaton.receive(reply(3, ourRequest.identifier, option(3, '0a 00')));
  assert.deepEqual(discards(), ['bad-nak']);
  assert.equal(automaton.state, 'reqSent');
});

test('Code-Reject of Configure-Request is RXJ-; of an extension code RXJ+ (RFC 1661 §4.3, RFC 1570 §1.1)', () => {
  const fatal = setup(IPCP);
  fatal.automaton.receive({ kind: 'codeReject', code: 7, identifier: 1, rejectedPacket: hex('01 01 00 04') });
  assert.equal(fatal.automaton.state, 'stopped');
  assert.deepEqual(fatal.outputs[0], { kind: 'codeRejected', code: 1, fatal: true });
  const benign = setup(lcpFixture({ magic: 1 }), 'opened');
  benign.automaton.receive({
    kind: 'codeReject',
    code: 7,
    identifier: 1,
    rejectedPacket: hex('0c 01 00 08 00 00 00 00'),
  });
  assert.equal(benign.automaton.state, 'opened');
  assert.deepEqual(benign.outputs[0], { kind: 'codeRejected', code: 12, fatal: false });
});

test('an unknown code is Code-Rejected whole, with a new Identifier (RFC 1661 §5.6; IPCP has no code 9)', () => {
  const { automaton, sent } = setup(IPCP, 'opened');
  const unknown = hex('09 33 00 06 ab cd');
  automaton.receiveBytes(unknown);
  const [codeReject] = sent();
  assert.ok(codeReject?.kind === 'codeReject');
  assert.deepEqual(codeReject.rejectedPacket, unknown);
  assert.notEqual(codeReject.identifier, 0x33);
  assert.equal(automaton.state, 'opened', 'RUC in Opened: scj/9');
});

test('a Code-Reject copy is truncated to the peer MRU (RFC 1661 §5.6)', () => {
  const clock = new ManualClock();
  const outputs: CpOutput[] = [];
  const automaton = new CpAutomaton(IPCP, { clock, emit: (o) => outputs.push(o), peerMruBytes: 20 });
  automaton.up();
  automaton.receive({ kind: 'other', code: 0x20, identifier: 1, data: new Uint8Array(100) });
  const codeReject = outputs.find((o) => o.kind === 'send');
  assert.ok(codeReject?.kind === 'send' && codeReject.packet.kind === 'codeReject');
  assert.equal(encodeCpPacket(codeReject.packet).length, 20);
});

test('LCP Identification is silently ignored in any state (RFC 1570 §1.1 RXR; pppd lcp_extcode; anchors §6 #13)', () => {
  for (const state of ['reqSent', 'opened'] as const) {
    const { automaton, sent } = setup(lcpFixture({ magic: 1 }), state);
    automaton.receiveBytes(hex('0c 02 00 12 00 00 00 00 4d 53 52 41 53 56 35 2e 32 30'));
    assert.deepEqual(sent(), [], state);
    assert.equal(automaton.state, state);
  }
});

test('Echo-Request is answered with our magic in Opened only (RFC 1661 §5.8, RXR row)', () => {
  const echo = hex('09 05 00 0a ff 95 ae 08 be ef');
  const open = setup(lcpFixture({ magic: 0x4eeee626 }), 'opened');
  open.automaton.receiveBytes(echo);
  assert.equal(toHex(encodeCpPacket(open.sent()[0] as CpPacket)), '0a05000a4eeee626beef');
  const negotiating = setup(lcpFixture({ magic: 0x4eeee626 }), 'ackSent');
  negotiating.automaton.receiveBytes(echo);
  assert.deepEqual(negotiating.sent(), []);
});

test('Protocol-Reject: of an NCP is RXJ+ reported to the owner, of LCP RXJ-, outside Opened discarded (RFC 1661 §5.7)', () => {
  const rejected: number[] = [];
  const lcp = lcpFixture({ magic: 1, onProtocolReject: (protocol) => rejected.push(protocol) });
  const ncp = setup(lcp, 'opened');
  ncp.automaton.receiveBytes(hex('08 01 00 0a 80 57 01 01 00 04'));
  assert.equal(ncp.automaton.state, 'opened');
  assert.deepEqual(rejected, [PppProtocol.IPV6CP]);
  ncp.automaton.receiveBytes(hex('08 02 00 06 c0 21'));
  assert.equal(ncp.automaton.state, 'stopping', 'RXJ- in Opened: tld,irc,str/5');
  assert.equal(ncp.sent()[0]?.code, 5);
  const early = setup(lcp, 'reqSent');
  early.automaton.receiveBytes(hex('08 01 00 06 80 21'));
  assert.deepEqual(early.discards(), ['extra-code']);
});

test('CCP Reset-Request gets a Reset-Ack with its Identifier in Opened (RFC 1962 §3.1)', () => {
  const { automaton, sent } = setup(ccpFixture(), 'opened');
  automaton.receiveBytes(hex('0e 07 00 04'));
  assert.deepEqual(sent(), [{ kind: 'other', code: 15, identifier: 7, data: new Uint8Array(0) }]);
});

test('packets in Initial or Starting are discarded; a Configure-Request in Closed gets a Terminate-Ack (RFC 1661 §4.2)', () => {
  const initial = setup(IPCP, 'initial');
  initial.automaton.receive(request(1));
  assert.deepEqual(initial.discards(), ['not-started']);
  const closed = setup(IPCP, 'closed');
  closed.automaton.receive(request(4, ADDR_ZERO));
  assert.deepEqual(closed.sent(), [{ kind: 'terminate', code: 6, identifier: 4, data: new Uint8Array(0) }]);
  assert.equal(closed.automaton.state, 'closed');
});

test('malformed bytes are discarded without an event (RFC 1661 §5 Length)', () => {
  const { automaton, discards } = setup(IPCP);
  automaton.receiveBytes(hex('01 01 00 02'));
  assert.deepEqual(discards(), ['malformed']);
  assert.equal(automaton.state, 'reqSent');
});

test('negotiated values are ours as Acked and the peer’s as we Acked them', () => {
  const addr = IPCP.options[1] as OptionSpec<number>;
  const { automaton, ourRequest } = setup(IPCP);
  assert.ok(ourRequest);
  automaton.receive({ ...ourRequest, code: 2 });
  automaton.receive(request(9, { type: 3, data: u32Bytes(ipv4('10.0.0.201')) }));
  assert.equal(automaton.state, 'opened');
  assert.equal(automaton.ourValue(addr), ipv4('10.0.0.254'));
  assert.equal(automaton.peerValue(addr), ipv4('10.0.0.201'));
  assert.deepEqual(
    automaton.negotiated().peer.map((o) => o.name),
    ['addr'],
  );
});
