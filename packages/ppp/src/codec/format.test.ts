// pppd-style traces: captured packets must print exactly as the server pppd logged them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { CAPTURED_FRAMES, ccpFixture, ipcpFixture, lcpFixture } from '../testing/index.js';
import { decodeCpPacket } from './cp-packet.js';
import { type CpFormatSpec, formatCpPacket, quote } from './format.js';
import { decodePppFrame } from './ppp-frame.js';
import { PppProtocol } from './protocols.js';

const SPECS: readonly CpFormatSpec[] = [
  lcpFixture({ magic: 0 }),
  ipcpFixture({ local: '0.0.0.0', assign: '0.0.0.0', dns1: '0.0.0.0', dns2: '0.0.0.0' }),
  ccpFixture(),
];
const LCP: CpFormatSpec = { name: 'LCP', protocol: PppProtocol.LCP };
const IPCP: CpFormatSpec = { name: 'IPCP', protocol: PppProtocol.IPCP };

function format(spec: CpFormatSpec, bytes: string): string {
  const decoded = decodeCpPacket(hex(bytes), spec.protocol);
  assert.ok(decoded.ok);
  return formatCpPacket(spec, decoded.value);
}

test('captured packets format exactly as the server pppd logged them (pptpd-reference-*.server-pppd.log)', () => {
  let checked = 0;
  for (const fixture of CAPTURED_FRAMES) {
    if (fixture.trace === undefined) continue;
    const frame = decodePppFrame(fixture.bytes);
    assert.ok(frame.ok);
    const spec = SPECS.find((candidate) => candidate.protocol === frame.value.protocol);
    assert.ok(spec);
    const packet = decodeCpPacket(frame.value.payload, spec.protocol);
    assert.ok(packet.ok);
    assert.equal(formatCpPacket(spec, packet.value), fixture.trace, `frame ${fixture.frame}`);
    checked++;
  }
  assert.ok(checked >= 20);
});

test('an option without a spec prints its raw bytes like pppd: < 0d 03 06> (lcp_printpkt)', () => {
  assert.equal(format(LCP, '01 02 00 07 0d 03 06'), 'LCP ConfReq id=0x2 < 0d 03 06>');
});

test('a code the protocol does not define prints as code=0x… (pppd fsm printer)', () => {
  assert.equal(format(IPCP, '09 01 00 06 ab cd'), 'IPCP code=0x9 id=0x1 ab cd');
  assert.equal(format(LCP, '0e 01 00 04'), 'LCP code=0xe id=0x1');
});

test('Identification and Time-Remaining print magic, seconds and text (RFC 1570; pppd lcp_printpkt)', () => {
  assert.equal(
    format(LCP, '0c 03 00 12 00 00 00 00 4d 53 52 41 53 56 35 2e 32 30'),
    'LCP Ident id=0x3 magic=0x0 "MSRASV5.20"',
  );
  assert.equal(
    format(LCP, '0d 04 00 0e 00 00 00 01 00 00 0e 10 68 69'),
    'LCP TimeRem id=0x4 magic=0x1 seconds=3600 "hi"',
  );
});

test('Terminate data that does not start printable, Code- and Protocol-Rejects print as hex', () => {
  assert.equal(format(LCP, '05 02 00 06 00 41'), 'LCP TermReq id=0x2 00 41');
  assert.equal(format(LCP, '07 05 00 08 0e 01 00 04'), 'LCP CodeRej id=0x5 0e 01 00 04');
  assert.equal(format(LCP, '08 06 00 0a 80 57 01 01 00 04'), 'LCP ProtRej id=0x6 80 57 01 01 00 04');
});

test('leftover data stops after 32 bytes with " ..." (pppd lcp_printpkt)', () => {
  const long = '09 01 00 2c 00 00 00 01 ' + '11 '.repeat(40);
  assert.equal(format(LCP, long), 'LCP EchoReq id=0x1 magic=0x1' + ' 11'.repeat(32) + ' ...');
});

test('quote escapes like pppd print_string', () => {
  assert.equal(quote(hex('41 22 5c 0a 0d 09 01 7f')), '"A\\"\\\\\\n\\r\\t\\001\\177"');
});
