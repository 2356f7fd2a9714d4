// The help texts of switchyard-pptp: the client (default) and the `load` command.

export const connectUsage = `usage: switchyard-pptp --server ADDR --user USER (--password PASS | --password-file FILE) [options]
       switchyard-pptp load --help

A user-space PPTP client: no kernel PPP, PPTP or MPPE needed, only a TUN device and a raw GRE socket
(root, or CAP_NET_ADMIN + CAP_NET_RAW). Runs until SIGINT/SIGTERM or until the server hangs up, and
exits with pppd's status codes (5 signal, 8 connect failed, 10 negotiation failed, 15 peer dead,
16 hung up by the server, 19 authentication failed).

Connection:
      --server ADDR         PPTP server (IPv4 address or name)
      --server-port N       TCP port of the control connection (default 1723)
      --user USER           user name (pppd 'user')
      --password PASS       password (visible in ps: prefer --password-file)
      --password-file FILE  read the password from the first line of FILE
      --name NAME           our name in the logs (pppd 'name'; default USER)
      --timeout SECONDS     give up when the session is not up after this long (default 30)
      --window N            GRE receive window announced in the Outgoing-Call-Request (default 64)
PPP (pppd's options, by the same names):
      --auth LIST           protocols we authenticate with: mschap-v2 (default), mschap, chap, pap, all
      --refuse-pap, --refuse-chap, --refuse-mschap, --refuse-mschap-v2, --refuse-eap
                            take a protocol out of --auth (--auth all --refuse-pap = pppd refuse-pap)
      --mppe LIST           128 (default: require-mppe-128), 40 (require-mppe-40; 128,40 = require-mppe),
                            stateful (ask for stateful mode), allow-stateful (pppd mppe-stateful), none
      --mtu N, --mru N      pppd mtu / mru
      --lcp-echo-interval S, --lcp-echo-failure N   LCP keep-alive (default 30 s, 4 misses)
      --no-peerdns          do not ask the server for DNS addresses (pppd without usepeerdns)
Host:
      --ifname NAME         TUN interface name or pattern (default pptp%d)
      --route CIDR          route CIDR through the tunnel once it is up (repeatable)
      --resolv FILE         write the server's DNS addresses to FILE (restored on exit); /etc/resolv.conf
                            is never touched otherwise
  -d, --debug               protocol traces (pppd 'debug')
  -h, --help                show this help
  -v, --version             show the version
`;

export const loadUsage = `usage: switchyard-pptp load --server ADDR --sessions N --user USER (--password PASS | --password-file FILE) [options]

Load generator: opens N PPTP sessions from this process (one raw GRE socket, one TCP connection per
session), measures set-up times and sessions/s, optionally sends UDP from every session, holds the
sessions, closes them and prints a report. Per-session failures are counted, not fatal; the exit
status is 0 when every session came up and stayed up, 1 otherwise.

Sessions:
      --server ADDR, --server-port N, --user USER, --password PASS, --password-file FILE
      --sessions N          sessions to open (1..65535)
      --concurrency C       set-ups (and teardowns) in flight at once (default 16)
      --first-call-id N     first PPTP Call ID (default 1); ids are unique across all sessions
      --timeout SECONDS     per-session set-up limit (default 30)
      --auth LIST, --mppe LIST, --window N, --mtu N, --mru N   as for the client
      --lcp-echo-interval S, --lcp-echo-failure N   LCP keep-alive (default off under load)
Traffic (optional):
      --traffic udp         every session sends UDP/IPv4 from its own address
      --target IP           destination address
      --port P              destination UDP port
      --size BYTES          IP packet size, headers included (40..session MTU, default 512)
      --rate PPS|max        packets per second per session (default 10), or as fast as possible
      --duration S          how long to send (default 10)
Holding and output:
      --hold S              keep every session up (idle) this long before closing (default 0)
      --json FILE           write the full report (per-session figures included) as JSON
  -d, --debug               protocol traces for every session (very verbose)
  -h, --help                show this help
`;
