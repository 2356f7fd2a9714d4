// Network-namespace lab for root tests and benchmarks: creates namespaces and veth pairs with names
// unique to this process, and removes all of them in cleanup(), which tests call from after().
import { execFileSync } from 'node:child_process';

/** Runs `ip` with arguments; throws with its stderr on failure. */
export function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** True when the process may create namespaces, TUN devices and raw sockets. */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Names are `sy-<tag>-<pid>-<n>` for namespaces and `sy<pid><n>a|b` for veths (IFNAMSIZ is 16). */
export class NetnsLab {
  readonly #tag: string;
  readonly #namespaces: string[] = [];
  readonly #links: { name: string; netns: string }[] = [];
  #counter = 0;

  constructor(tag: string) {
    this.#tag = tag;
  }

  /** Creates a namespace with its loopback up and returns its name. */
  addNamespace(): string {
    const name = `sy-${this.#tag}-${process.pid}-${this.#counter++}`;
    ip('netns', 'add', name);
    this.#namespaces.push(name);
    ip('-n', name, 'link', 'set', 'lo', 'up');
    return name;
  }

  /** A unique interface name for this run. */
  linkName(suffix: string): string {
    return `sy${process.pid}${this.#counter++}${suffix}`.slice(0, 15);
  }

  /** Joins two namespaces with a veth pair, addresses each end (CIDR) and brings both up. */
  addVethPair(netnsA: string, cidrA: string, netnsB: string, cidrB: string): { a: string; b: string } {
    const a = this.linkName('a');
    const b = this.linkName('b');
    ip('-n', netnsA, 'link', 'add', a, 'type', 'veth', 'peer', 'name', b, 'netns', netnsB);
    this.#links.push({ name: a, netns: netnsA });
    ip('-n', netnsA, 'addr', 'add', cidrA, 'dev', a);
    ip('-n', netnsB, 'addr', 'add', cidrB, 'dev', b);
    ip('-n', netnsA, 'link', 'set', a, 'up');
    ip('-n', netnsB, 'link', 'set', b, 'up');
    return { a, b };
  }

  /** Adds a veth pair whose both ends stay in one namespace (a non-TUN link holding a name). */
  addVethInNamespace(netns: string, name: string): void {
    ip('-n', netns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', this.linkName('p'));
    this.#links.push({ name, netns });
  }

  /** Deletes every link and namespace created here, ignoring ones already gone; never throws. */
  cleanup(): void {
    for (const link of this.#links.splice(0)) quietly(() => ip('-n', link.netns, 'link', 'del', link.name));
    for (const netns of this.#namespaces.splice(0)) quietly(() => ip('netns', 'del', netns));
  }
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Already removed (deleting a namespace also deletes its links); cleanup must not mask a failure.
  }
}
