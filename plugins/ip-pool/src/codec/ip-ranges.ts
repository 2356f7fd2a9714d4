// pptpd's `localip`/`remoteip` syntax (pptpd.c processIPStr + isIpRange, samples/pptpd.conf): a comma list
// of addresses and ranges, where a range has exactly one dash inside one octet (`10.0.0.200-210`,
// `192.168.0-255.2`). Pure: text in, addresses in order out, or every problem with its reason.
import type { ConfigProblem } from '@switchyard/core';
import { badPeerAddress, formatIpv4, parseIpv4, parseOctet } from './ipv4.js';

export type IpRangesParse =
  | { readonly ok: true; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type ItemParse = { readonly addresses: string[] } | { readonly reason: string };

/**
 * Expands `spec` the way pptpd does, refusing what pptpd refuses (it exits on a bad address) and what it
 * would silently get wrong: backwards ranges (`234-8`, "no shortcuts"), octal-looking octets, spaces.
 * Host names, which pptpd resolves at start, are refused: the pool does no DNS. `path` labels problems.
 */
export function parseIpRanges(spec: string, path: string): IpRangesParse {
  // pptpd's config reader trims the value; inner spaces are an error (samples/pptpd.conf restriction 1).
  const trimmed = spec.trim();
  if (trimmed === '') return { ok: false, problems: [{ path, value: spec, reason: 'no addresses given' }] };
  const addresses: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const item of trimmed.split(',')) {
    const parsed = parseItem(item);
    if ('reason' in parsed) problems.push({ path, value: item, reason: parsed.reason });
    else addresses.push(...parsed.addresses);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, addresses };
}

/** Addresses listed more than once, each reported once, in first-seen order. */
export function duplicateAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const address of addresses) (seen.has(address) ? repeated : seen).add(address);
  return [...repeated];
}

function parseItem(item: string): ItemParse {
  if (item === '') return { reason: 'empty item: two commas in a row, or a comma at the start or end' };
  if (/\s/.test(item)) {
    return { reason: 'spaces are not allowed in an address list (pptpd reads the item as a host name)' };
  }
  const dashes = item.split('-').length - 1;
  if (dashes === 0) return parseSingle(item);
  if (dashes > 1) {
    return { reason: "more than one '-': a range has one dash inside one octet, e.g. 10.0.0.200-210" };
  }
  return parseRange(item);
}

function parseSingle(item: string): ItemParse {
  if (/[^0-9.]/.test(item)) {
    return { reason: `'${item}' looks like a host name; give the address (the pool does no DNS lookups)` };
  }
  const parsed = parseIpv4(item);
  if (!parsed.ok) return { reason: parsed.reason };
  const bad = badPeerAddress(parsed.value);
  return bad ? { reason: bad } : { addresses: [item] };
}

function parseRange(item: string): ItemParse {
  const [from = '', to = ''] = item.split('-');
  const fromIp = parseIpv4(from);
  if (fromIp.ok && parseIpv4(to).ok) {
    // The common mistake `10.0.0.200-10.0.0.210`: pptpd reads it as a host name and exits.
    const hint = sameFirstThree(from, to) ? `: write ${from}-${to.split('.')[3]}` : '';
    return { reason: `the end of a range is one octet, not a whole address${hint}` };
  }
  if (/[^0-9.-]/.test(item)) {
    return { reason: `'${item}' looks like a host name; give the address (the pool does no DNS lookups)` };
  }
  const octets = item.split('.');
  if (octets.length !== 4) {
    return { reason: 'a range is four octets, one of them low-high (10.0.0.200-210 or 192.168.0-255.2)' };
  }
  const at = octets.findIndex((o) => o.includes('-'));
  const fixed: number[] = [];
  for (const [i, text] of octets.entries()) {
    if (i === at) continue;
    const octet = parseOctet(text);
    if (!octet.ok) return { reason: `in '${item}': ${octet.reason}` };
    fixed.push(octet.value);
  }
  const [lowText = '', highText = ''] = (octets[at] ?? '').split('-');
  const low = parseOctet(lowText);
  const high = parseOctet(highText);
  if (!low.ok) return { reason: `range start in '${item}': ${low.reason}` };
  if (!high.ok) return { reason: `range end in '${item}': ${high.reason}` };
  if (high.value < low.value) return { reason: backwards(lowText, highText) };
  const addresses: string[] = [];
  for (let n = low.value; n <= high.value; n++) {
    const value = [...fixed.slice(0, at), n, ...fixed.slice(at)].reduce((a, o) => a * 256 + o, 0);
    const bad = badPeerAddress(value);
    if (bad) return { reason: `${formatIpv4(value)} in '${item}': ${bad}` };
    addresses.push(formatIpv4(value));
  }
  return { addresses };
}

function backwards(low: string, high: string): string {
  // samples/pptpd.conf: "No shortcuts in ranges! ie. 234-8 does not mean 234 to 238".
  const meant = high.length < low.length ? low.slice(0, low.length - high.length) + high : undefined;
  const hint =
    meant !== undefined && Number(meant) >= Number(low)
      ? `; for ${low} to ${meant} write ${low}-${meant}`
      : '';
  return `range ${low}-${high} runs backwards: pptpd takes no shortcuts, the end is a whole octet${hint}`;
}

function sameFirstThree(a: string, b: string): boolean {
  return a.split('.').slice(0, 3).join('.') === b.split('.').slice(0, 3).join('.');
}
