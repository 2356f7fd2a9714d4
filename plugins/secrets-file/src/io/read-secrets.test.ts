import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SwitchyardError } from '@switchyard/core';
import { loadSecretsFile, secretsFileStamp, secretsUnreadableCode } from './read-secrets.js';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'secrets-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('a chap-secrets file is read and parsed; a private file draws no warning', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'chap-secrets');
  await writeFile(path, 'vpn1 Nanu-VPN "123456" 10.0.0.201\n', { mode: 0o600 });
  const loaded = await loadSecretsFile(path);
  assert.deepEqual(loaded.entries, [
    { line: 1, client: 'vpn1', server: 'Nanu-VPN', secret: '123456', addresses: ['10.0.0.201'], options: [] },
  ]);
  assert.deepEqual([loaded.problems, loaded.warnings], [[], []]);
  assert.equal(loaded.stamp, await secretsFileStamp(path));
});

test('a file others can read loads with pppd check_access warning', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'chap-secrets');
  await writeFile(path, 'vpn1 * s *\n');
  await chmod(path, 0o644);
  const loaded = await loadSecretsFile(path);
  assert.equal(loaded.entries.length, 1);
  assert.deepEqual(loaded.warnings, [`secret file ${path} has world and/or group access`]);
});

test('@/path secrets are read from their file; an unreadable or empty one drops only its line', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'alice.secret'), '  "open sesame"  # the first word is the secret\n', {
    mode: 0o600,
  });
  await writeFile(join(dir, 'empty.secret'), '# nothing\n', { mode: 0o600 });
  const path = join(dir, 'chap-secrets');
  const lines = [
    `alice * @${join(dir, 'alice.secret')} *`,
    `bob * @${join(dir, 'missing.secret')} *`,
    `carol * @${join(dir, 'empty.secret')} *`,
    'dave * plain *',
  ];
  await writeFile(path, lines.join('\n'), { mode: 0o600 });
  const loaded = await loadSecretsFile(path);
  assert.deepEqual(
    loaded.entries.map((e) => [e.client, e.secret]),
    [
      ['alice', 'open sesame'],
      ['dave', 'plain'],
    ],
  );
  assert.deepEqual(
    loaded.problems.map((p) => [p.line, p.entry]),
    [
      [2, 'skipped'],
      [3, 'skipped'],
    ],
  );
  assert.match(loaded.problems[0]!.reason, /cannot read indirect secret file .*missing\.secret: ENOENT/);
  assert.match(loaded.problems[1]!.reason, /holds no word/);
});

test('a missing file is SY_ERR_SECRETS_UNREADABLE naming the path and errno', async (t) => {
  const path = join(await tempDir(t), 'no-such-file');
  await assert.rejects(loadSecretsFile(path), (error: SwitchyardError) => {
    assert.ok(error instanceof SwitchyardError);
    assert.equal(error.code, secretsUnreadableCode);
    assert.equal(error.message, `cannot read chap-secrets file ${path}: ENOENT (no such file or directory)`);
    return true;
  });
  assert.equal(await secretsFileStamp(path), undefined);
});

test('a directory in place of the file is refused the same way', async (t) => {
  const path = join(await tempDir(t), 'dir');
  await mkdir(path);
  await assert.rejects(loadSecretsFile(path), /cannot read chap-secrets file .*: EISDIR/);
});

test('the stamp changes when the file is edited', async (t) => {
  const path = join(await tempDir(t), 'chap-secrets');
  await writeFile(path, 'vpn1 * s *\n');
  const before = await secretsFileStamp(path);
  await writeFile(path, 'vpn1 * s *\nvpn2 * s *\n');
  assert.notEqual(await secretsFileStamp(path), before);
});
