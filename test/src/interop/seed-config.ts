// The seed how-to's three files (shared/seed/000_6a874ba5671b0105.txt), verbatim: our users copy them unchanged,
// so the reference server runs them unchanged too, and the native server is handed the same text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedFiles {
  readonly pptpdConf: string;
  readonly optionsPptpd: string;
  readonly chapSecrets: string;
}

/** Where the seed puts the files; its pptpd.conf names `option /usr/local/pptpd/etc/options.pptpd`. */
export const SEED_CONF_DIR = '/usr/local/pptpd/etc';

export const SEED_FILES: SeedFiles = {
  pptpdConf: [
    '# pptpd.conf',
    'option /usr/local/pptpd/etc/options.pptpd',
    'debug',
    'stimeout 30',
    'localip 10.0.0.254',
    'remoteip 10.0.0.200-210',
    '',
  ].join('\n'),
  optionsPptpd: [
    '# options.pptpd',
    'name Nanu-VPN',
    'refuse-pap',
    'refuse-chap',
    'refuse-mschap',
    'require-mschap-v2',
    'require-mppe-128',
    'ms-dns 202.106.46.151',
    'ms-dns 202.106.0.20',
    'proxyarp',
    'debug',
    'lock',
    'nobsdcomp',
    'novj',
    'novjccomp',
    'nologfd',
    '',
  ].join('\n'),
  chapSecrets: [
    '# PPTP User Accounts',
    '# username server_name password ip',
    'vpn1 Nanu-VPN "123456" 10.0.0.201',
    '',
  ].join('\n'),
};

/** What a client logging in with the seed's account must get. */
export const SEED_EXPECT = {
  user: 'vpn1',
  password: '123456',
  serverName: 'Nanu-VPN',
  clientAddress: '10.0.0.201',
  serverAddress: '10.0.0.254',
  dns1: '202.106.46.151',
  dns2: '202.106.0.20',
  mppeBits: 128,
} as const;

export interface SeedPaths {
  readonly dir: string;
  readonly pptpdConf: string;
  readonly optionsPptpd: string;
  readonly chapSecrets: string;
}

/** Writes the three files into `dir` as pptpd.conf, options.pptpd and chap-secrets. */
export function writeSeedFiles(dir: string, files: SeedFiles = SEED_FILES): SeedPaths {
  const paths = {
    dir,
    pptpdConf: join(dir, 'pptpd.conf'),
    optionsPptpd: join(dir, 'options.pptpd'),
    chapSecrets: join(dir, 'chap-secrets'),
  };
  writeFileSync(paths.pptpdConf, files.pptpdConf);
  writeFileSync(paths.optionsPptpd, files.optionsPptpd);
  writeFileSync(paths.chapSecrets, files.chapSecrets, { mode: 0o600 });
  return paths;
}
