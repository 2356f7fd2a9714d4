import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getWords, maxWordLength } from './getword.js';

const texts = (text: string) => getWords(text).words.map((w) => w.text);

test('words are split on white space; # starts a comment to the end of the line (options.c getword)', () => {
  assert.deepEqual(texts('name Nanu-VPN\n\trefuse-pap  # no PAP\n#debug\nlock'), [
    'name',
    'Nanu-VPN',
    'refuse-pap',
    'lock',
  ]);
  assert.deepEqual(texts('ms-dns 10.0.0.1#primary\n'), ['ms-dns', '10.0.0.1']);
});

test('quotes protect white space and #, and a quoted section may sit inside a word', () => {
  assert.deepEqual(texts('name "Nanu VPN" remotename \'a # b\''), [
    'name',
    'Nanu VPN',
    'remotename',
    'a # b',
  ]);
  // getword toggles `quoted` inside the word and goes on after the closing quote.
  assert.deepEqual(texts('name ab"c d"e x'), ['name', 'abc de', 'x']);
  assert.deepEqual(texts('"a"b'), ['ab']);
});

test('backslash escapes: C letters, octal, hex, \\s, and the character itself otherwise', () => {
  assert.deepEqual(texts('a\\tb a\\sb \\101\\x42 \\"q\\" a\\\\b'), ['a\tb', 'a b', 'AB', '"q"', 'a\\b']);
});

test('backslash-newline is ignored between and inside words', () => {
  assert.deepEqual(texts('name Nanu\\\n-VPN\\\n lock'), ['name', 'Nanu-VPN', 'lock']);
});

test('an empty quoted word is a word, except at the very end of the file', () => {
  assert.deepEqual(texts('name ""\nlock'), ['name', '', 'lock']);
  assert.deepEqual(texts('name ""'), ['name']);
});

test('each word knows its line and whether it starts that line', () => {
  const { words } = getWords('\n# c\nms-dns 10.0.0.1\n  lock\nname "a\nb" x\nnext');
  assert.deepEqual(
    words.map((w) => [w.text, w.line, w.startsLine]),
    [
      ['ms-dns', 3, true],
      ['10.0.0.1', 3, false],
      ['lock', 4, true],
      ['name', 5, true],
      ['a\nb', 5, false],
      ['x', 6, false],
      ['next', 7, true],
    ],
  );
});

test('a quote left open runs to the end of the file, with a warning', () => {
  const { words, warnings } = getWords('name "Nanu\nlock\n');
  assert.deepEqual(
    words.map((w) => w.text),
    ['name', 'Nanu\nlock\n'],
  );
  assert.deepEqual(warnings, [
    {
      line: 1,
      excerpt: 'Nanu\nlock\n',
      reason: 'quoted word runs to the end of the file (pppd warns and uses it)',
    },
  ]);
});

test(`words longer than ${maxWordLength} characters are cut there, with a warning`, () => {
  const { words, warnings } = getWords(`name ${'x'.repeat(2000)}\nlock`);
  assert.equal(words[1]?.text.length, maxWordLength);
  assert.equal(words[2]?.text, 'lock');
  assert.equal(warnings.length, 1);
});

test('CRLF files: the CR is white space to getword', () => {
  assert.deepEqual(texts('name Nanu-VPN\r\nlock\r\n'), ['name', 'Nanu-VPN', 'lock']);
});
