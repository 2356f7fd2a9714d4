// The reference server: the real pptpd 1.4.0 + pppd 2.4.9 in a UML with two NICs (WAN 172.31.255.1, LAN
// 10.0.0.254), configured with the seed's three files verbatim and started the way the seed starts it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';
import { parseKeyValues } from './client-result.js';
import { HarnessError } from './exec.js';
import { SEED_CONF_DIR, SEED_FILES, type SeedFiles, writeSeedFiles } from './seed-config.js';
import type { ServerHandle, ServerSession } from './server-handle.js';
import { SEED_NET, type SeedTopology } from './topology.js';
import { bootUml, shellQuote } from './uml.js';

export interface ReferenceServerOptions {
  readonly topology: SeedTopology;
  /** A fresh per-server directory. */
  readonly dir: string;
  readonly spawnEnv: Readonly<Record<string, string>>;
  /** Default: the seed's files. */
  readonly files?: SeedFiles;
  /**
   * Lines for the server's private /etc/ppp/options (read by pppd before options.pptpd; not one of the seed's
   * files), e.g. `logfile /path`. Default none.
   */
  readonly pppdOptions?: readonly string[];
  /** Boot → TCP 1723 listening. Default 30 s. */
  readonly readyTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** pppd runs ip-up/ip-down with a bare environment: the record path is written into the script. */
function sessionRecorder(dir: string, event: 'up' | 'down'): string {
  return [
    '#!/bin/sh',
    `R=${shellQuote(dir)}`,
    `echo "EVENT=${event} IFNAME=$1 IPLOCAL=$4 IPREMOTE=$5 PEERNAME=$PEERNAME" >> "$R/sessions.log"`,
    '',
  ].join('\n');
}

function serverPayload(): string {
  const conf = SEED_CONF_DIR;
  return [
    'echo 1 > /proc/sys/net/ipv4/ip_forward',
    'echo 0 > /proc/sys/net/ipv4/neigh/eth1/proxy_delay', // answer proxy ARP at once (default waits 0.8 s)
    // The seed keeps its files in /usr/local/pptpd/etc: show them there, on a tmpfs, never on the host.
    `mount -t tmpfs tmpfs /usr/local && mkdir -p ${conf} && mount --bind "$R/seed" ${conf} || fail "seed mount"`,
    `pptpd --fg --conf ${conf}/pptpd.conf --option ${conf}/options.pptpd &`,
    'P=$!',
    // Ready when something listens on TCP 1723 (0x06BB, state 0A = LISTEN).
    "i=0; while ! grep -q ':06BB 00000000:0000 0A' /proc/net/tcp && alive $P && [ $i -lt 300 ]; do",
    '  sleep 0.1; i=$((i+1)); done',
    "grep -q ':06BB 00000000:0000 0A' /proc/net/tcp || fail 'pptpd is not listening on 1723'",
    'ev ready',
    'while [ ! -e "$R/stop" ] && alive $P; do sleep 0.2; done',
    'alive $P || ev pptpd-exited',
    // Stop pptpd and its sessions (pppd runs ip-down and logs), then everything but init, like a shutdown.
    'kill -TERM $P $(busybox pidof pppd pptpctrl) 2>/dev/null',
    'i=0; while busybox pidof pppd pptpd > /dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i+1)); done',
    'kill -KILL -1',
  ].join('\n');
}

/** Boots the reference server UML on the topology's server taps and waits until pptpd listens. */
export async function startReferenceServer(
  cleanup: Cleanup,
  opts: ReferenceServerOptions,
): Promise<ServerHandle> {
  const { topology, dir } = opts;
  if (topology.mode !== 'reference')
    throw new HarnessError('the reference server needs a reference topology');
  mkdirSync(join(dir, 'seed'), { recursive: true });
  const files = opts.files ?? SEED_FILES;
  writeSeedFiles(join(dir, 'seed'), files);
  const started = Date.now();
  const uml = await bootUml(cleanup, {
    name: `${topology.tag}-srv`,
    netns: topology.ns.server,
    dir,
    nics: [
      { tap: topology.server.wanIf, mac: topology.server.wanMac, cidr: `${SEED_NET.wanServer}/24` },
      { tap: topology.server.lanIf, mac: topology.server.lanMac, cidr: `${SEED_NET.lanServer}/24` },
    ],
    etcPpp: {
      options: [
        '# Harness: pptpd passes the seed options.pptpd to pppd; nothing else unless a test asks.',
        ...(opts.pppdOptions ?? []),
        '',
      ].join('\n'),
      'chap-secrets': files.chapSecrets,
      'pap-secrets': '',
      'ip-up': sessionRecorder(dir, 'up'),
      'ip-down': sessionRecorder(dir, 'down'),
    },
    payload: serverPayload(),
    spawnEnv: opts.spawnEnv,
  });
  const ready = await uml.waitEvent(['ready'], opts.readyTimeoutMs ?? 30_000, opts.signal);
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
  let stopped = false;
  return {
    kind: 'reference',
    address: SEED_NET.wanServer,
    readyMs: ready.seenAt - started,
    logs: () => read('syslog.log'),
    sessions: () =>
      read('sessions.log')
        .split('\n')
        .filter(Boolean)
        .map((line): ServerSession => {
          const kv = parseKeyValues(line.split(' ').join('\n'));
          return {
            event: kv.get('EVENT') === 'down' ? 'down' : 'up',
            ifname: kv.get('IFNAME') ?? '',
            localIp: kv.get('IPLOCAL') ?? '',
            remoteIp: kv.get('IPREMOTE') ?? '',
            peerName: kv.get('PEERNAME') ?? '',
          };
        }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Ask init to shut pptpd down cleanly (so its last log lines land), then make sure.
      writeFileSync(join(dir, 'stop'), '');
      if (!(await uml.waitExit(10_000))) await uml.kill();
      await uml.kill();
    },
  };
}

/** pppd's own lines from a syslog (`… pppd[123]: message`), for messages and assertions. */
export function pppdLinesFromSyslog(syslog: string): string {
  return [...syslog.matchAll(/ pppd\[\d+\]: (.*)$/gm)].map((m) => m[1]).join('\n');
}
