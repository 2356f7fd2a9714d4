// getword() as pppd 2.4.9 reads options files and chap-secrets. These cases merge the tests of the two
// tokenizers this one replaced (the appliance's options reader and the secrets-file plugin's); where
// the secrets-file expectations were not what pppd does, the case says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getWords, maxWordLength, unterminatedQuoteReason } from './getword.js';

const texts = (input: string) => getWords(input).words.map((w) => w.text);
const lines = (input: string) => getWords(input).words.map((w) => `${w.line}${w.startsLine ? '^' : ''}`);

test('words are split on white space; # starts a comment to the end of the line', () => {
  assert.deepEqual(texts('name Nanu-VPN\n\trefuse-pap  # no PAP\n#debug\nlock'), [
    'name',
    'Nanu-VPN',
    'refuse-pap',
    'lock',
  ]);
  assert.deepEqual(texts('ms-dns 10.0.0.1#primary\n'), ['ms-dns', '10.0.0.1']);
  assert.deepEqual(texts('vpn1\tNanu-VPN  "123456"   10.0.0.201 # static\n# a comment\n'), [
    'vpn1',
    'Nanu-VPN',
    '123456',
    '10.0.0.201',
  ]);
  assert.deepEqual(
    texts('abc#def ghi\nnext'),
    ['abc', 'next'],
    '# ends an unquoted word and starts a comment',
  );
});

