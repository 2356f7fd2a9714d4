// Which addresses a user may have, from pppd address words (auth.c set_allowed_addrs + ip_addr_check):
// the first rule that matches decides; `*` permits all, `-` ends the list, `!` excludes, `a.b.c.d/n` is a
// subnet; whatever no rule matches is refused. Pure.
import { badPeerAddress, formatIpv4, parseIpv4 } from './ipv4.js';

export interface AddressRule {
  readonly permit: boolean;
  readonly base: number;
  /** Unsigned netmask; 0 with `wildcard` is pppd's `*`. */
  readonly mask: number;
  /** Came from `*` or from an empty list: it admits pool addresses, never a requested outsider. */
  readonly wildcard: boolean;
}

export interface AddressPolicy {
  readonly rules: readonly AddressRule[];
  /** pppd's suggested_ip: the first permitted single host, a static address given when needed. */
  readonly suggested?: string;
  /** Words pppd would skip with a warning ("unknown host … in auth. address list"), with why. */
  readonly ignored: readonly { readonly word: string; readonly reason: string }[];
}

const anyAddress: AddressRule = { permit: true, base: 0, mask: 0, wildcard: true };

/**
 * Compiles address words. An empty list means "no opinion" (core's LeaseRequest contract) and admits
 * any pool address, as `*` does; chap-secrets' "no IP column" reaches us as `-` and admits nothing.
 */
export function compileAddressPolicy(words: readonly string[]): AddressPolicy {
  if (words.length === 0) return { rules: [anyAddress], ignored: [] };
  const rules: AddressRule[] = [];
  const ignored: { word: string; reason: string }[] = [];
  let suggested: string | undefined;
  for (const word of words) {
    if (word === '-') break;
    if (word === '*') {
      rules.push(anyAddress);
      break;
    }
    const rule = compileWord(word);
    if ('reason' in rule) {
      ignored.push({ word, reason: rule.reason });
      continue;
    }
    rules.push(rule);
    // pppd also takes a `!host` as suggested_ip (a quirk that makes IPCP fail); only permitted hosts here.
    if (rule.permit && rule.mask === 0xffffffff && suggested === undefined) suggested = formatIpv4(rule.base);
  }
  return suggested === undefined ? { rules, ignored } : { rules, suggested, ignored };
}

/** The rule that decides `address`, or undefined when none matches (then it is refused). */
export function decidingRule(policy: AddressPolicy, address: number): AddressRule | undefined {
  return policy.rules.find((r) => (address & r.mask) >>> 0 === r.base);
}

/** pppd auth_ip_addr: a bad address (loopback, multicast) is never authorized, whatever the rules say. */
export function authorizes(policy: AddressPolicy, address: number): boolean {
  return badPeerAddress(address) === undefined && decidingRule(policy, address)?.permit === true;
}

/** Authorized by a host or subnet rule, not just by `*`: enough to hand out an address outside the pool. */
export function authorizesExplicitly(policy: AddressPolicy, address: number): boolean {
  const rule = decidingRule(policy, address);
  return badPeerAddress(address) === undefined && rule?.permit === true && !rule.wildcard;
}

/** True when the policy can admit at least one address (pppd some_ip_ok). */
export function admitsAny(policy: AddressPolicy): boolean {
  return policy.rules.some((r) => r.permit);
}

function compileWord(word: string): AddressRule | { reason: string } {
  const permit = !word.startsWith('!');
  const body = permit ? word : word.slice(1);
  const [host = '', bits, ...extra] = body.split('/');
  if (extra.length > 0) return { reason: 'more than one "/"' };
  let mask = 0xffffffff;
  if (bits !== undefined) {
    if (bits.endsWith('+')) {
      return { reason: 'a/n+ picks an address by pppd interface unit number, which has no equivalent here' };
    }
    if (!/^\d{1,2}$/.test(bits) || Number(bits) < 1 || Number(bits) > 32) {
      return { reason: `prefix length '${bits}' is not 1-32` };
    }
    mask = Number(bits) === 32 ? 0xffffffff : (0xffffffff << (32 - Number(bits))) >>> 0;
  }
  const parsed = parseIpv4(host);
  if (!parsed.ok) return { reason: `${parsed.reason} (host and network names are not looked up)` };
  return { permit, base: (parsed.value & mask) >>> 0, mask, wildcard: false };
}
