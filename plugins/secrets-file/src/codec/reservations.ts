// The addresses chap-secrets pins to one user: a plain address (or a /32) in the IP column of a line
// whose client is a name, not `*`. The address pool keeps them for their owners (pptpd/pppd do not:
// there a user whose fixed address lies in `remoteip` is refused, or collides, when another session
// happened to get it first). The first line that names an address owns it, as pppd's first match. Pure.
import type { ChapSecret } from './chap-secrets.js';
import { checkAddressWord } from './address-words.js';

export function reservationsOf(entries: readonly ChapSecret[]): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  for (const entry of entries) {
    if (entry.client === '*') continue;
    for (const word of entry.addresses) {
      const address = word.endsWith('/32') ? word.slice(0, -3) : word;
      if (address.includes('/') || address.startsWith('!') || checkAddressWord(address) !== undefined)
        continue;
      if (!owners.has(address)) owners.set(address, entry.client);
    }
  }
  return owners;
}
