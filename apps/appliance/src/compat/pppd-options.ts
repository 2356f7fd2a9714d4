// Reads pppd options files the way pppd 2.4.9's options_from_file does: getword() words, each looked up
// as an option that takes its arguments from the following words, `file`/`call` read in place. Where
// pppd stops at the first bad option, this reader reports every problem and goes on.
import type { ConfigProblem } from '@switchyard/core';
import { badPeerAddress, parseIpv4 } from '@switchyard/plugin-ip-pool';
import { getWords, type Word } from '@switchyard/ppp/pppd-files';
import { errorText, Findings, type ReadInclude, type Source } from './findings.js';
import type { OptionContext, OptionSpec } from './pppd/spec.js';
import { finishDraft, initialDraft, type PppdDraft, type PppdOptions } from './pppd/state.js';
import { knownOptionNames, optionTable } from './pppd/table.js';
import { pptpdKeywords } from './pptpd-conf.js';

export interface OptionsFile {
  readonly path: string;
  readonly text: string;
}

/** One option as read: what the administrator wrote, where, and what became of it. */
export interface OptionEntry {
  /** Canonical name (`require-mschap-v2` for `+mschap-v2`); the word itself for unknown ones. */
  readonly option: string;
  readonly word: string;
  readonly args: readonly string[];
  readonly at: Source;
  readonly disposition: 'applied' | 'no effect' | 'refused';
}

export interface PppdOptionsResult {
  readonly options: PppdOptions;
  readonly entries: readonly OptionEntry[];
  /** Every file read, includes too, in reading order. */
  readonly files: readonly string[];
  readonly notes: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

/** pathnames.h _PATH_PEERFILES: where `call <name>` looks. */
export const peersDirectory = '/etc/ppp/peers/';

/**
 * Applies `files` in order to one set of options, as pppd applies /etc/ppp/options and then the
 * command line's `file`. `readInclude` serves `file` and `call`; without it they are problems.
 */
export function parsePppdOptions(
  files: readonly OptionsFile[],
  readInclude?: ReadInclude,
): PppdOptionsResult {
  const reader = new Reader(readInclude);
  for (const file of files) reader.readFile(file.path, file.text, []);
  return {
    options: finishDraft(reader.draft, reader.origin),
    entries: reader.entries,
    files: reader.files,
    notes: reader.out.notes,
    problems: reader.out.problems,
  };
}

class Reader {
  readonly draft: PppdDraft = initialDraft();
  readonly origin = new Map<string, Source>();
  readonly entries: OptionEntry[] = [];
  readonly files: string[] = [];
  readonly out = new Findings();

  constructor(private readonly readInclude: ReadInclude | undefined) {}

  readFile(path: string, text: string, stack: readonly string[]): void {
    this.files.push(path);
    const { words, warnings } = getWords(text);
    for (const w of warnings) this.out.problem({ file: path, line: w.line }, 'word', w.excerpt, w.reason);
    for (let i = 0; i < words.length;) {
      const word = words[i] as Word;
      const at = { file: path, line: word.line };
      const spec = optionTable.get(word.text);
      const argCount = spec ? spec.args : word.text === 'file' || word.text === 'call' ? 1 : 0;
      const args = words.slice(i + 1, i + 1 + argCount).map((w) => w.text);
      if (args.length < argCount) {
        // options_from_file: "In file %s: too few parameters for option '%s'".
        this.out.problem(at, word.text, word.text, `too few parameters for option '${word.text}'`);
        this.log(word.text, word.text, args, at, 'refused');
        break;
      }
      i += 1 + argCount;
      if (spec) this.apply(spec, word.text, args[0] ?? '', at);
      else if (argCount === 1)
        this.include(word.text as 'file' | 'call', args[0] ?? '', at, [...stack, path]);
      else i = this.wild(words, i - 1, at);
    }
  }

  private apply(spec: OptionSpec, word: string, arg: string, at: Source): void {
    const result: { disposition: OptionEntry['disposition'] } = { disposition: 'applied' };
    const ctx: OptionContext = {
      at,
      word,
      applied: this.origin,
      note: (message) => {
        if (result.disposition === 'applied') result.disposition = 'no effect';
        this.out.note(at, word, message);
      },
      remark: (message) => this.out.note(at, word, message),
      problem: (value, reason) => {
        result.disposition = 'refused';
        this.out.problem(at, word, value, reason);
      },
    };
    spec.apply(this.draft, arg, ctx);
    this.log(spec.name, word, spec.args === 1 ? [arg] : [], at, result.disposition);
    if (result.disposition !== 'refused') this.origin.set(spec.name, at);
  }

