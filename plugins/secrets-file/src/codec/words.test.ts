import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxWordLength, splitWords } from './words.js';

const texts = (input: string) => splitWords(input).words.map((w) => w.text);
const lines = (input: string) => splitWords(input).words.map((w) => `${w.line}${w.startsLine ? '^' : ''}`);

test('words split on blanks and tabs; # starts a comment to the end of the line', () => {
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

test('quoted words keep blanks and #; both quote kinds work; a quote ends the word', () => {
  assert.deepEqual(texts(`u * "pass word # not a comment" 'it''s' *`), [
    'u',
    '*',
    'pass word # not a comment',
    'it',
    's',
    '*',
  ]);
  assert.deepEqual(texts(`"abc"def`), ['abc', 'def']);
  assert.deepEqual(texts(`u * "" *`), ['u', '*', '', '*'], 'an empty quoted word is a word');
  assert.deepEqual(texts(`"two\nlines"`), ['two\nlines']);
});

test('backslash escapes: C letters, \\s for space, octal, hex, and any other character itself', () => {
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
});

test('backslash-newline is ignored, inside a word and between words (the entry goes on)', () => {
  const split = splitWords('vpn1 pptpd \\\n  secret \\\n 10.0.0.5\nvpn2 pptpd s2 *');
  assert.deepEqual(
    split.words.map((w) => `${w.text}${w.startsLine ? '^' : ''}`),
    ['vpn1^', 'pptpd', 'secret', '10.0.0.5', 'vpn2^', 'pptpd', 's2', '*'],
  );
  assert.deepEqual(texts('sec\\\nret'), ['secret']);
});

test('CRLF files read like LF files', () => {
  assert.deepEqual(lines('vpn1 * "a" *\r\nvpn2 * b *\r\n'), ['1^', '1', '1', '1', '2^', '2', '2', '2']);
});

test('an unclosed quote runs to the end of the file and is flagged; a lone trailing quote is no word', () => {
  const split = splitWords('u * "oops\nv * s *\n');
  assert.equal(split.words.at(-1)?.text, 'oops\nv * s *\n');
  assert.equal(split.words.at(-1)?.unterminated, true);
  assert.deepEqual(texts('u "'), ['u']);
});

test('words longer than pppd MAXWORDLEN are cut, with a problem on their line', () => {
  const split = splitWords(`\nu * ${'x'.repeat(2000)}`);
  assert.equal(split.words[2]?.text.length, maxWordLength);
  assert.deepEqual(
    split.problems.map((p) => p.line),
    [2],
  );
});

test('an empty or comment-only file has no words', () => {
  assert.deepEqual(texts(''), []);
  assert.deepEqual(
    texts('# Secrets for authentication using CHAP\n# client\tserver\tsecret\tIP addresses\n'),
    [],
  );
});
