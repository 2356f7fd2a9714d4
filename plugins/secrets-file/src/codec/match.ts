// pppd's choice among chap-secrets entries (auth.c scan_authfile): the client and server columns must
// each equal the name asked for or be `*`; an exact client scores 2 and an exact server 1; the first
// entry with the best score wins. Names are compared case-sensitively (strcmp). Pure.

export interface Matchable {
  readonly client: string;
  readonly server: string;
}

const isWild = (word: string) => word === '*';

/** scan_authfile's got_flag: NONWILD_CLIENT (2) | NONWILD_SERVER (1), or -1 when the entry does not apply. */
export function matchScore(entry: Matchable, client: string, server: string): number {
  if (!isWild(entry.client) && entry.client !== client) return -1;
  if (!isWild(entry.server) && entry.server !== server) return -1;
  return (isWild(entry.client) ? 0 : 2) | (isWild(entry.server) ? 0 : 1);
}

export function findSecret<E extends Matchable>(
  entries: readonly E[],
  client: string,
  server: string,
): E | undefined {
  let best: E | undefined;
  let bestScore = -1;
  for (const entry of entries) {
    const score = matchScore(entry, client, server);
    if (score > bestScore) [best, bestScore] = [entry, score]; // ties keep the earlier entry
  }
  return best;
}

/**
 * Entries for this client that name another server: the seed how-to's warning ("the server name must
 * equal `name` in the options, or the login fails"), worth telling the administrator about.
 */
export function serverMismatches<E extends Matchable>(
  entries: readonly E[],
  client: string,
  server: string,
): E[] {
  return entries.filter((e) => e.client === client && !isWild(e.server) && e.server !== server);
}
