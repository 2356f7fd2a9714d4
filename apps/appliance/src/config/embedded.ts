// The configuration `switchyard-pptpd` runs with when given neither --conf nor --native-config: a usable
// PPTP server on a fresh machine. Safe by construction: MS-CHAPv2 with MPPE-128 required (what the seed
// and Debian's pptpd-options ask for), users only from /etc/ppp/chap-secrets (none until the file exists:
// there is no built-in account or password), and a tunnel range rarely used on LANs (pptpd's own
// defaults, 192.168.0.x/192.168.1.x, collide with most home networks).
export const embeddedConfig = {
  core: { log: { level: 'info', format: 'text' } },
  'pptp-control': { listen: '0.0.0.0', port: 1723, connections: 100, stimeout: 10 },
  gre: {},
  ppp: { name: 'pptpd' },
  lcp: { auth: true, requireMschapV2: true },
  'auth-mschapv2': {},
  'auth-mschapv1': {},
  'auth-chap-md5': {},
  'auth-pap': {},
  mppe: { requireMppe128: true },
  ipcp: {},
  'ip-pool': { localip: '10.231.0.1', remoteip: '10.231.0.2-254' },
  'secrets-file': { path: '/etc/ppp/chap-secrets', allowMissing: true },
  tun: { localAddress: '10.231.0.1' },
  'proxy-arp': { enabled: false },
  // No ip-up/ip-down scripts: Debian's ppp package installs /etc/ppp/ip-up and ip-down, whose
  // ip-up.d/ip-down.d hooks are written for a dial-up client (README, "Native configuration").
  'ppp-scripts': {},
  'session-log': {},
} as const;
