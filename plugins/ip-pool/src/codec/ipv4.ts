// Strict dotted-quad IPv4 text ⇄ unsigned 32-bit numbers, and pppd's test for addresses a peer may never
// be given (auth.c ppp_bad_ip_addr: loopback, multicast, class E). Pure.

export type Ipv4Parse =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const octetPattern = /^\d{1,3}$/;

/** One decimal octet 0..255. A leading zero is refused: inet_addr(), which pptpd and pppd use, reads it as octal. */
export function parseOctet(text: string): Ipv4Parse {
  if (!octetPattern.test(text)) return { ok: false, reason: `'${text}' is not a number 0-255` };
  if (text.length > 1 && text.startsWith('0')) {
    return {
      ok: false,
      reason: `'${text}' has a leading zero, which inet_addr() reads as octal (010 = 8); write it without`,
    };
  }
  const value = Number(text);
  if (value > 255) return { ok: false, reason: `${value} is above 255` };
  return { ok: true, value };
}

/** `a.b.c.d` with four decimal octets; inet_addr's shorthand forms (`10.1`, hex, octal) are refused. */
export function parseIpv4(text: string): Ipv4Parse {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return { ok: false, reason: `'${text}' is not an IPv4 address (four numbers 0-255 joined by dots)` };
  }
  let value = 0;
  for (const part of parts) {
    const octet = parseOctet(part);
    if (!octet.ok) return { ok: false, reason: `in '${text}': ${octet.reason}` };
    value = value * 256 + octet.value;
  }
  return { ok: true, value };
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** Why pppd would refuse `value` as a peer or local address, or undefined when it is usable. */
export function badPeerAddress(value: number): string | undefined {
  const first = value >>> 24;
  if (value === 0) return "0.0.0.0 means 'no address' to pppd";
  if (first === 127) return 'loopback addresses are refused by pppd (bad_ip_adrs)';
  if (first >= 224 && first <= 239) return 'multicast addresses are refused by pppd (bad_ip_adrs)';
  if (first >= 240) return 'class E / broadcast addresses are refused by pppd (bad_ip_adrs)';
  return undefined;
}
