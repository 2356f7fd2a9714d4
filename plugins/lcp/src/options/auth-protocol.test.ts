import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { type AuthChoice, authProtocolOption, formatAuth } from './auth-protocol.js';

const choice = (name: string, protocol: number, data: number[]): AuthChoice => ({
  name,
  protocol,
  data: new Uint8Array(data),
});
const MSV2 = choice('mschap-v2', 0xc223, [0x81]);
const MSV1 = choice('mschap', 0xc223, [0x80]);
const MD5 = choice('chap-md5', 0xc223, [0x05]);
const PAP = choice('pap', 0xc023, []);
const plain = ({ protocol, data }: AuthChoice) => ({ protocol, data });

test('Authentication-Protocol decodes protocol + data, round-trips 03 05 c2 23 81 (RFC 1661 §6.2)', () => {
  const auth = authProtocolOption({ request: [MSV2], accept: [] });
  const value = auth.decode(hex('c2 23 81'));
  assert.deepEqual(value, { protocol: 0xc223, data: hex('81') });
  assert.deepEqual(auth.encode(value!), hex('c2 23 81'));
  assert.equal(auth.decode(hex('c2')), undefined);
});

test('traces read as pppd prints them: <auth chap MS-v2>, <auth chap MD5>, <auth pap>, <auth eap>', () => {
  assert.equal(formatAuth(plain(MSV2)), '<auth chap MS-v2>');
  assert.equal(formatAuth(plain(MSV1)), '<auth chap MS>');
  assert.equal(formatAuth(plain(MD5)), '<auth chap MD5>');
  assert.equal(formatAuth(plain(PAP)), '<auth pap>');
  assert.equal(formatAuth({ protocol: 0xc227, data: new Uint8Array(0) }), '<auth eap>');
  assert.equal(formatAuth({ protocol: 0xc025, data: hex('01') }), '<auth 0xc025 01>');
});

test('the authenticator requests its strongest allowed protocol (pppd lcp_addci)', () => {
  assert.deepEqual(authProtocolOption({ request: [MSV2, MD5, PAP], accept: [] }).desired(), plain(MSV2));
  assert.equal(authProtocolOption({ request: [], accept: [] }).desired(), undefined);
});

test('a Nak suggesting another allowed protocol switches to it (pppd lcp_nakci)', () => {
  const auth = authProtocolOption({ request: [MSV2, MD5, PAP], accept: [] });
  auth.desired();
  assert.deepEqual(auth.onNak?.(plain(PAP), plain(MSV2)), plain(PAP));
});

test('a Nak suggesting something not allowed moves to the next weaker one, then stops (pppd lcp_nakci)', () => {
  const auth = authProtocolOption({ request: [MSV2, MD5], accept: [] });
  auth.desired();
  const eap = { protocol: 0xc227, data: new Uint8Array(0) };
  assert.deepEqual(auth.onNak?.(eap, plain(MSV2)), plain(MD5));
  assert.equal(auth.onNak?.(eap, plain(MD5)), undefined, 'none left: the option is dropped');
  assert.deepEqual(auth.desired(), plain(MSV2), 'a new negotiation starts from the strongest again');
});

test('server side: the peer asking us to authenticate is Rejected (we hold no credentials)', () => {
  const auth = authProtocolOption({ request: [MSV2], accept: [] });
  assert.deepEqual(auth.judge(plain(MSV2)), { verdict: 'reject' });
});

test('client side: an allowed protocol is Acked, another Nak’d with our strongest, refused-all Rejected', () => {
  const auth = authProtocolOption({ request: [], accept: [MSV2, PAP] });
  assert.deepEqual(auth.judge(plain(MSV2)), { verdict: 'ack' });
  assert.deepEqual(auth.judge(plain(MD5)), { verdict: 'nak', suggest: plain(MSV2) });
  assert.deepEqual(authProtocolOption({ request: [], accept: [] }).judge(plain(PAP)), { verdict: 'reject' });
});