  private include(option: 'file' | 'call', arg: string, at: Source, stack: readonly string[]): void {
    const path = option === 'file' ? arg : peersDirectory + arg;
    // callfile(): the name may not start with / or contain a `..` component.
    if (option === 'call' && (arg === '' || arg.startsWith('/') || arg.split('/').includes('..'))) {
      this.out.problem(at, option, arg, 'call option value may not contain .. or start with /');
      return this.log(option, option, [arg], at, 'refused');
    }
    if (stack.includes(path)) {
      this.out.problem(at, option, arg, `${path} is already being read: pppd would include it forever`);
      return this.log(option, option, [arg], at, 'refused');
    }
    let text: string;
    try {
      if (!this.readInclude) throw new Error('no files can be read here');
      text = this.readInclude(path);
    } catch (error) {
      this.out.problem(at, option, arg, `can't open options file ${path}: ${errorText(error)}`);
      return this.log(option, option, [arg], at, 'refused');
    }
    this.log(option, option, [arg], at, 'applied');
    this.readFile(path, text, stack);
  }

  /** pppd's o_wild options (a speed, `local:remote`) and, failing those, an unrecognized option. */
  private wild(words: readonly Word[], index: number, at: Source): number {
    const word = (words[index] as Word).text;
    if (/^[0-9]+$/.test(word) && Number(word) !== 0) {
      this.out.note(at, word, 'no effect: a line speed only matters to a serial port');
      this.log('speed', word, [], at, 'no effect');
    } else if (word.includes(':')) {
      this.addressPair(word, at);
    } else if (word.startsWith('/dev/')) {
      this.out.problem(at, word, word, 'a serial device for pppd to use: a PPTP call has none; remove it');
      this.log('device', word, [], at, 'refused');
    } else {
      // Words after an unknown option on its line are most likely its arguments: skip them with it.
      let end = index + 1;
      while (end < words.length && !(words[end] as Word).startsLine) end++;
      const skipped = words.slice(index + 1, end).map((w) => w.text);
      this.out.problem(
        at,
        word,
        skipped.length > 0 ? [word, ...skipped].join(' ') : word,
        unknownReason(word, skipped),
      );
      this.log(word, word, skipped, at, 'refused');
      return end;
    }
    return index + 1;
  }

  /** `local:remote` (ipcp.c setipaddr): checked, then overridden by the pair pptpd passes per call. */
  private addressPair(word: string, at: Source): void {
    const sides = word.split(':');
    const bad =
      sides.length !== 2 ? 'more than one colon' : sides.map(checkAddress).find((r) => r !== undefined);
    if (bad) {
      this.out.problem(at, word, word, `invalid address pair local:remote: ${bad}`);
      return this.log('address pair', word, [], at, 'refused');
    }
    this.out.note(
      at,
      word,
      "no effect: pptpd passes each call's localip:remoteip pair after this file, which wins",
    );
    this.log('address pair', word, [], at, 'no effect');
  }

  private log(
    option: string,
    word: string,
    args: string[],
    at: Source,
    disposition: OptionEntry['disposition'],
  ) {
    this.entries.push({ option, word, args, at, disposition });
  }
}

function checkAddress(side: string): string | undefined {
  if (side === '') return undefined;
  const parsed = parseIpv4(side);
  if (!parsed.ok) return parsed.reason;
  return badPeerAddress(parsed.value);
}

function unknownReason(word: string, skipped: readonly string[]): string {
  const skippedText =
    skipped.length > 0 ? ` (the rest of its line, '${skipped.join(' ')}', was skipped too)` : '';
  const pptpd = pptpdKeywords.includes(word) ? `; '${word}' belongs in pptpd.conf` : '';
  let close: string | undefined;
  let best = 3; // suggest only names at most two edits away, the nearest one
  for (const name of knownOptionNames) {
    const d = distance(name, word);
    if (d < best) [close, best] = [name, d];
  }
  const suggestion = !pptpd && close ? `; did you mean '${close}'?` : '';
  return `unrecognized option '${word}': pppd 2.4.9 stops on it${pptpd}${suggestion}${skippedText}`;
}

/** Levenshtein distance, for "did you mean" on misspelt option names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
