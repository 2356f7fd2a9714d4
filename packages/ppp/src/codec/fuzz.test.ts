// Seeded fuzzing (smoltcp's fuzz/, STYLE §3.5): random and mutated bytes never make a decoder or an
// automaton throw, and whatever decodes re-encodes to the same bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '@switchyard/core/testing';
import { CpAutomaton } from '../cp-automaton/automaton.js';
import { CAPTURED_FRAMES, ccpFixture, ipcpFixture, lcpFixture } from '../testing/index.js';
import { decodeCpPacket, encodeCpPacket } from './cp-packet.js';
import { formatCpPacket } from './format.js';
import { decodePppFrame } from './ppp-frame.js';
import { PppProtocol } from './protocols.js';
// mulberry32, seeded, so a failure replays (STYLE §3.10).
import { seededRandom as random } from '@switchyard/wire/testing';

const PROTOCOLS = [PppProtocol.LCP, PppProtocol.IPCP, PppProtocol.CCP, PppProtocol.IPV6CP];
const SPECS = [
  lcpFixture({ magic: 0x4eeee626, requireMsChapV2: true }),
  ipcpFixture({ local: '10.0.0.254', assign: '10.0.0.201', dns1: '1.1.1.1', dns2: '8.8.8.8' }),
  ccpFixture(),
];

/** Whatever decodes must re-encode to exactly the bytes up to its Length. */
function checkCp(bytes: Uint8Array, protocol: number): void {
  const decoded = decodeCpPacket(bytes, protocol);
  if (!decoded.ok) return;
  const length = ((bytes[2] as number) << 8) | (bytes[3] as number);
  assert.deepEqual(encodeCpPacket(decoded.value), bytes.subarray(0, length));
  for (const spec of SPECS) formatCpPacket(spec, decoded.value);
}

test('random bytes never make the decoders throw, and what decodes re-encodes exactly (seed 1661)', () => {
  const next = random(1661);
  for (let i = 0; i < 20000; i++) {
    const bytes = new Uint8Array(Math.floor(next() * 48));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
    // Bias towards plausible headers: a small code and a Length that often fits.
    if (bytes.length >= 4 && next() < 0.7) {
      bytes[0] = 1 + Math.floor(next() * 15);
      bytes[2] = 0;
      bytes[3] = Math.floor(next() * (bytes.length + 2));
    }
    for (const protocol of PROTOCOLS) checkCp(bytes, protocol);
    decodePppFrame(bytes);
  }
});

test('mutated captured packets never make the decoders throw (seed 2637)', () => {
  const next = random(2637);
  const payloads = CAPTURED_FRAMES.map((fixture) => decodePppFrame(fixture.bytes))
    .filter((frame) => frame.ok)
    .map((frame) => frame.value);
  for (let i = 0; i < 5000; i++) {
    const source = payloads[Math.floor(next() * payloads.length)];
    assert.ok(source);
    const bytes = source.payload.slice();
    const flips = 1 + Math.floor(next() * 3);
    for (let f = 0; f < flips; f++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    checkCp(bytes, source.protocol);
  }
});

test('random bytes fed to opened automata never throw (seed 1570)', () => {
  const next = random(1570);
  const clock = new ManualClock();
  const automata = SPECS.map((spec) => new CpAutomaton(spec, { clock, emit: () => {} }));
  for (const automaton of automata) {
    automaton.open();
    automaton.up();
    automaton.handle('rca');
    automaton.handle('rcr+');
  }
  for (let i = 0; i < 5000; i++) {
    const bytes = new Uint8Array(4 + Math.floor(next() * 24));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
    bytes[0] = 1 + Math.floor(next() * 15);
    bytes[2] = 0;
    bytes[3] = bytes.length;
    for (const automaton of automata) automaton.receiveBytes(bytes);
    clock.advance(Math.floor(next() * 4000));
  }
});
