// pptpd.conf as pptpd 1.4.0 reads it (configfile.c read_config_file, pptpd.c main): one `keyword value`
// per line, `#` comments and blank lines skipped, the first line of a keyword wins. Every keyword is
// implemented, accepted with a note, or refused; unknown lines, which pptpd skips silently, are problems.
import { parseIpRanges, parseIpv4 } from '@switchyard/plugin-ip-pool';
import type { ConfigProblem } from '@switchyard/core';
import { Findings, pathOf, type Source } from './findings.js';
import { pptpdAtoi } from './numbers.js';

export interface Setting<T> {
  readonly value: T;
  readonly at: Source;
}

/** The keywords pptpd.conf set, typed; absent ones keep pptpd's defaults (applied by resolve). */
export interface PptpdConf {
  /** pppd options file, passed to pppd as `file <path>`. */
  readonly option?: Setting<string>;
  readonly debug?: Setting<true>;
  readonly stimeoutSeconds?: Setting<number>;
  readonly localip?: Setting<string>;
  readonly remoteip?: Setting<string>;
  /** IPv4 address to bind TCP 1723 to; absent means every address (INADDR_ANY). */
  readonly listen?: Setting<string>;
  readonly connections?: Setting<number>;
  readonly pidfile?: Setting<string>;
  /** pptpd then does not pass `ipparam <client IP>` to pppd, so the scripts' 6th argument changes. */
  readonly noipparam?: Setting<true>;
}

