// Interop oracle: bytes we encode, including what the machines produce in a session, are written to
// a pcap on TCP port 1723 and decoded by tshark; every field must match and nothing may be malformed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallIdAllocator } from '../machine/call-id-allocator.js';
import { PacControlConnection } from '../machine/pac-control-connection.js';
import { PnsControlConnection } from '../machine/pns-control-connection.js';
import type { ControlOutput } from '../machine/types.js';
import { harness, sent } from '../testing/harness.js';
import { pcapFile, TcpConversation } from '@switchyard/wire/testing';
import { SAMPLE_MESSAGES } from '../testing/sample-messages.js';
import { runTshark, tsharkAvailable } from '@switchyard/wire/testing';
import { ControlMessageType } from './constants.js';
import { encodePptpMessage } from './message-codec.js';
import type { PptpMessage } from './messages.js';

const skip = tsharkAvailable() ? false : 'tshark not installed (apt-get install tshark); CI installs it';

/** Our field name → tshark's (anchors §5.1). Result Code has one tshark field per message. */
const TSHARK_FIELD: Readonly<Record<string, string>> = {
  protocolVersion: 'pptp.protocol_version',
  framingCapabilities: 'pptp.framing_capabilities',
  bearerCapabilities: 'pptp.bearer_capabilities',
  maximumChannels: 'pptp.maximum_channels',
  firmwareRevision: 'pptp.firmware_revision',
  hostName: 'pptp.host_name',
  vendorString: 'pptp.vendor_name',
  errorCode: 'pptp.error',
  reason: 'pptp.reason',
  identifier: 'pptp.identifier',
  callId: 'pptp.call_id',
  callSerialNumber: 'pptp.call_serial_number',
  minimumBps: 'pptp.minimum_bps',
  maximumBps: 'pptp.maximum_bps',
  bearerType: 'pptp.bearer_type',
  callBearerType: 'pptp.bearer_type',
  framingType: 'pptp.framing_type',
  packetRecvWindowSize: 'pptp.packet_receive_window_size',
  packetProcessingDelay: 'pptp.packet_processing_delay',
  packetTransmitDelay: 'pptp.packet_processing_delay',
  phoneNumberLength: 'pptp.phone_number_length',
  phoneNumber: 'pptp.phone_number',
  subaddress: 'pptp.subaddress',
  peerCallId: 'pptp.peer_call_id',
  causeCode: 'pptp.cause',
  connectSpeed: 'pptp.connect_speed',
  physicalChannelId: 'pptp.physical_channel_id',
  dialedNumberLength: 'pptp.dialed_number_length',
  dialingNumberLength: 'pptp.dialing_number_length',
  dialedNumber: 'pptp.dialed_number',
  dialingNumber: 'pptp.dialing_number',
  callStatistics: 'pptp.call_Statistics',
  crcErrors: 'pptp.crc_errors',
  framingErrors: 'pptp.framing_errors',
  hardwareOverruns: 'pptp.hardware_overruns',
  bufferOverruns: 'pptp.buffer_overruns',
  timeoutErrors: 'pptp.timeout_errors',
  alignmentErrors: 'pptp.alignment_errors',
  sendAccm: 'pptp.send_accm',
  receiveAccm: 'pptp.receive_accm',
};
const RESULT_FIELD: Partial<Record<PptpMessage['type'], string>> = {
  StartControlConnectionReply: 'pptp.control_result',
  StopControlConnectionReply: 'pptp.stop_result',
  EchoReply: 'pptp.echo_result',
  OutgoingCallReply: 'pptp.out_result',
  IncomingCallReply: 'pptp.in_result',
  CallDisconnectNotify: 'pptp.disc_result',
};

function expectedFields(m: PptpMessage): Record<string, string> {
  const out: Record<string, string> = {
    'pptp.control_message_type': String(ControlMessageType[m.type]),
  };
  for (const [name, value] of Object.entries(m)) {
    if (name === 'type') continue;
    const field = name === 'resultCode' ? RESULT_FIELD[m.type] : TSHARK_FIELD[name];
    assert.ok(field, `no tshark field for ${m.type}.${name}`);
    out[field] = name.endsWith('Accm') ? `0x${Number(value).toString(16).padStart(8, '0')}` : String(value);
  }
  return out;
}

