import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitsAny, authorizes, authorizesExplicitly, compileAddressPolicy } from './address-policy.js';
import { parseIpv4 } from './ipv4.js';

const ip = (text: string) => {
  const parsed = parseIpv4(text);
  assert.ok(parsed.ok);
  return parsed.value;
};
const allows = (words: string[], address: string) => authorizes(compileAddressPolicy(words), ip(address));

test('an empty list has no opinion: any address, but only as a wildcard (core LeaseRequest contract)', () => {
  const policy = compileAddressPolicy([]);
  assert.ok(authorizes(policy, ip('10.0.0.200')));
  assert.equal(authorizesExplicitly(policy, ip('10.0.0.200')), false);
  assert.equal(policy.suggested, undefined);
});

test('* allows any address; - allows none; - and * end the list (pppd set_allowed_addrs)', () => {
  assert.ok(allows(['*'], '192.0.2.1'));
  assert.equal(allows(['-'], '10.0.0.200'), false);
  assert.equal(admitsAny(compileAddressPolicy(['-'])), false);
  assert.equal(allows(['-', '10.0.0.5'], '10.0.0.5'), false);
  assert.ok(allows(['10.0.0.5', '-', '10.0.0.6'], '10.0.0.5'));
  assert.equal(allows(['10.0.0.5', '-', '10.0.0.6'], '10.0.0.6'), false);
  assert.ok(allows(['*', '!10.0.0.5'], '10.0.0.5'), 'words after * are ignored');
});

test('a single address is the static address (pppd suggested_ip); other addresses are refused', () => {
  const policy = compileAddressPolicy(['10.0.0.201']);
  assert.equal(policy.suggested, '10.0.0.201');
  assert.ok(authorizesExplicitly(policy, ip('10.0.0.201')));
  assert.equal(authorizes(policy, ip('10.0.0.202')), false);
});

test('subnets and exclusions: the first matching word decides (pppd ip_addr_check)', () => {
  assert.ok(allows(['10.0.0.0/24'], '10.0.0.77'));
  assert.equal(allows(['10.0.0.0/24'], '10.0.1.1'), false);
  assert.equal(allows(['!10.0.0.5', '10.0.0.0/24'], '10.0.0.5'), false);
  assert.ok(allows(['10.0.0.0/24', '!10.0.0.5'], '10.0.0.5'), 'the subnet matched first');
  assert.ok(allows(['10.0.0.9/24'], '10.0.0.1'), 'host bits of the base are masked off, as pppd does');
  assert.ok(allows(['0.0.0.0/1'], '10.0.0.1'));
  assert.equal(compileAddressPolicy(['10.0.0.0/24', '!10.0.0.5', '10.0.0.9']).suggested, '10.0.0.9');
  assert.equal(
    compileAddressPolicy(['!10.0.0.5']).suggested,
    undefined,
    'an exclusion is not a static address',
  );
});

test('bad peer addresses are refused even when a rule allows them (pppd auth_ip_addr)', () => {
  assert.equal(allows(['*'], '127.0.0.1'), false);
  assert.equal(allows(['224.0.0.0/4'], '224.0.0.1'), false);
});

test('words pppd would skip are ignored with a reason; an all-ignored list allows nothing', () => {
  const policy = compileAddressPolicy(['10.0.0.0/24+', 'gateway.example', '10.0.0.0/33', '10.0.0.1/8/8']);
  assert.deepEqual(
    policy.ignored.map((i) => i.word),
    ['10.0.0.0/24+', 'gateway.example', '10.0.0.0/33', '10.0.0.1/8/8'],
  );
  assert.match(policy.ignored[0]?.reason ?? '', /unit number/);
  assert.match(policy.ignored[1]?.reason ?? '', /not looked up/);
  assert.equal(admitsAny(policy), false);
});