export interface PptpdConfResult {
  readonly conf: PptpdConf;
  readonly notes: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

/** configfile.c: fgets into a 512-byte buffer; a line of 510 characters or more is skipped. */
export const maxLineLength = 509;

export type PptpdConfDraft = { -readonly [K in keyof PptpdConf]?: PptpdConf[K] };
/** `what` names the setting in messages: the keyword in pptpd.conf, `--keyword` on the command line. */
type Handler = (draft: PptpdConfDraft, value: string, at: Source, out: Findings, what: string) => void;

/** A path-valued keyword: pptpd exits when the path is empty (access() or fopen() fails). */
const pathValue =
  (keyword: 'option' | 'pidfile'): Handler =>
  (draft, value, at, out, what) => {
    if (value === '') out.problem(at, what, value, `'${what}' needs a path (pptpd would exit)`);
    else draft[keyword] = { value, at };
  };

const flagValueIgnored = (value: string, at: Source, out: Findings, what: string) => {
  if (value !== '')
    out.note(at, what, `the value '${value}' is ignored: pptpd only checks that the line exists`);
};

const keywords: Readonly<Record<string, Handler>> = {
  option: pathValue('option'),
  debug: (d, v, at, out, what) => {
    flagValueIgnored(v, at, out, what);
    d.debug = { value: true, at };
  },
  stimeout: (d, v, at, out, what) => {
    const n = positive(v, at, out, what, 10, 'seconds');
    if (n === undefined) return;
    d.stimeoutSeconds = { value: n, at };
    // pptpd.c only reads the keyword `if (!pptp_stimeout ...)`, and pptp_stimeout starts at 10.
    if (at.line > 0)
      out.note(at, what, `honoured (${n} s); pptpd 1.4.0 ignores this keyword and only obeys -t`);
  },
  localip: (d, v, at, out, what) => (d.localip = ipList(v, at, out, what) ?? d.localip),
  remoteip: (d, v, at, out, what) => (d.remoteip = ipList(v, at, out, what) ?? d.remoteip),
  listen: (d, v, at, out, what) => {
    const parsed = parseIpv4(v);
    if (parsed.ok) d.listen = { value: v, at };
    else if (v !== '' && /[^0-9.]/.test(v)) {
      out.problem(
        at,
        what,
        v,
        'give an IPv4 address: host names (which pptpd resolves once) are not looked up',
      );
    } else out.problem(at, what, v, parsed.reason);
  },
  connections: (d, v, at, out, what) => {
    const n = positive(v, at, out, what, 100, 'connections');
    if (n !== undefined) d.connections = { value: n, at };
  },
  pidfile: pathValue('pidfile'),
  noipparam: (d, v, at, out, what) => {
    flagValueIgnored(v, at, out, what);
    d.noipparam = { value: true, at };
  },
  logwtmp: (_d, v, at, out, what) => {
    flagValueIgnored(v, at, out, what);
    out.note(at, what, 'not implemented: logins are not written to wtmp (the session log records them)');
  },
  ppp: (_d, v, at, out, what) =>
    out.note(at, what, `no effect: PPP is built in, no pppd binary${v ? ` (${v})` : ''} is started`),
  speed: (_d, v, at, out, what) =>
    out.note(
      at,
      what,
      `no effect: the speed${v ? ` ${v}` : ''} only matters to pppd's pty, which PPTP lacks`,
    ),
  delegate: (_d, _v, at, out, what) => out.problem(at, what, true, delegateReason),
  bcrelay: (_d, v, at, out, what) =>
    out.problem(at, what, v, 'broadcast relay to clients is not implemented; remove it'),
  vrf: (_d, v, at, out, what) =>
    out.problem(at, what, v, 'binding the listener and GRE to a VRF is not implemented; remove it'),
};

export const delegateReason =
  'not supported: addresses always come from remoteip/localip (the ip-pool plugin, which also honours each ' +
  "user's chap-secrets address list); remove 'delegate' and make remoteip cover those addresses";

/** Applies one keyword (from the file, or a command-line flag of the same name) to `draft`. */
export function applyPptpdKeyword(
  draft: PptpdConfDraft,
  keyword: string,
  value: string,
  at: Source,
  what: string,
  out: Findings,
): boolean {
  const handler = keywords[keyword];
  handler?.(draft, value, at, out, what);
  return handler !== undefined;
}

/** Every pptpd.conf keyword pptpd 1.4.0 knows (defaults.h), in the order pptpd.conf.5 lists them. */
export const pptpdKeywords = Object.keys(keywords);

export function parsePptpdConf(text: string, file: string): PptpdConfResult {
  const out = new Findings();
  const draft: PptpdConfDraft = {};
  const firstLine = new Map<string, number>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let sawCr = false;
  for (const [index, raw] of lines.entries()) {
    const at = { file, line: index + 1 };
    const crlf = raw.endsWith('\r');
    sawCr ||= crlf;
    const line = (crlf ? raw.slice(0, -1) : raw).replace(/[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const keyword = /^[^ \t]*/.exec(line)?.[0] ?? '';
    if (raw.length > maxLineLength) {
      out.problem(
        at,
        keyword || 'line',
        `${line.slice(0, 40)}…`,
        `line longer than ${maxLineLength} characters: pptpd skips it`,
      );
      continue;
    }
    if (keyword === '') {
      const trimmed = line.trimStart();
      if (trimmed.startsWith('#'))
        out.note(at, 'comment', 'indented comment: pptpd logs "Config file line starts with a space"');
      else
        out.problem(
          at,
          trimmed.split(/[ \t]/)[0] ?? '',
          trimmed,
          'line starts with a space or tab: pptpd skips it; start it in column 1',
        );
      continue;
    }
    const value = line.slice(keyword.length).replace(/^[ \t]+/, '');
    if (!(keyword in keywords)) {
      out.problem(at, keyword, value, unknownReason(keyword));
      continue;
    }
    const first = firstLine.get(keyword);
    if (first !== undefined) {
      out.note(at, keyword, `ignored: pptpd uses the first '${keyword}' line (line ${first})`);
      continue;
    }
    firstLine.set(keyword, at.line);
    applyPptpdKeyword(draft, keyword, value, at, keyword, out);
  }
  if (sawCr)
    out.note(
      { file, line: 0 },
      'line ends',
      'CRLF line ends removed (pptpd would keep the CR in each value)',
    );
  return { conf: draft, notes: out.notes, problems: out.problems };
}

function unknownReason(keyword: string): string {
  const lower = keyword.toLowerCase();
  if (lower !== keyword && lower in keywords)
    return `unknown keyword: pptpd keywords are lower case ('${lower}')`;
  return `unknown keyword (pptpd 1.4.0 would silently ignore the line); known: ${pptpdKeywords.join(', ')}`;
}

function positive(value: string, at: Source, out: Findings, what: string, fallback: number, unit: string) {
  const n = pptpdAtoi(value);
  if (!n.ok) {
    out.problem(at, what, value, `${n.reason}; give a whole number of ${unit}`);
    return undefined;
  }
  if (n.warning) out.note(at, what, n.warning);
  if (n.value <= 0) {
    out.note(at, what, `${n.value} means pptpd's default, ${fallback}`);
    return fallback;
  }
  return n.value;
}

function ipList(value: string, at: Source, out: Findings, what: string): Setting<string> | undefined {
  const parsed = parseIpRanges(value, pathOf(at, what));
  if (!parsed.ok) {
    out.problems.push(...parsed.problems);
    return undefined;
  }
  return { value, at };
}
