// The benchmark's network, five namespaces joined by veth pairs, all registered on the run's Cleanup:
//   client 172.30.0.2 ─veth─ 172.30.0.1 server 10.0.0.254 ─veth─ 10.0.0.5 lan
//   plainA 10.99.0.1 ─veth─ 10.99.0.2 plainB                      (the plain path, nothing else on it)
// The server namespace forwards; the LAN host routes the tunnel pool and the client's underlay subnet
// back through the server (plain routes, no proxy ARP: its ARP would only add noise to the figures).
import type { Cleanup } from '../interop/cleanup.js';
import { run } from '../interop/exec.js';
import { addAddress, addNetns, addVeth, ip, sysctl, uniqueTag } from '../interop/netns.js';

export const NET = {
  clientUnderlay: '172.30.0.2',
  serverUnderlay: '172.30.0.1',
  underlaySubnet: '172.30.0.0/24',
  serverLan: '10.0.0.254',
  lanHost: '10.0.0.5',
  lanSubnet: '10.0.0.0/24',
  /** The server's end of every tunnel (pptpd `localip`), a /32 on the TUN device. */
  tunnelLocal: '10.63.255.254',
  /** Where the pool's addresses live (see poolSpec). */
  poolSubnet: '10.64.0.0/16',
  plainA: '10.99.0.1',
  plainB: '10.99.0.2',
} as const;

/** pptpd `remoteip` for at least `count` clients: whole /24 ranges (`10.64.N.1-254`), one per 254. */
export function poolSpec(count: number): string {
  const blocks = Math.max(1, Math.ceil(count / 254));
  if (blocks > 256) throw new Error(`a pool of ${count} addresses does not fit ${NET.poolSubnet}`);
  return Array.from({ length: blocks }, (_, n) => `10.64.${n}.1-254`).join(',');
}

export interface BenchLab {
  readonly ns: {
    readonly client: string;
    readonly server: string;
    readonly lan: string;
    readonly plainA: string;
    readonly plainB: string;
  };
  /** The server's interface towards the clients (for counters). */
  readonly serverWan: string;
}

export async function buildLab(cleanup: Cleanup): Promise<BenchLab> {
  const { tag, nsPrefix } = uniqueTag();
  const ns = {
    client: `${nsPrefix}-bcli`,
    server: `${nsPrefix}-bsrv`,
    lan: `${nsPrefix}-blan`,
    plainA: `${nsPrefix}-bpa`,
    plainB: `${nsPrefix}-bpb`,
  };
  for (const name of Object.values(ns)) await addNetns(cleanup, name);
  const serverWan = `${tag}sw`;
  await addVeth(cleanup, { ns: ns.client, name: `${tag}cw` }, { ns: ns.server, name: serverWan });
  await addAddress(ns.client, `${tag}cw`, `${NET.clientUnderlay}/24`);
  await addAddress(ns.server, serverWan, `${NET.serverUnderlay}/24`);
  await addVeth(cleanup, { ns: ns.server, name: `${tag}sl` }, { ns: ns.lan, name: `${tag}lh` });
  await addAddress(ns.server, `${tag}sl`, `${NET.serverLan}/24`);
  await addAddress(ns.lan, `${tag}lh`, `${NET.lanHost}/24`);
  await sysctl(ns.server, 'net.ipv4.ip_forward', '1');
  await ip(ns.lan, 'route', 'add', NET.poolSubnet, 'via', NET.serverLan);
  await ip(ns.lan, 'route', 'add', NET.underlaySubnet, 'via', NET.serverLan);
  await ip(ns.client, 'route', 'add', NET.lanSubnet, 'via', NET.serverUnderlay);
  await addVeth(cleanup, { ns: ns.plainA, name: `${tag}pa` }, { ns: ns.plainB, name: `${tag}pb` });
  await addAddress(ns.plainA, `${tag}pa`, `${NET.plainA}/24`);
  await addAddress(ns.plainB, `${tag}pb`, `${NET.plainB}/24`);
  return { ns, serverWan };
}

/** Counters of one interface (`ip -s link`), for drops the kernel saw. */
export async function linkStats(ns: string, dev: string): Promise<Record<string, number>> {
  const out = await run('ip', ['-n', ns, '-s', '-j', 'link', 'show', 'dev', dev]);
  const [link] = JSON.parse(out.stdout) as {
    stats64?: { rx: Record<string, number>; tx: Record<string, number> };
  }[];
  const rx = link?.stats64?.rx ?? {};
  const tx = link?.stats64?.tx ?? {};
  return {
    rxPackets: rx.packets ?? 0,
    rxDropped: rx.dropped ?? 0,
    txPackets: tx.packets ?? 0,
    txDropped: tx.dropped ?? 0,
  };
}

/** Drops the kernel counted on a namespace's raw sockets of one IP protocol (/proc/net/raw, last column). */
export async function rawSocketDrops(ns: string, protocol: number): Promise<number> {
  const out = await run('ip', ['netns', 'exec', ns, 'cat', '/proc/net/raw'], { allowFail: true });
  const port = `:${protocol.toString(16).toUpperCase().padStart(4, '0')}`;
  return out.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => cols[1]?.endsWith(port))
    .reduce((sum, cols) => sum + Number(cols.at(-1) ?? 0), 0);
}

/** Where the tunnel path can drop: each raw socket's receive buffer and the appliance's TUN queue. */
export async function tunnelDrops(lab: BenchLab): Promise<Record<string, number>> {
  const tun = await linkStats(lab.ns.server, 'sy-bench0').catch(() => ({ txDropped: 0 }));
  return {
    applianceGreReceiveBuffer: await rawSocketDrops(lab.ns.server, 47),
    clientGreReceiveBuffer: await rawSocketDrops(lab.ns.client, 47),
    lanSinkReceiveBuffer: await rawSocketDrops(lab.ns.lan, 17),
    applianceTunQueue: tun.txDropped ?? 0,
  };
}

/** after − before, per counter. */
export function dropDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));
}
