// pppd 2.4.9's getword() (options.c), which splits every file pppd reads into words: options files
// (options_from_file) and the secrets files (auth.c scan_authfile, indirect `@/path` secrets). White
// space separates words, `#` starts a comment to the end of the line, "…" and '…' quote a section
// anywhere in a word, C-style backslash escapes, backslash-newline ignored, words cut at MAXWORDLEN.
// Pure: text in, words with their lines out.

export interface Word {
  readonly text: string;
  /** 1-based line of the word's first character (an opening quote or backslash counts). */
  readonly line: number;
  /**
   * getword's `newline` flag: an unescaped newline came before the word (since the previous word),
   * which is how scan_authfile finds entries. The file's first word counts too, as scan_authfile
   * sets the flag before it. A backslash-newline between words does not start a line.
   */
  readonly startsLine: boolean;
  /** A quote opened and never closed: the word ran to the end of the file (pppd warns and uses it). */
  readonly unterminated: boolean;
}

/** What pppd's option_error() would warn about while reading a word; the word is still used. */
export interface WordWarning {
  readonly line: number;
  /** The word's first characters (pppd prints `%.20s`); may be a secret, so callers choose to show it. */
  readonly excerpt: string;
  readonly reason: string;
}

/** pppd MAXWORDLEN is 1024; getword keeps 1023 characters and warns. */
export const maxWordLength = 1023;

/** The warning's reason for a quote left open at the end of the file (Word.unterminated). */
export const unterminatedQuoteReason = 'quoted word runs to the end of the file (pppd warns and uses it)';

const escapes: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  s: ' ',
  t: '\t',
};
const isSpace = (c: string) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Every word of `text`, as repeated getword() calls until it returns 0 (end of file). */
export function getWords(text: string): { words: Word[]; warnings: WordWarning[] } {
  const words: Word[] = [];
  const warnings: WordWarning[] = [];
  let pos = 0;
  let line = 1;
  const next = (): string | undefined => {
    const c = pos < text.length ? text[pos++] : undefined;
    if (c === '\n') line++;
    return c;
  };
  for (;;) {
    // Skip white space and comments; an escaped character starts a word.
    let newline = words.length === 0;
    let escape = false;
    let comment = false;
    let c: string | undefined;
    for (;;) {
      c = next();
      if (c === undefined) break;
      if (c === '\n') {
        if (escape) escape = false;
        else [newline, comment] = [true, false];
        continue;
      }
      if (comment) continue;
      if (escape) break;
      if (c === '\\') escape = true;
      else if (c === '#') comment = true;
      else if (!isSpace(c)) break;
    }
    const wordLine = line;
    let word = '';
    let quoted: string | undefined;
    while (c !== undefined) {
      if (escape) {
        escape = false;
        if (c === '\n') {
          c = next();
          continue;
        }
        if (isOctal(c)) {
          let value = 0;
          for (let n = 0; n < 3 && isOctal(c); n++) [value, c] = [value * 8 + Number(c), next()];
          word += String.fromCharCode(value);
        } else if (c === 'x') {
          let value = 0;
          c = next();
          for (let n = 0; n < 2 && isHex(c); n++) [value, c] = [value * 16 + parseInt(c ?? '0', 16), next()];
          word += String.fromCharCode(value);
        } else {
          word += escapes[c] ?? c;
          c = next();
        }
        continue;
      }
      if (c === '\\') {
        escape = true;
        c = next();
        continue;
      }
      // A quote opens or closes a quoted section; the word goes on after it (`ab"c d"e` is `abc de`).
      if (quoted !== undefined) {
        if (c === quoted) {
          quoted = undefined;
          c = next();
          continue;
        }
      } else if (c === '"' || c === "'") {
        quoted = c;
        c = next();
        continue;
      } else if (isSpace(c) || c === '#') {
        // ungetc: the delimiter belongs to the next call (a newline must be counted there, not here).
        pos--;
        if (c === '\n') line--;
        break;
      }
      word += c;
      c = next();
    }
    // getword: at the end of the file a word with no characters is no word, even `""`.
    if (c === undefined && word === '') break;
    const unterminated = c === undefined && quoted !== undefined;
    if (unterminated)
      warnings.push({ line: wordLine, excerpt: word.slice(0, 20), reason: unterminatedQuoteReason });
    if (word.length > maxWordLength) {
      warnings.push({
        line: wordLine,
        excerpt: word.slice(0, 20),
        reason: `word longer than ${maxWordLength} characters: pppd cuts it there`,
      });
      word = word.slice(0, maxWordLength);
    }
    words.push({ text: word, line: wordLine, startsLine: newline, unterminated });
  }
  return { words, warnings };
}
