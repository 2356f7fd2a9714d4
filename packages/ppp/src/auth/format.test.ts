// pppd-style traces: the captured CHAP packets must print exactly as the server pppd logged them
// (pptpd-reference-*.server-pppd.log); PAP prints like upap_printpkt, never showing the password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { CAPTURED_CHAP } from './captured-chap.js';
import { formatChapBytes, formatPapBytes } from './format.js';

test('captured CHAP packets format exactly as pppd 2.4.9 logged them', () => {
  for (const exchange of CAPTURED_CHAP) {
    assert.equal(formatChapBytes(exchange.challenge), exchange.traces[0]);
    assert.equal(formatChapBytes(exchange.response), exchange.traces[1]);
    assert.equal(formatChapBytes(exchange.status), exchange.traces[2]);
  }
});

test('unknown CHAP codes print as code=0x.. with the data in hex; malformed input as a hex dump', () => {
  assert.equal(formatChapBytes(hex('07 08 00 06 01 02')), 'CHAP code=0x7 id=0x8 01 02');
  assert.equal(formatChapBytes(hex('01 01 00 09 41')), 'CHAP 01 01 00 09 41 (truncated)');
  assert.equal(formatChapBytes(new Uint8Array(40)).endsWith(' ... (bad-length)'), true);
});

test('non-printable name and message bytes are escaped like pppd print_string', () => {
  assert.equal(
    formatChapBytes(hex('02 01 00 09 01 aa 61 0a 22')),
    'CHAP Response id=0x1 <aa>, name = "a\\n\\""',
  );
  assert.equal(formatChapBytes(hex('04 02 00 06 5c 01')), 'CHAP Failure id=0x2 "\\\\\\001"');
});

test('PAP: AuthReq hides the password (pppd hide-password), AuthAck/AuthNak quote the message', () => {
  assert.equal(
    formatPapBytes(hex('01 01 00 10 04 76 70 6e 31 06 31 32 33 34 35 36')),
    'PAP AuthReq id=0x1 user="vpn1" password=<hidden>',
  );
  assert.equal(
    formatPapBytes(hex('02 01 00 0d 08 4c 6f 67 69 6e 20 6f 6b')),
    'PAP AuthAck id=0x1 "Login ok"',
  );
  assert.equal(formatPapBytes(hex('03 02 00 05 00')), 'PAP AuthNak id=0x2 ""');
  assert.equal(formatPapBytes(hex('05 02 00 05 00')), 'PAP code=0x5 id=0x2 00');
});

test('an undecodable AuthReq is dumped only up to its header, so no password bytes reach the log', () => {
  const text = formatPapBytes(hex('01 01 00 10 04 76 70 6e 31 09 31 32 33 34 35 36'));
  assert.equal(text, 'PAP 01 01 00 10 ... (bad-passwd-length)');
});
