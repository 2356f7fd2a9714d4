import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hex } from '@switchyard/wire';
import { encodeGreAck, encodeGrePacket } from '../codec/gre-packet.js';
import * as captures from '../testing/captures.js';
import { GreDemux, ipv4FromBytes, ipv4ToNumber } from './demux.js';

const NAT = ipv4ToNumber('198.51.100.7');
const OTHER = ipv4ToNumber('203.0.113.9');
const packet = (callId: number) => encodeGrePacket({ callId, sequenceNumber: 1 }, hex('c0 21'));

test('packets are routed by (source address, our Call ID) (anchors §6 #1, Linux lookup_chan)', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 128, 'alice');
  demux.add(NAT, 129, 'bob'); // two clients behind one NAT share the address
  assert.equal(demux.route(NAT, packet(128)), 'alice');
  assert.equal(demux.route(NAT, packet(129)), 'bob');
  assert.equal(demux.route(NAT, encodeGreAck(129, 5)), 'bob', 'ack-only packets route too');
  assert.equal(demux.counters.routed, 3);
});

test('a known Call ID from another address is dropped as wrong-source and counted', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 128, 'alice');
  assert.equal(demux.route(OTHER, packet(128)), 'wrong-source');
  assert.equal(demux.counters.wrongSource, 1);
});

test('an unknown Call ID is dropped as unknown-call and counted (pptpd drops silently)', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 128, 'alice');
  assert.equal(demux.route(NAT, packet(4242)), 'unknown-call');
  assert.equal(demux.counters.unknownCall, 1);
});

test('malformed packets are dropped with their reason counted, before any lookup', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 0, 'pptpd-style call 0');
  const bad = captures.linuxLcpConfReq.slice();
  bad[1] = 0x00; // version 0: plain GRE, not PPTP
  assert.equal(demux.route(NAT, bad), 'malformed');
  assert.equal(demux.route(NAT, captures.linuxLcpConfReq.subarray(0, 20)), 'malformed');
  assert.deepEqual(demux.counters.malformedBy, { 'bad-version': 1, 'payload-truncated': 1 });
  assert.equal(demux.route(NAT, captures.linuxLcpConfReq), 'pptpd-style call 0');
});

test('remove() stops routing; the Call ID becomes unknown once no address uses it', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 128, 'a');
  demux.add(OTHER, 128, 'b');
  assert.equal(demux.remove(NAT, 128), true);
  assert.equal(demux.route(NAT, packet(128)), 'wrong-source');
  demux.remove(OTHER, 128);
  assert.equal(demux.route(NAT, packet(128)), 'unknown-call');
  assert.equal(demux.remove(OTHER, 128), false);
  assert.equal(demux.size, 0);
});

test('registering the same (address, Call ID) twice is a bug', () => {
  const demux = new GreDemux<string>();
  demux.add(NAT, 1, 'a');
  assert.throws(() => demux.add(NAT, 1, 'b'));
});

test('IPv4 addresses convert from text and from header bytes to the same unsigned number', () => {
  assert.equal(ipv4ToNumber('255.255.255.255'), 0xffffffff);
  assert.equal(ipv4ToNumber('172.31.255.2'), ipv4FromBytes(hex('00 ac 1f ff 02'), 1));
  assert.throws(() => ipv4ToNumber('1.2.3'));
  assert.throws(() => ipv4ToNumber('1.2.3.256'));
  assert.throws(() => ipv4ToNumber('1.2.3.x'));
});
