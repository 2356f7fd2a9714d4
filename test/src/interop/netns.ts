// Network namespace, veth, bridge and tap helpers. Each creation registers its removal on a Cleanup first, and
// every name carries the process id, so parallel runs never collide and leftovers of a killed run can be swept.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';
import { hostEnv, isAlive, run, runIn, signalGroup, sleep } from './exec.js';

/** Namespaces and run directories of this harness are named `sy-<pid>-…` / `switchyard-interop-<pid>-…`. */
export const NETNS_PREFIX = 'sy-';
export const RUNDIR_PREFIX = 'switchyard-interop-';

let counter = 0;

/**
 * A short tag unique to this process and call, for interface names (IFNAMSIZ allows 15 characters): `sy` + pid
 * and a counter in base 36, e.g. `sy009ix0`; roles of up to 5 characters are appended to it.
 */
export function uniqueTag(): { tag: string; nsPrefix: string } {
  const n = counter++;
  return {
    // Fixed-width pid: `sy` + 5 + counter can never read the same for two different (pid, counter) pairs.
    tag: `sy${process.pid.toString(36).padStart(5, '0')}${n.toString(36)}`,
    nsPrefix: `${NETNS_PREFIX}${process.pid}-${n}`,
  };
}

function ifname(name: string): string {
  if (name.length > 15) throw new Error(`interface name ${name} is longer than 15 characters`);
  return name;
}

/** Creates a namespace with loopback up and IPv6 off (keeps captures free of router solicitations). */
export async function addNetns(cleanup: Cleanup, name: string): Promise<string> {
  cleanup.defer(
    `netns ${name}`,
    () => deleteNetns(name),
    () => deleteNetnsSync(name),
  );
  await run('ip', ['netns', 'add', name]);
  await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  await sysctl(name, 'net.ipv6.conf.all.disable_ipv6', '1');
  await sysctl(name, 'net.ipv6.conf.default.disable_ipv6', '1');
  return name;
}

/** Kills whatever still runs in the namespace (with its process group), then deletes it and its interfaces. */
async function deleteNetns(name: string): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const pids = await run('ip', ['netns', 'pids', name], { allowFail: true });
    const live = pids.stdout.split(/\s+/).filter(Boolean).map(Number).filter(isAlive);
    if (live.length === 0) break;
    for (const pid of live) {
      signalGroup(pid, 'SIGKILL'); // a UML or server we started is the leader of its own group
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    await sleep(50);
  }
  await run('ip', ['netns', 'del', name], { allowFail: true });
}

function deleteNetnsSync(name: string): void {
  try {
    execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore', timeout: 5000, env: hostEnv() });
  } catch {
    // Already gone.
  }
}

/** `sysctl -w key=value` inside a namespace (net.* keys are per namespace: the host's are never touched). */
export async function sysctl(ns: string, key: string, value: string): Promise<void> {
  await runIn(ns, 'sysctl', ['-qw', `${key}=${value}`]);
}

/** Runs `ip -n ns …`. */
export async function ip(ns: string, ...args: string[]): Promise<void> {
  await run('ip', ['-n', ns, ...args]);
}

/** A veth pair created directly in two namespaces (never in the host's, even for an instant). */
export async function addVeth(
  cleanup: Cleanup,
  a: { ns: string; name: string },
  b: { ns: string; name: string },
): Promise<void> {
  cleanup.defer(`veth ${a.name}`, () => run('ip', ['-n', a.ns, 'link', 'del', a.name], { allowFail: true }));
  await run('ip', [
    ...['link', 'add', ifname(a.name), 'netns', a.ns, 'type', 'veth'],
    ...['peer', 'name', ifname(b.name), 'netns', b.ns],
  ]);
}

export async function addBridge(cleanup: Cleanup, ns: string, name: string): Promise<void> {
  cleanup.defer(`bridge ${name}`, () => run('ip', ['-n', ns, 'link', 'del', name], { allowFail: true }));
  // No STP and no forward delay: ports forward at once, so a UML's first ARP is never dropped.
  await ip(ns, 'link', 'add', ifname(name), 'type', 'bridge', 'stp_state', '0', 'forward_delay', '0');
  await ip(ns, 'link', 'set', name, 'up');
}

/** A persistent tap that a UML opens by name (UML's tuntap transport looks it up in its own namespace). */
export async function addTap(cleanup: Cleanup, ns: string, name: string): Promise<void> {
  cleanup.defer(`tap ${name}`, () =>
    run('ip', ['-n', ns, 'tuntap', 'del', 'dev', name, 'mode', 'tap'], { allowFail: true }),
  );
  await ip(ns, 'tuntap', 'add', 'dev', ifname(name), 'mode', 'tap');
}

/** Enslaves `dev` to `bridge` and brings it up. */
export async function bridgePort(ns: string, dev: string, bridge: string): Promise<void> {
  await ip(ns, 'link', 'set', dev, 'master', bridge);
  await ip(ns, 'link', 'set', dev, 'up');
}

/** Adds `cidr` to `dev` and brings it up. */
export async function addAddress(ns: string, dev: string, cidr: string): Promise<void> {
  await ip(ns, 'addr', 'add', cidr, 'dev', dev);
  await ip(ns, 'link', 'set', dev, 'up');
}

/**
 * Removes what a run killed with SIGKILL left behind: namespaces `sy-<pid>-…` and run dirs whose pid is dead.
 * Safe to call concurrently with other live runs, whose pids are alive.
 */
export async function sweepStale(): Promise<string[]> {
  const removed: string[] = [];
  const list = await run('ip', ['netns', 'list'], { allowFail: true });
  for (const line of list.stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const pid = /^sy-(\d+)-/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) {
      await deleteNetns(name);
      removed.push(name);
    }
  }
  for (const entry of readdirSync(tmpdir())) {
    const pid = new RegExp(`^${RUNDIR_PREFIX}(\\d+)-`).exec(entry)?.[1];
    if (pid && !isAlive(Number(pid))) {
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}
