// Checks one address word of a chap-secrets line the way pppd's set_allowed_addrs would use it:
// `[!]a.b.c.d[/n]`. Host and network names (gethostbyname/getnetbyname in pppd) and the `/n+`
// unit-number form are refused with a reason, so the administrator sees them at load time. Pure.

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const dottedQuad = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** Why pppd's address list cannot use `word`, or undefined when it is usable. */
export function checkAddressWord(word: string): string | undefined {
  const body = word.startsWith('!') ? word.slice(1) : word;
  const [host = '', bits, ...extra] = body.split('/');
  if (extra.length > 0) return 'more than one "/"';
  if (bits !== undefined) {
    if (bits.endsWith('+'))
      return 'a/n+ picks an address by pppd interface unit number, which has no equivalent here';
    if (!/^\d{1,2}$/.test(bits) || Number(bits) < 1 || Number(bits) > 32)
      return `prefix length '${bits}' is not 1-32`;
  }
  if (!dottedQuad.test(host)) {
    return /^[\d.]+$/.test(host)
      ? `'${host}' is not a dotted-quad address (four numbers 0-255, no leading zeros)`
      : `'${host}' is a name; host and network names are not looked up, give the address`;
  }
  return undefined;
}