interface TsharkFrame {
  readonly layers: Record<string, Record<string, unknown> | undefined>;
}

/** pcap of a TCP 1723 conversation carrying `messages` (client → server), decoded by `tshark -T json`. */
function dissect(messages: readonly PptpMessage[], corrupt?: (bytes: Uint8Array) => void): TsharkFrame[] {
  const tcp = new TcpConversation({ ip: '192.0.2.2', port: 40_000 }, { ip: '192.0.2.1', port: 1723 });
  const packets = tcp.handshake();
  for (const message of messages) {
    const bytes = encodePptpMessage(message);
    corrupt?.(bytes);
    packets.push(tcp.send('client', bytes));
  }
  const json = runTshark(pcapFile(packets.map((data, i) => ({ timeMs: i * 10, data }))), [
    '-T',
    'json',
    '-Y',
    'pptp',
  ]);
  return (JSON.parse(json ?? '[]') as { _source: TsharkFrame }[]).map((p) => p._source);
}

/** Every expert item tshark attached anywhere in the frame, with severity at least `minimum`. */
function expertItems(node: unknown, minimum = 0x00400000, found: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === '_ws.malformed') found.push('malformed');
    if (key === '_ws.expert' && value !== null && typeof value === 'object') {
      const e = value as Record<string, string>;
      if (Number(e['_ws.expert.severity']) >= minimum) found.push(e['_ws.expert.message'] ?? 'expert');
    }
    expertItems(value, minimum, found);
  }
  return found;
}

function assertDissected(messages: readonly PptpMessage[]): void {
  const frames = dissect(messages);
  assert.equal(frames.length, messages.length);
  frames.forEach((frame, i) => {
    const message = messages[i]!;
    assert.deepEqual(expertItems(frame.layers), [], `${message.type}: malformed or expert info`);
    const pptp = frame.layers['pptp'] ?? {};
    for (const [field, value] of Object.entries(expectedFields(message))) {
      assert.equal(pptp[field], value, `${message.type} ${field}`);
    }
  });
}

test(
  'tshark decodes every control message type we encode field for field, nothing malformed',
  { skip },
  () => {
    assertDissected(Object.values(SAMPLE_MESSAGES));
  },
);

test('tshark decodes what the PAC and PNS machines send in a session without complaint', { skip }, () => {
  const collect: PptpMessage[] = [];
  const h = harness();
  const pns = new PnsControlConnection({ ...h.deps, callIds: new CallIdAllocator({ first: 77 }) });
  const pac = new PacControlConnection({ ...h.deps, callIds: new CallIdAllocator() });
  pac.handle({ type: 'open' });
  const pump = (outputs: ControlOutput[], to: PacControlConnection | PnsControlConnection): void => {
    for (const message of sent(outputs)) {
      collect.push(message);
      pump(to.handle({ type: 'message', message }), to === pac ? pns : pac);
    }
  };
  pump(pns.handle({ type: 'open' }), pac);
  pump(pns.handle({ type: 'place-call', parameters: { phoneNumber: '1723' } }), pac);
  pump(pns.handle({ type: 'message', message: SAMPLE_MESSAGES.IncomingCallRequest }), pac);
  pump(pns.handle({ type: 'clear-call', callId: 77 }), pac);
  pump(pns.handle({ type: 'stop', reason: 3 }), pac);
  assert.deepEqual(
    collect.map((m) => m.type),
    [
      'StartControlConnectionRequest',
      'StartControlConnectionReply',
      'OutgoingCallRequest',
      'OutgoingCallReply',
      'IncomingCallReply',
      'CallClearRequest',
      'CallDisconnectNotify',
      'StopControlConnectionRequest',
      'StopControlConnectionReply',
    ],
  );
  assertDissected(collect);
});

test('the tshark check does catch a broken message (negative control: bad Magic Cookie)', { skip }, () => {
  const frames = dissect([SAMPLE_MESSAGES.EchoRequest], (bytes) => (bytes[7] = 0));
  assert.deepEqual(expertItems(frames[0]?.layers), ['Incorrect Magic Cookie']);
});
