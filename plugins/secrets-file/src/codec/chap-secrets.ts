// pppd's chap-secrets format (pppd.8 AUTHENTICATION; auth.c scan_authfile): one entry per line,
// `client server secret [address ...] [-- option ...]`, words as getword() reads them. Problems are
// reported per line; the rest of the file still loads. Pure: text in, entries and problems out.
import { getWords, unterminatedQuoteReason, type Word } from '@switchyard/ppp/pppd-files';
import { checkAddressWord } from './address-words.js';

/** A literal secret, or pppd's `@/path` indirection: the secret is the first word of that file. */
export type SecretSource =
  { readonly kind: 'literal'; readonly value: string } | { readonly kind: 'file'; readonly path: string };

export interface ChapSecretEntry {
  readonly line: number;
  /** The peer's name, or `*` for any. */
  readonly client: string;
  /** Our name (pppd `name`), or `*` for any. */
  readonly server: string;
  readonly secret: SecretSource;
  /** pppd address words, checked: `a.b.c.d`, `a.b.c.d/n`, `!`…, `*`; `['-']` when no address is allowed. */
  readonly addresses: readonly string[];
  /** Per-user pppd options after `--`: reported, not applied. */
  readonly options: readonly string[];
}

/** An entry whose secret is known (indirect secrets read): what lookups answer from. */
export interface ChapSecret {
  readonly line: number;
  readonly client: string;
  readonly server: string;
  readonly secret: string;
  readonly addresses: readonly string[];
}

export interface LineProblem {
  readonly line: number;
  readonly reason: string;
  /** 'skipped': the line gives no entry; 'kept': the entry is used as the reason says. */
  readonly entry: 'skipped' | 'kept';
}

export interface ParsedChapSecrets {
  readonly entries: readonly ChapSecretEntry[];
  readonly problems: readonly LineProblem[];
}

/** pppd MAXSECRETLEN: get_secret() logs "Secret … is too long" and uses the first 256 characters. */
export const maxSecretLength = 256;

export function parseChapSecrets(text: string): ParsedChapSecrets {
  const { words, warnings } = getWords(text);
  // An unclosed quote skips its entry, reported by parseEntry. The excerpt is left out: it may be a secret.
  const problems: LineProblem[] = warnings
    .filter((w) => w.reason !== unterminatedQuoteReason)
    .map((w) => ({ line: w.line, reason: w.reason, entry: 'kept' }));
  const entries: ChapSecretEntry[] = [];
  for (const record of groupEntries(words)) {
    const entry = parseEntry(record, problems);
    if (entry) entries.push(entry);
  }
  flagShadowed(entries, problems);
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** scan_authfile starts an entry at every word that begins a line; the rest of the line belongs to it. */
function groupEntries(words: readonly Word[]): Word[][] {
  const groups: Word[][] = [];
  for (const word of words) {
    if (word.startsLine || groups.length === 0) groups.push([word]);
    else groups.at(-1)!.push(word);
  }
  return groups;
}

function parseEntry(words: readonly Word[], problems: LineProblem[]): ChapSecretEntry | undefined {
  const line = words[0]!.line;
  const open = words.find((w) => w.unterminated);
  if (open) {
    problems.push({
      line: open.line,
      reason: 'a quote opened here is never closed, so the rest of the file is one word',
      entry: 'skipped',
    });
    return undefined;
  }
  const [client, server, secretWord, ...rest] = words.map((w) => w.text);
  if (client === undefined || server === undefined || secretWord === undefined) {
    problems.push({
      line,
      reason: `incomplete entry: a line needs "client server secret [addresses]", found ${words.length} word(s)`,
      entry: 'skipped',
    });
    return undefined;
  }
  const dashes = rest.indexOf('--');
  const addressWords = dashes < 0 ? rest : rest.slice(0, dashes);
  const options = dashes < 0 ? [] : rest.slice(dashes + 1);
  if (options.length > 0) {
    problems.push({
      line,
      reason: `per-user pppd options are not supported, ignored: ${options.join(' ')}`,
      entry: 'kept',
    });
  }
  return {
    line,
    client,
    server,
    secret: secretSource(secretWord, line, problems),
    addresses: checkAddresses(addressWords, line, problems),
    options,
  };
}

function secretSource(word: string, line: number, problems: LineProblem[]): SecretSource {
  // Only `@/` is indirection (auth.c: word[0] == '@' && word[1] == '/'); `@home` is a literal password.
  if (word.startsWith('@/')) return { kind: 'file', path: word.slice(1) };
  if (word.length > maxSecretLength) {
    problems.push({
      line,
      reason: `the secret is longer than ${maxSecretLength} characters; pppd uses only the first ${maxSecretLength}`,
      entry: 'kept',
    });
    return { kind: 'literal', value: word.slice(0, maxSecretLength) };
  }
  return { kind: 'literal', value: word };
}

/**
 * pppd set_allowed_addrs: `-` and `*` end the list; words it cannot use are skipped with a warning. No
 * IP column means no address at all: IPCP then fails with "Peer is not authorized to use remote address".
 */
function checkAddresses(words: readonly string[], line: number, problems: LineProblem[]): string[] {
  if (words.length === 0) {
    const reason =
      'no IP address column: pppd then allows this user no address ("Peer is not authorized to use ' +
      'remote address"); write * to allow any address from the pool';
    problems.push({ line, reason, entry: 'kept' });
    return ['-'];
  }
  const kept: string[] = [];
  for (const [i, word] of words.entries()) {
    if (word === '-' || word === '*') {
      kept.push(word);
      if (i + 1 < words.length) {
        problems.push({
          line,
          reason: `addresses after '${word}' are ignored: ${words.slice(i + 1).join(' ')}`,
          entry: 'kept',
        });
      }
      break;
    }
    const problem = checkAddressWord(word);
    if (problem) problems.push({ line, reason: `address '${word}' is ignored: ${problem}`, entry: 'kept' });
    else kept.push(word);
  }
  // Every word was unusable: pppd keeps only its closing "forbid all" rule.
  return kept.length > 0 ? kept : ['-'];
}

/** scan_authfile keeps the first entry of the best score: a later identical client/server never wins. */
function flagShadowed(entries: readonly ChapSecretEntry[], problems: LineProblem[]): void {
  const first = new Map<string, number>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.client, entry.server]);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, entry.line);
    else {
      problems.push({
        line: entry.line,
        reason: `same client and server as line ${earlier}, which pppd uses instead of this one`,
        entry: 'kept',
      });
    }
  }
}
