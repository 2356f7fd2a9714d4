// pppd's getword() (options.c), which reads every secrets file: words split on white space, `#` comments
// to the end of the line, "double" or 'single' quotes, C-style backslash escapes, backslash-newline
// ignored. Each word records whether it began a line, which is how scan_authfile finds entries. Pure.

export interface Word {
  readonly text: string;
  /** 1-based line where the word starts. */
  readonly line: number;
  /** getword's `newline` flag: an unescaped newline came before it (the file's first word counts too). */
  readonly startsLine: boolean;
  /** A quote opened and never closed: the word ran to the end of the file. */
  readonly unterminated: boolean;
}

export interface WordProblem {
  readonly line: number;
  readonly reason: string;
}

/** pppd MAXWORDLEN: longer words are cut to 1023 characters with a warning. */
export const maxWordLength = 1023;

const isSpace = (c: string) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const simpleEscapes: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  s: ' ',
  t: '\t',
};

export function splitWords(text: string): { words: Word[]; problems: WordProblem[] } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  let cursor = 0; // words come in file order, so the line cursor only moves forward
  const lineOf = (pos: number) => {
    while (cursor + 1 < lineStarts.length && lineStarts[cursor + 1]! <= pos) cursor++;
    return cursor + 1;
  };
  const words: Word[] = [];
  const problems: WordProblem[] = [];
  let pos = 0;
  for (;;) {
    const word = readWord(text, pos, words.length === 0);
    if (!word) break;
    pos = word.end;
    const line = lineOf(word.start);
    let wordText = word.text;
    if (wordText.length > maxWordLength) {
      problems.push({
        line,
        reason: `a word is longer than ${maxWordLength} characters; pppd cuts it there`,
      });
      wordText = wordText.slice(0, maxWordLength);
    }
    words.push({ text: wordText, line, startsLine: word.startsLine, unterminated: word.unterminated });
  }
  return { words, problems };
}

interface RawWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly startsLine: boolean;
  readonly unterminated: boolean;
}

/** One getword() call from `pos`: undefined at the end of the file. */
function readWord(text: string, pos: number, first: boolean): RawWord | undefined {
  let i = pos;
  const next = () => (i < text.length ? text[i++] : undefined);
  let newline = first;
  let escape = false;
  let comment = false;
  let c: string | undefined;
  // Skip white space and comments; a backslash-newline between words is ignored.
  for (;;) {
    c = next();
    if (c === undefined) break;
    if (c === '\n') {
      if (escape) escape = false;
      else [newline, comment] = [true, false];
      continue;
    }
    if (comment) continue;
    if (escape) break; // an escaped character starts a word
    if (c === '\\') escape = true;
    else if (c === '#') comment = true;
    else if (!isSpace(c)) break;
  }
  const start = Math.max(pos, i - 1 - (escape ? 1 : 0));
  let quote: string | undefined;
  if (c !== undefined && !escape && (c === '"' || c === "'")) [quote, c] = [c, next()];
  let word = '';
  let closed = quote === undefined;
  while (c !== undefined) {
    if (escape) {
      escape = false;
      if (c === '\n') {
        c = next(); // backslash-newline inside a word is ignored too
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
        word += simpleEscapes[c] ?? c;
        c = next();
      }
      continue;
    }
    if (quote !== undefined && c === quote) {
      closed = true;
      break; // the closing quote ends the word, whatever follows it
    }
    if (quote === undefined && (isSpace(c) || c === '#')) {
      i--; // ungetc: the delimiter belongs to the next call
      break;
    }
    if (c === '\\') escape = true;
    else word += c;
    c = next();
  }
  // getword: at the end of the file with nothing collected there is no word ("" before EOF is one).
  if (c === undefined && word === '') return undefined;
  return { text: word, start, end: i, startsLine: newline, unterminated: !closed };
}
