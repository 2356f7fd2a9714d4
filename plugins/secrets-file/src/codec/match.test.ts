import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSecret, matchScore, serverMismatches } from './match.js';

const entry = (line: number, client: string, server: string) => ({ line, client, server });

test('pppd scoring: exact client and server 3, exact client 2, exact server 1, both wild 0', () => {
  assert.equal(matchScore(entry(1, 'vpn1', 'pptpd'), 'vpn1', 'pptpd'), 3);
  assert.equal(matchScore(entry(1, 'vpn1', '*'), 'vpn1', 'pptpd'), 2);
  assert.equal(matchScore(entry(1, '*', 'pptpd'), 'vpn1', 'pptpd'), 1);
  assert.equal(matchScore(entry(1, '*', '*'), 'vpn1', 'pptpd'), 0);
  assert.equal(matchScore(entry(1, 'vpn2', '*'), 'vpn1', 'pptpd'), -1);
  assert.equal(matchScore(entry(1, 'vpn1', 'other'), 'vpn1', 'pptpd'), -1);
});

test('the best match wins wherever it is in the file; an exact client beats an exact server', () => {
  const entries = [
    entry(1, '*', '*'),
    entry(2, '*', 'pptpd'),
    entry(3, 'vpn1', '*'),
    entry(4, 'vpn1', 'pptpd'),
  ];
  assert.equal(findSecret(entries, 'vpn1', 'pptpd')?.line, 4);
  assert.equal(findSecret(entries.slice(0, 3), 'vpn1', 'pptpd')?.line, 3);
  assert.equal(findSecret(entries.slice(0, 2), 'vpn1', 'pptpd')?.line, 2);
  assert.equal(findSecret(entries.slice(0, 2), 'vpn1', 'elsewhere')?.line, 1);
});

test('among equal matches the first line wins (scan_authfile: got_flag <= best_flag is skipped)', () => {
  assert.equal(findSecret([entry(1, 'vpn1', 'pptpd'), entry(2, 'vpn1', 'pptpd')], 'vpn1', 'pptpd')?.line, 1);
});

test('a mismatched server column makes the login fail, as the seed warns, and is found for the hint', () => {
  const entries = [entry(3, 'vpn1', 'Nanu-VPN')];
  assert.equal(findSecret(entries, 'vpn1', 'pptpd'), undefined);
  assert.deepEqual(serverMismatches(entries, 'vpn1', 'pptpd'), entries);
  assert.deepEqual(serverMismatches(entries, 'vpn1', 'Nanu-VPN'), []);
});

test('names are case-sensitive, as strcmp is', () => {
  assert.equal(findSecret([entry(1, 'VPN1', '*')], 'vpn1', 'pptpd'), undefined);
  assert.equal(findSecret([entry(1, 'vpn1', 'nanu-vpn')], 'vpn1', 'Nanu-VPN'), undefined);
});
