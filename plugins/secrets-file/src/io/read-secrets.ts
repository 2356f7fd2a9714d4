// Reads the chap-secrets file and its `@/path` indirect secrets from disk: the plugin's only file-system
// code. Parsing is the codec's; this adds what needs the disk (pppd check_access, indirect files, errno).
import { open } from 'node:fs/promises';
import { statSync, type Stats } from 'node:fs';
import { SwitchyardError } from '@switchyard/core';
import { getWords } from '@switchyard/ppp/pppd-files';
import { parseChapSecrets, type ChapSecret, type LineProblem } from '../codec/chap-secrets.js';

export const secretsUnreadableCode = 'SY_ERR_SECRETS_UNREADABLE';

export interface LoadedSecrets {
  readonly path: string;
  readonly entries: readonly ChapSecret[];
  readonly problems: readonly LineProblem[];
  /** File-level warnings (permissions), not tied to a line. */
  readonly warnings: readonly string[];
  /** Identifies the file version read (device, inode, size, times), to notice edits. */
  readonly stamp: string;
}

/** Reads and parses `path`; throws SwitchyardError SY_ERR_SECRETS_UNREADABLE naming the path and errno. */
export async function loadSecretsFile(path: string): Promise<LoadedSecrets> {
  let text: string;
  let info: Stats;
  try {
    ({ text, info } = await readText(path));
  } catch (error) {
    throw new SwitchyardError(
      secretsUnreadableCode,
      `cannot read chap-secrets file ${path}: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = parseChapSecrets(text);
  const warnings = [accessWarning(path, info)].filter((w): w is string => w !== undefined);
  const problems = [...parsed.problems];
  const entries: ChapSecret[] = [];
  for (const entry of parsed.entries) {
    const { secret, ...rest } = entry;
    if (secret.kind === 'literal') {
      entries.push({ ...rest, secret: secret.value });
      continue;
    }
    // pppd skips the whole line when the indirect file fails ("can't open indirect secret file").
    try {
      const indirect = await readText(secret.path);
      const first = getWords(indirect.text).words[0];
      const warning = accessWarning(secret.path, indirect.info);
      if (warning) warnings.push(warning);
      if (first === undefined) throw new Error('the file holds no word');
      entries.push({ ...rest, secret: first.text });
    } catch (error) {
      const reason = `cannot read indirect secret file ${secret.path}: ${describe(error)}`;
      problems.push({ line: entry.line, reason, entry: 'skipped' });
    }
  }
  return { path, entries, problems, warnings, stamp: stampOf(info) };
}

/**
 * The current file version, or undefined when it cannot be examined (missing, no permission). Asked at
 * every login, so it is one synchronous stat(2) of a local file (about 2 µs): the thread pool's open,
 * fstat and close cost two context switches each on the appliance's one core, a third of its CPU at
 * 1,000 logins a second.
 */
export async function secretsFileStamp(path: string): Promise<string | undefined> {
  try {
    return stampOf(statSync(path));
  } catch {
    return undefined;
  }
}

async function readText(path: string): Promise<{ text: string; info: Stats }> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    return { info, text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}

function stampOf(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/** pppd check_access: a secrets file readable by group or others earns a warning (it still loads). */
function accessWarning(path: string, info: Stats): string | undefined {
  return (info.mode & 0o077) !== 0 ? `secret file ${path} has world and/or group access` : undefined;
}

/** `ENOENT (no such file or directory)` from a Node error; the message otherwise. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  const detail = message.startsWith(`${code}: `) ? message.slice(code.length + 2).split(',')[0] : message;
  return `${code} (${detail})`;
}
