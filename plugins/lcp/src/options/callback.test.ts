import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hex } from '@switchyard/wire';
import { CBCP_OPERATION, callbackOption } from './callback.js';

test('Callback (13) decodes the operation and prints Windows’ CBCP as pppd does (RFC 1570 §2.3)', () => {
  const value = callbackOption.decode(hex('06'));
  assert.deepEqual(value, { operation: CBCP_OPERATION, message: new Uint8Array(0) });
  assert.equal(callbackOption.format(value!), '<callback CBCP>');
  assert.deepEqual(callbackOption.encode(value!), hex('06'));
  assert.equal(callbackOption.format({ operation: 1, message: hex('31') }), '<callback 0x1 31>');
  assert.equal(callbackOption.decode(new Uint8Array(0)), undefined);
});

test('Callback is never requested and always Rejected (anchors §6 #13: pppd rejects CBCP)', () => {
  assert.equal(callbackOption.desired(), undefined);
  assert.deepEqual(callbackOption.judge({ operation: CBCP_OPERATION, message: new Uint8Array(0) }), {
    verdict: 'reject',
  });
});