test('the first word of every line is marked, which is how scan_authfile finds entries', () => {
  assert.deepEqual(lines('# header\nvpn1 * s *\n\n  vpn2 * s\n'), ['2^', '2', '2', '2', '4^', '4', '4']);
  assert.deepEqual(lines('first word'), ['1^', '1'], 'the first word of the file counts too');
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

test('quotes protect white space and #; both quote kinds work', () => {
  assert.deepEqual(texts('name "Nanu VPN" remotename \'a # b\''), [
    'name',
    'Nanu VPN',
    'remotename',
    'a # b',
  ]);
  // The secrets-file tokenizer expected 'it', 's': pppd goes on after a closing quote, and the
  // second quote opens a new section of the same word.
  assert.deepEqual(texts(`u * "pass word # not a comment" 'it''s' *`), [
    'u',
    '*',
    'pass word # not a comment',
    'its',
    '*',
  ]);
  assert.deepEqual(texts(`"two\nlines"`), ['two\nlines']);
});

test('a quoted section may sit anywhere in a word: a quote does not end the word', () => {
  // getword toggles `quoted` inside the word and goes on after the closing quote.
  assert.deepEqual(texts('name ab"c d"e x'), ['name', 'abc de', 'x']);
  assert.deepEqual(texts('"a"b'), ['ab']);
  // The secrets-file tokenizer expected 'abc', 'def' (a closing quote ending the word): not pppd.
  assert.deepEqual(texts(`"abc"def`), ['abcdef']);
  // Nor is a quote in the middle of an unquoted word literal (it was, for the secrets-file one).
  assert.deepEqual(texts(`u * pa'ss w'ord *`), ['u', '*', 'pass word', '*']);
});

test('backslash escapes: C letters, \\s for space, octal, hex, and any other character itself', () => {
  assert.deepEqual(texts('a\\tb a\\sb \\101\\x42 \\"q\\" a\\\\b'), ['a\tb', 'a b', 'AB', '"q"', 'a\\b']);
  assert.deepEqual(texts(String.raw`a\sb c\tt \"q\" back\\slash \#hash \101\x42 \q`), [
    'a b',
    'c\tt',
    '"q"',
    'back\\slash',
    '#hash',
    'AB',
    'q',
  ]);
  assert.deepEqual(texts(String.raw`"in \"quotes\" \x41"`), ['in "quotes" A']);
  assert.deepEqual(
    texts(String.raw`\x4g \1012`),
    ['\x04g', 'A2'],
    'hex takes two digits, octal three, at most',
  );
});

test('backslash-newline is ignored, inside a word and between words (the entry goes on)', () => {
  assert.deepEqual(texts('name Nanu\\\n-VPN\\\n lock'), ['name', 'Nanu-VPN', 'lock']);
  assert.deepEqual(texts('sec\\\nret'), ['secret']);
  const { words } = getWords('vpn1 pptpd \\\n  secret \\\n 10.0.0.5\nvpn2 pptpd s2 *');
  assert.deepEqual(
    words.map((w) => `${w.text}${w.startsLine ? '^' : ''}`),
    ['vpn1^', 'pptpd', 'secret', '10.0.0.5', 'vpn2^', 'pptpd', 's2', '*'],
  );
  assert.deepEqual(
    words.map((w) => w.line),
    [1, 1, 2, 3, 4, 4, 4, 4],
    'the line is where the word is, even when it continues an entry',
  );
});

test('an empty quoted word is a word, except at the very end of the file', () => {
  assert.deepEqual(texts('name ""\nlock'), ['name', '', 'lock']);
  assert.deepEqual(texts(`u * "" *`), ['u', '*', '', '*']);
  // The secrets-file tokenizer read one more, empty word here: getword returns 0 at the end of the
  // file when it collected no character.
  assert.deepEqual(texts('name ""'), ['name']);
  assert.deepEqual(texts(`u * ''`), ['u', '*']);
  assert.deepEqual(texts('u "'), ['u'], 'a lone trailing quote is no word');
  assert.deepEqual(texts('u \\'), ['u'], 'nor is a lone trailing backslash');
});

test('a quote left open runs to the end of the file: flagged on the word, with a warning', () => {
  const { words, warnings } = getWords('name "Nanu\nlock\n');
  assert.deepEqual(
    words.map((w) => [w.text, w.unterminated]),
    [
      ['name', false],
      ['Nanu\nlock\n', true],
    ],
  );
  assert.deepEqual(warnings, [{ line: 1, excerpt: 'Nanu\nlock\n', reason: unterminatedQuoteReason }]);
  const split = getWords('u * "oops\nv * s *\n');
  assert.equal(split.words.at(-1)?.text, 'oops\nv * s *\n');
  assert.equal(split.words.at(-1)?.unterminated, true);
  assert.equal(getWords('a "b"').words[1]?.unterminated, false);
});

test(`words longer than ${maxWordLength} characters are cut there, with a warning on their line`, () => {
  const { words, warnings } = getWords(`name ${'x'.repeat(2000)}\nlock`);
  assert.equal(words[1]?.text.length, maxWordLength);
  assert.equal(words[2]?.text, 'lock');
  assert.deepEqual(warnings, [
    {
      line: 1,
      excerpt: 'x'.repeat(20),
      reason: `word longer than ${maxWordLength} characters: pppd cuts it there`,
    },
  ]);
  const split = getWords(`\nu * ${'x'.repeat(2000)}`);
  assert.equal(split.words[2]?.text.length, maxWordLength);
  assert.deepEqual(
    split.warnings.map((p) => p.line),
    [2],
  );
  assert.deepEqual(getWords('y'.repeat(maxWordLength)).warnings, [], 'a word of exactly 1023 is whole');
});

test('CRLF files read like LF files: the CR is white space to getword', () => {
  assert.deepEqual(texts('name Nanu-VPN\r\nlock\r\n'), ['name', 'Nanu-VPN', 'lock']);
  assert.deepEqual(lines('vpn1 * "a" *\r\nvpn2 * b *\r\n'), ['1^', '1', '1', '1', '2^', '2', '2', '2']);
});

test('an empty or comment-only file has no words', () => {
  assert.deepEqual(texts(''), []);
  assert.deepEqual(
    texts('# Secrets for authentication using CHAP\n# client\tserver\tsecret\tIP addresses\n'),
    [],
  );
  assert.deepEqual(getWords(' \n\t# only a comment').warnings, []);
});
