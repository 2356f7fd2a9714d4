// IPCP options of pppd 2.4.9 (ipcp.c ipcp_option_list), plus the IPv6CP and IPX ones, which are
// accepted with a note: IPv4 is the only network protocol served, and a peer's IPv6CP is rejected.
import { parseIpv4 } from '@switchyard/plugin-ip-pool';
import type { PppdDraft } from './state.js';
import {
  flag,
  integer,
  noEffect,
  readInt,
  refused,
  withArg,
  type OptionContext,
  type OptionSpec,
} from './spec.js';

/**
 * ms-dns/ms-wins (setdnsaddr, setwinsaddr): "We take the last 2 values given, the 2nd-last as the primary
 * and the last as the secondary. If only one is given it becomes both primary and secondary."
 */
const nameServer = (name: 'ms-dns' | 'ms-wins', list: (d: PppdDraft) => string[]) =>
  withArg(name, (d, arg, ctx) => {
    const address = serverAddress(arg, ctx);
    if (address === undefined) return;
    const current = list(d);
    const [primary, secondary] = current;
    if (primary !== undefined && secondary !== undefined && primary !== secondary) {
      ctx.remark(`pppd keeps the last two ${name} addresses: ${primary} is dropped`);
    }
    current.splice(
      0,
      current.length,
      ...(secondary === undefined ? [address, address] : [secondary, address]),
    );
  });

function serverAddress(arg: string, ctx: OptionContext): string | undefined {
  const parsed = parseIpv4(arg);
  if (!parsed.ok) {
    const hostname = /[^0-9.]/.test(arg);
    ctx.problem(
      arg,
      hostname ? 'give an IPv4 address: host names (which pppd resolves) are not looked up' : parsed.reason,
    );
    return undefined;
  }
  if (parsed.value === 0) {
    ctx.problem(arg, '0.0.0.0 is no server address (pppd treats 0 as "not set")');
    return undefined;
  }
  return arg;
}

const noIpv6 =
  'not implemented: IPv6CP from the peer is protocol-rejected, as pppd does without +ipv6, and the link carries IPv4';
const ipv6Only = 'no effect: IPv6CP is not implemented';
const ipxOnly = 'no effect: IPX is not implemented';

export const ipcpOptions: readonly OptionSpec[] = [
  nameServer('ms-dns', (d) => d.ipcp.msDns),
  nameServer('ms-wins', (d) => d.ipcp.msWins),
  flag('proxyarp', (d, ctx) => {
    // OPT_ENABLE: pppd refuses `proxyarp` once `noproxyarp` cleared ipcp_allowoptions.proxy_arp.
    if (!d.ipcp.proxyarpAllowed) {
      const at = ctx.applied.get('noproxyarp');
      const where = at ? ` by noproxyarp at ${at.file}:${at.line}` : '';
      return ctx.problem(true, `proxyarp option is disabled${where} (pppd stops with this error)`);
    }
    d.ipcp.proxyarp = true;
  }),
  flag(
    'noproxyarp',
    (d) => {
      d.ipcp.proxyarp = false;
      d.ipcp.proxyarpAllowed = false;
    },
    ['-proxyarp'],
  ),
  refused('defaultroute', 0, "a server never routes its default route through a client's link: remove it"),
  noEffect('nodefaultroute', 0, "no effect: a client's link never becomes the default route", [
    '-defaultroute',
  ]),
  refused(
    'replacedefaultroute',
    0,
    "a server never routes its default route through a client's link: remove it",
  ),
  noEffect('noreplacedefaultroute', 0, "no effect: a client's link never becomes the default route"),
  noEffect('defaultroute-metric', 1, 'no effect: no default route is ever added'),
  flag('novj', (d) => (d.ipcp.vj = false), ['-vj']),
  flag('novjccomp', (d) => (d.ipcp.vjccomp = false), ['-vjccomp']),
  withArg('vj-max-slots', (d, arg, ctx) => {
    const n = readInt(arg, { min: 2, max: 16 }, ctx);
    if (n === undefined) return;
    d.ipcp.vjMaxSlots = n;
    ctx.note('no effect: Van Jacobson compression is not implemented; IPCP always rejects it');
  }),
  noEffect(
    'ipcp-accept-local',
    0,
    'not honoured: our address always comes from localip; one the peer proposes for us is NAKed',
  ),
  noEffect(
    'ipcp-accept-remote',
    0,
    'not honoured: a client always gets its address from remoteip; one it proposes itself is NAKed (pppd would take it)',
  ),
  withArg('ipparam', (d, arg) => (d.ipparam = arg)),
  noEffect('noipdefault', 0, 'no effect: our address always comes from localip'),
  noEffect('usepeerdns', 0, 'no effect: it asks the peer for DNS servers, which only a client does'),
  noEffect('netmask', 1, 'no effect: no per-client interface is created whose netmask could be set'),
  integer('ipcp-restart', (d, n) => (d.ipcp.restartSeconds = n), { min: 1 }),
  integer('ipcp-max-terminate', (d, n) => (d.ipcp.maxTerminate = n)),
  integer('ipcp-max-configure', (d, n) => (d.ipcp.maxConfigure = n), { min: 1 }),
  integer('ipcp-max-failure', (d, n) => (d.ipcp.maxFailure = n)),
  refused('noip', 0, 'IPv4 is the only protocol the tunnel carries: without IPCP nothing would pass', [
    '-ip',
  ]),
  noEffect('ipcp-no-addresses', 0, 'no effect: the old IP-Addresses option (RFC 1172) is never used'),
  refused('ipcp-no-address', 0, 'a client must be given its address with the IP-Address option; remove it'),
  refused('nosendip', 0, 'our address is always sent, so clients can route to us; remove it'),
  refused('noremoteip', 0, 'every client is given an address from remoteip; remove it'),
  noEffect('+ipv6', 0, noIpv6),
  noEffect('ipv6', 1, noIpv6),
  noEffect('noipv6', 0, 'no effect: IPv6 is never negotiated', ['-ipv6']),
  ...['ipv6cp-accept-local', 'ipv6cp-accept-remote', 'ipv6cp-use-ipaddr', 'ipv6cp-use-persistent'].map((n) =>
    noEffect(n, 0, ipv6Only),
  ),
  ...['ipv6cp-restart', 'ipv6cp-max-terminate', 'ipv6cp-max-configure', 'ipv6cp-max-failure'].map((n) =>
    noEffect(n, 1, ipv6Only),
  ),
  noEffect('ipx', 0, 'not implemented: IPXCP from the peer is protocol-rejected', ['+ipx']),
  noEffect('noipx', 0, 'no effect: IPX is never negotiated', ['-ipx']),
  ...['ipxcp-accept-network', 'ipxcp-accept-local', 'ipxcp-accept-remote'].map((n) =>
    noEffect(n, 0, ipxOnly),
  ),
  ...[
    'ipx-network',
    'ipx-node',
    'ipx-router-name',
    'ipx-routing',
    'ipxcp-restart',
    'ipxcp-max-terminate',
    'ipxcp-max-configure',
    'ipxcp-max-failure',
  ].map((n) => noEffect(n, 1, ipxOnly)),
];
