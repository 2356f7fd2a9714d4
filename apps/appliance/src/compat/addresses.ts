// localip/remoteip and `connections` together, as pptpd.c processIPStr combines them: remote addresses
// beyond `connections` are ignored, and `connections` shrinks to the addresses there are (a single
// localip is shared by every call). The lists themselves are parsed by the ip-pool plugin.
import { duplicateAddresses, parseIpRanges } from '@switchyard/plugin-ip-pool';
import { pptpdDefaults } from './compat-config.js';
import type { Findings, Source } from './findings.js';
import type { Setting } from './pptpd-conf.js';

export interface AddressPlan {
  readonly localip: string;
  readonly remoteip: string;
  readonly connections: number;
}

export function planAddresses(
  local: Setting<string> | undefined,
  remote: Setting<string> | undefined,
  connections: Setting<number> | undefined,
  conf: Source,
  out: Findings,
): AddressPlan {
  const localip = local?.value ?? pptpdDefaults.localip;
  const remoteip = remote?.value ?? pptpdDefaults.remoteip;
  const limit = connections?.value ?? pptpdDefaults.connections;
  if (!local) out.note(conf, 'localip', `not set: pptpd's default ${localip} is used`);
  if (!remote) out.note(conf, 'remoteip', `not set: pptpd's default ${remoteip} is used`);
  const localParsed = parseIpRanges(localip, 'localip');
  const remoteParsed = parseIpRanges(remoteip, 'remoteip');
  // Invalid lists were reported where they were read; nothing more can be said about them.
  if (!localParsed.ok || !remoteParsed.ok) return { localip, remoteip, connections: limit };
  const remoteAt = remote?.at ?? conf;
  for (const address of duplicateAddresses(remoteParsed.addresses)) {
    out.problem(
      remoteAt,
      'remoteip',
      address,
      'listed more than once: two calls would be given the same address',
    );
  }
  const locals = new Set(localParsed.addresses);
  const clash = remoteParsed.addresses.filter((a) => locals.has(a));
  if (clash.length > 0) {
    out.problem(
      remoteAt,
      'remoteip',
      clash.join(','),
      "also in localip: a client would be given the server's own address",
    );
  }
  let count = limit;
  const at = connections?.at ?? remoteAt;
  const what = connections ? 'connections' : 'remoteip';
  const remotes = remoteParsed.addresses.length;
  if (remotes > count) {
    out.note(
      remoteAt,
      'remoteip',
      `${remotes - count} address(es) beyond connections (${count}) are never used, as in pptpd`,
    );
  }
  if (remotes < count) {
    out.note(
      at,
      what,
      `maximum of ${count} connections reduced to ${remotes}: remoteip has no more addresses`,
    );
    count = remotes;
  }
  const localCount = localParsed.addresses.length;
  if (localCount > 1 && localCount < count) {
    out.note(
      at,
      what,
      `maximum of ${count} connections reduced to ${localCount}: localip has no more addresses`,
    );
    count = localCount;
  }
  return { localip, remoteip, connections: count };
}
