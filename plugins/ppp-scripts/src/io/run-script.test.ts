// Real processes from temporary scripts: what the child sees and how each kind of end is reported.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@switchyard/core';
import { LogCapture } from '@switchyard/core/testing';
import { logOutcome } from './script-host.js';
import { ScriptProcesses } from './run-script.js';

const dir = mkdtempSync(join(tmpdir(), 'sy-run-script-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

const clock = new SystemClock();

/** The process's state letter, or undefined once it is gone or a zombie (its parent may not reap it). */
function liveState(pid: number): string | undefined {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state === 'Z' || state === 'X' ? undefined : state;
  } catch {
    return undefined;
  }
}
const run = (argv: string[], env: Record<string, string> = {}, timeoutMs = 10_000) =>
  new ScriptProcesses().run({ argv, env, timeoutMs, killGraceMs: 500 }, clock);

test('the child gets exactly the argv and environment given, cwd /, stdin /dev/null, its own session', async () => {
  const out = join(dir, 'seen');
  const path = script(
    'seen',
    `{ for a in "$0" "$@"; do echo "arg=$a"; done; env | sort; echo "cwd=$(pwd)"; ` +
      `echo "stdin=$(readlink /proc/self/fd/0)"; echo "sid=$(cut -d' ' -f6 /proc/$$/stat) pid=$$"; } > ${out}`,
  );
  const outcome = await run([path, 'sy-pptp0', 'none'], { PATH: '/usr/bin:/bin', IFNAME: 'sy-pptp0' });
  assert.equal(outcome.kind, 'exited');
  const seen = readFileSync(out, 'utf8').split('\n');
  assert.deepEqual(
    seen.filter((l) => l.startsWith('arg=')),
    [`arg=${path}`, 'arg=sy-pptp0', 'arg=none'],
  );
  // sh adds PWD, SHLVL and _ itself; nothing of ours leaks (HOME, the test runner's variables…).
  const env = seen.filter((l) => /^[A-Z_]+=/.test(l) && !/^(PWD|SHLVL|_|OLDPWD)=/.test(l));
  assert.deepEqual(env, ['IFNAME=sy-pptp0', 'PATH=/usr/bin:/bin']);
  assert.ok(seen.includes('cwd=/'));
  assert.ok(seen.includes('stdin=/dev/null'));
  const [, sid, pid] = /sid=(\d+) pid=(\d+)/.exec(seen.join('\n')) ?? [];
  assert.equal(sid, pid, 'setsid(): the script leads its own session');
});

test('a missing file is absent (pppd runs nothing, says nothing); a non-executable one is refused', async () => {
  assert.deepEqual(await run([join(dir, 'nothing-here')]), { kind: 'absent' });
  const plain = script('plain', 'exit 0', 0o644);
  const outcome = await run([plain]);
  assert.equal(outcome.kind, 'not-executable');
  const logs = new LogCapture();
  logOutcome('ip-up', plain, outcome, logs.logger(), 1000);
  assert.match(logs.lines('warn').join('\n'), /ip-up: Can't execute .*plain: Permission denied/);
  mkdirSync(join(dir, 'a-directory'));
  assert.equal((await run([join(dir, 'a-directory')])).kind, 'not-executable');
});

test('a non-zero exit is reported with its status, and the output is kept for the debug log', async () => {
  const path = script('fails', 'echo "no route to 10.9.9.9" >&2; exit 3');
  const outcome = await run([path]);
  assert.deepEqual(outcome, {
    kind: 'exited',
    code: 3,
    signal: null,
    timedOut: false,
    output: 'no route to 10.9.9.9\n',
  });
  const logs = new LogCapture();
  logOutcome('ip-down', path, outcome, logs.logger(), 1000);
  assert.match(logs.lines('warn').join('\n'), /ip-down: .*fails failed with exit status 3/);
  assert.match(logs.lines('debug').join('\n'), /ip-down output: no route to 10\.9\.9\.9/);
});

test('a script past its time limit is killed with its children (SIGTERM to its process group)', async () => {
  const marker = join(dir, 'child-pid');
  const path = script('hangs', `sleep 30 & echo $! > ${marker}; wait`);
  const started = Date.now();
  const outcome = await run([path], {}, 300);
  assert.equal(outcome.kind, 'exited');
  assert.ok(outcome.kind === 'exited' && outcome.timedOut && outcome.signal === 'SIGTERM');
  assert.ok(Date.now() - started < 5000);
  const child = Number(readFileSync(marker, 'utf8'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(liveState(child), undefined, 'the background sleep went with the group');
  const logs = new LogCapture();
  logOutcome('ip-up', path, outcome, logs.logger(), 300);
  assert.match(logs.lines('warn').join('\n'), /still running after 0\.3 s: killed/);
});

test('a file exec refuses (no interpreter) is a spawn failure, not a crash', async () => {
  const path = join(dir, 'bad-interpreter');
  writeFileSync(path, '#!/nonexistent/interpreter\n');
  chmodSync(path, 0o755);
  const outcome = await run([path]);
  assert.equal(outcome.kind, 'spawn-failed');
});
