import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ControlMessageType, type ControlMessageName } from './constants.js';
import { formatPptpMessage } from './format.js';
import { decodePptpMessage } from './message-codec.js';
import * as captures from '../testing/captures.js';
import { SAMPLE_MESSAGES } from '../testing/sample-messages.js';

test('traces name the message as pptpd logs do and decode result codes', () => {
  const ocrp = decodePptpMessage(captures.pptpdOcrp);
  assert.ok(ocrp.ok);
  assert.equal(
    formatPptpMessage(ocrp.value),
    '[OCRP call-id=0 peer-call-id=56429 result=connected cause=0 speed=10000000 window=3 delay=0 channel=0]',
  );
  const sccrp = decodePptpMessage(captures.pptpdSccrp);
  assert.ok(sccrp.ok);
  assert.equal(
    formatPptpMessage(sccrp.value),
    '[SCCRP version=1.0 result=success framing=0 bearer=0 max-channels=1 firmware=0x0001 host="local" vendor="linux"]',
  );
});

test('general errors and unknown codes are shown, not hidden', () => {
  assert.equal(
    formatPptpMessage({ type: 'StopControlConnectionReply', resultCode: 2, errorCode: 4 }),
    '[StopCCRP result=general-error error=no-resource]',
  );
  assert.equal(formatPptpMessage({ type: 'StopControlConnectionRequest', reason: 9 }), '[StopCCRQ reason=9]');
});

test('every message type has a trace', () => {
  for (const name of Object.keys(ControlMessageType) as ControlMessageName[]) {
    assert.match(formatPptpMessage(SAMPLE_MESSAGES[name]), /^\[[A-Za-z]+ .+\]$/);
  }
});
