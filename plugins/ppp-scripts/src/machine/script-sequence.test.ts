import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScriptSequence } from './script-sequence.js';

test('up runs ip-up; down after it finished runs ip-down; then the session is settled', () => {
  const s = new ScriptSequence();
  assert.equal(s.up(), 'ip-up');
  assert.equal(s.settled, false);
  assert.equal(s.finished(), undefined);
  assert.equal(s.down(), 'ip-down');
  assert.equal(s.finished(), undefined);
  assert.equal(s.settled, true);
});

test('down while ip-up still runs waits: ip-down starts when ip-up finishes (pppd ipcp_script_done)', () => {
  const s = new ScriptSequence();
  assert.equal(s.up(), 'ip-up');
  assert.equal(s.down(), undefined, 'nothing starts while ip-up runs');
  assert.equal(s.settled, false);
  assert.equal(s.finished(), 'ip-down');
  assert.equal(s.finished(), undefined);
  assert.equal(s.settled, true);
});

test('down then up again while ip-up runs: nothing more runs (IP is up, ip-up ran)', () => {
  const s = new ScriptSequence();
  s.up();
  assert.equal(s.down(), undefined);
  assert.equal(s.up(), undefined);
  assert.equal(s.finished(), undefined);
  assert.equal(s.settled, false);
});

test('up again while ip-down runs: ip-up follows when ip-down finishes', () => {
  const s = new ScriptSequence();
  s.up();
  s.finished();
  assert.equal(s.down(), 'ip-down');
  assert.equal(s.up(), undefined);
  assert.equal(s.finished(), 'ip-up');
});

test('down without a previous up runs nothing (pppd: ip-down only after ip-up)', () => {
  const s = new ScriptSequence();
  assert.equal(s.down(), undefined);
  assert.equal(s.settled, true);
});
