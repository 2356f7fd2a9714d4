// The seed how-to's network, in three namespaces: a WAN segment (bridge) with the server at 172.31.255.1 and
// clients at .2, .3…; the server's namespace (WAN + LAN 10.0.0.254/24, forwarding on); and a LAN host at 10.0.0.5/24
// with only its on-link route, so it reaches tunnel clients (10.0.0.200-210) only through the server's proxy ARP.
import type { Cleanup } from './cleanup.js';
import { addAddress, addBridge, addNetns, addTap, addVeth, bridgePort, sysctl, uniqueTag } from './netns.js';

/** 'native': the server namespace itself holds the addresses (our server runs there with `ip netns exec`).
 *  'reference': the server namespace only bridges two taps to WAN and LAN, and a UML holds the addresses. */
export type ServerMode = 'native' | 'reference';

export interface ClientSlot {
  /** Tap in the WAN namespace, bridged to the WAN segment, for one client UML at a time. */
  readonly tap: string;
  readonly mac: string;
  /** The client's WAN address with prefix length, e.g. 172.31.255.2/24. */
  readonly cidr: string;
  readonly address: string;
}

/** A namespace on the WAN segment for a client that runs natively (our own client, later). */
export interface NativeClientSlot {
  readonly ns: string;
  readonly ifname: string;
  readonly cidr: string;
  readonly address: string;
}

export interface SeedTopology {
  readonly mode: ServerMode;
  /** Unique per run, e.g. `sy009ix0`: prefix of every interface name. */
  readonly tag: string;
  readonly ns: { readonly wan: string; readonly server: string; readonly lan: string };
  readonly wanBridge: string;
  readonly server: {
    readonly wanAddress: string;
    readonly lanAddress: string;
    /** native: the interface holding wanAddress/24; reference: the tap the server UML's eth0 opens. */
    readonly wanIf: string;
    /** native: the interface holding lanAddress/24; reference: the tap the server UML's eth1 opens. */
    readonly lanIf: string;
    readonly wanMac: string;
    readonly lanMac: string;
  };
  readonly lanHost: { readonly address: string; readonly ifname: string };
  readonly clients: readonly ClientSlot[];
  readonly nativeClients: readonly NativeClientSlot[];
}

export const SEED_NET = {
  wanPrefix: '172.31.255',
  wanServer: '172.31.255.1',
  lanServer: '10.0.0.254',
  lanHost: '10.0.0.5',
  prefixLength: 24,
} as const;

/** Builds the topology; everything it creates is registered on `cleanup` before it exists. */
export async function buildSeedTopology(
  cleanup: Cleanup,
  opts: { mode: ServerMode; clients?: number; nativeClients?: number },
): Promise<SeedTopology> {
  const clientCount = opts.clients ?? 1;
  const nativeCount = opts.nativeClients ?? 0;
  if (clientCount < 0 || clientCount > 8 || nativeCount < 0 || nativeCount > 8) {
    throw new Error('clients and nativeClients must be 0..8');
  }
  const { tag, nsPrefix } = uniqueTag();
  const ns = { wan: `${nsPrefix}-wan`, server: `${nsPrefix}-srv`, lan: `${nsPrefix}-lan` };
  for (const name of Object.values(ns)) await addNetns(cleanup, name);

  // WAN segment: a bridge in the WAN namespace; the client taps and the server's WAN veth are its ports.
  const wanBridge = `${tag}wbr`;
  await addBridge(cleanup, ns.wan, wanBridge);
  const clients: ClientSlot[] = [];
  for (let i = 0; i < clientCount; i++) {
    const octet = 2 + i;
    const tap = `${tag}c${i}`;
    await addTap(cleanup, ns.wan, tap);
    await bridgePort(ns.wan, tap, wanBridge);
    const address = `${SEED_NET.wanPrefix}.${octet}`;
    clients.push({
      tap,
      mac: mac([0xac, 0x1f, 0xff, octet]),
      cidr: `${address}/${SEED_NET.prefixLength}`,
      address,
    });
  }
  // Native clients: a namespace each, with a veth into the WAN bridge, at 172.31.255.100+.
  const nativeClients: NativeClientSlot[] = [];
  for (let i = 0; i < nativeCount; i++) {
    const clientNs = await addNetns(cleanup, `${nsPrefix}-n${i}`);
    const ifname = `${tag}n${i}`;
    await addVeth(cleanup, { ns: clientNs, name: ifname }, { ns: ns.wan, name: `${tag}p${i}` });
    await bridgePort(ns.wan, `${tag}p${i}`, wanBridge);
    const address = `${SEED_NET.wanPrefix}.${100 + i}`;
    const cidr = `${address}/${SEED_NET.prefixLength}`;
    await addAddress(clientNs, ifname, cidr);
    nativeClients.push({ ns: clientNs, ifname, cidr, address });
  }
  const wanPeer = `${tag}wsv`;
  const srvWan = `${tag}wan`;
  await addVeth(cleanup, { ns: ns.wan, name: wanPeer }, { ns: ns.server, name: srvWan });
  await bridgePort(ns.wan, wanPeer, wanBridge);

  // LAN segment: a veth from the server namespace to the LAN host.
  const srvLan = `${tag}lan`;
  const hostIf = `${tag}hst`;
  await addVeth(cleanup, { ns: ns.server, name: srvLan }, { ns: ns.lan, name: hostIf });
  // A /24 address gives the LAN host its on-link route and nothing else: no default route, on purpose.
  await addAddress(ns.lan, hostIf, `${SEED_NET.lanHost}/${SEED_NET.prefixLength}`);

  const wanMac = mac([0xac, 0x1f, 0xff, 1]);
  const lanMac = mac([0x0a, 0, 0, 0xfe]);
  let wanIf = srvWan;
  let lanIf = srvLan;
  if (opts.mode === 'native') {
    await addAddress(ns.server, srvWan, `${SEED_NET.wanServer}/${SEED_NET.prefixLength}`);
    await addAddress(ns.server, srvLan, `${SEED_NET.lanServer}/${SEED_NET.prefixLength}`);
    await sysctl(ns.server, 'net.ipv4.ip_forward', '1');
    // Proxy ARP answers are delayed up to proxy_delay (default 0.8 s): answer at once for crisp timings.
    await sysctl(ns.server, `net.ipv4.neigh.${srvLan}.proxy_delay`, '0');
  } else {
    // The server UML opens two taps here; each is bridged to its segment's veth.
    wanIf = `${tag}tw`;
    lanIf = `${tag}tl`;
    for (const [tap, bridge, port] of [
      [wanIf, `${tag}bw`, srvWan],
      [lanIf, `${tag}bl`, srvLan],
    ] as const) {
      await addBridge(cleanup, ns.server, bridge);
      await addTap(cleanup, ns.server, tap);
      await bridgePort(ns.server, tap, bridge);
      await bridgePort(ns.server, port, bridge);
    }
  }
  return {
    mode: opts.mode,
    tag,
    ns,
    wanBridge,
    server: { wanAddress: SEED_NET.wanServer, lanAddress: SEED_NET.lanServer, wanIf, lanIf, wanMac, lanMac },
    lanHost: { address: SEED_NET.lanHost, ifname: hostIf },
    clients,
    nativeClients,
  };
}

/** A locally administered MAC (02:00:…) that spells the interface's IPv4 address, for readable captures. */
function mac(octets: readonly number[]): string {
  return ['02', '00', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':');
}
