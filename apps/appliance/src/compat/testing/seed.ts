// The three files of the seed how-to (shared/seed/000_6a874ba5671b0105.txt), verbatim: pptpd.conf is
// lines 78–83, options.pptpd lines 101–116, chap-secrets lines 156–158 (io/read-files.test.ts checks
// them against the seed when it is present). Their paths are the how-to's.

export const seedPptpdConfPath = '/usr/local/pptpd/etc/pptpd.conf';
export const seedOptionsPath = '/usr/local/pptpd/etc/options.pptpd';
export const seedChapSecretsPath = '/etc/ppp/chap-secrets';

export const seedPptpdConf = `# pptpd.conf
option /usr/local/pptpd/etc/options.pptpd
debug
stimeout 30
localip 10.0.0.254
remoteip 10.0.0.200-210
`;

export const seedOptionsPptpd = `# options.pptpd
name Nanu-VPN
refuse-pap
refuse-chap
refuse-mschap
require-mschap-v2
require-mppe-128
ms-dns 202.106.46.151
ms-dns 202.106.0.20
proxyarp
debug
lock
nobsdcomp
novj
novjccomp
nologfd
`;

export const seedChapSecrets = `# PPTP User Accounts
# username server_name password ip
vpn1 Nanu-VPN "123456" 10.0.0.201
`;

/** A readInclude that serves the given files and fails like fopen() for any other path. */
export function filesReader(files: Readonly<Record<string, string>>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };
}
