// Our appliance as the harness's native server, started the way the seed how-to starts pptpd: with its
// pptpd.conf, whose `option` line names /usr/local/pptpd/etc/options.pptpd. The files are shown there
// on a tmpfs in a private mount namespace, never on the host.
import { fileURLToPath } from 'node:url';
import type { NativeServerContext, NativeServerSpec } from './native-server.js';
import { SEED_CONF_DIR } from './seed-config.js';

const main = fileURLToPath(new URL('../../../apps/appliance/dist/main.js', import.meta.url));

/** `switchyard-pptpd --conf /usr/local/pptpd/etc/pptpd.conf --secrets <seed chap-secrets>`. */
export const seedApplianceCommand = (ctx: NativeServerContext): string[] => [
  'unshare',
  '--mount',
  '--propagation',
  'private',
  'sh',
  '-c',
  [
    `mount -t tmpfs tmpfs /usr/local`,
    `mkdir -p ${SEED_CONF_DIR}`,
    `mount --bind "${ctx.seed.dir}" ${SEED_CONF_DIR}`,
    `exec "${process.execPath}" "${main}" --conf ${SEED_CONF_DIR}/pptpd.conf --secrets "${ctx.seed.chapSecrets}"`,
  ].join(' && '),
];

export const seedApplianceServer: NativeServerSpec = { kind: 'native', command: seedApplianceCommand };
