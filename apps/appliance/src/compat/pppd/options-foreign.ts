// Options pppd 2.4.9 does not have, but that options files found in the wild do: the MPPE-MPPC patch's
// `mppe <flags>` (DD-WRT, OpenWrt), the OpenSSL MPPE fork's names (pptpd's old sample options.pptpd) and
// pppd plugins' options. pppd stops with "unrecognized option"; we refuse them and say what to write.
import { refused, withArg, type OptionSpec } from './spec.js';

const insteadWrite = (name: string, modern: string) =>
  refused(name, 0, `not a pppd 2.4.9 option (it came from the old OpenSSL MPPE fork): write '${modern}'`);

/** Translates `mppe required,no40,no56,stateless` into the pppd 2.4.9 options that mean the same. */
export function translateMppeFlags(flags: string): {
  readonly options: string[];
  readonly unknown: string[];
} {
  const words = flags.split(',').filter((w) => w !== '');
  const known = new Set(['required', 'no40', 'no56', 'no128', 'stateless', 'stateful']);
  const has = (w: string) => words.includes(w);
  const options: string[] = [];
  if (has('required')) {
    const strengths = [!has('no40') && 40, !has('no128') && 128].filter((s) => s !== false);
    if (strengths.length === 2) options.push('require-mppe');
    else if (strengths.length === 1) options.push(`require-mppe-${strengths[0]}`);
  }
  if (has('stateful')) options.push('mppe-stateful');
  return { options, unknown: words.filter((w) => !known.has(w)) };
}

const mppeFlags = withArg('mppe', (_d, arg, ctx) => {
  const { options, unknown } = translateMppeFlags(arg);
  const hint =
    unknown.length > 0
      ? `; unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`
      : options.length > 0
        ? `: write '${options.join(' ')}' (stateless is the default, and there is no 56-bit MPPE)`
        : arg.split(',').includes('required')
          ? ': it forbids every strength pppd has (40 and 128 bit)'
          : ': pppd 2.4.9 cannot make MPPE optional; write require-mppe-128 to require it, or nothing';
  ctx.problem(arg, `'mppe <flags>' is from the MPPE-MPPC patch, not pppd 2.4.9${hint}`);
});

const pluginOption = (name: string, args: 0 | 1, plugin: string, instead: string) =>
  refused(name, args, `option of pppd's ${plugin} plugin, which cannot be loaded here; ${instead}`);
const radius = 'RADIUS will be its own Switchyard plugin (radius)';

export const foreignOptions: readonly OptionSpec[] = [
  mppeFlags,
  insteadWrite('+chapms', 'require-mschap'),
  insteadWrite('-chapms', 'refuse-mschap'),
  insteadWrite('+chapms-v2', 'require-mschap-v2'),
  insteadWrite('-chapms-v2', 'refuse-mschap-v2'),
  insteadWrite('mppe-40', 'require-mppe-40'),
  insteadWrite('mppe-128', 'require-mppe-128'),
  insteadWrite('mppe-stateless', 'nomppe-stateful (it is the default)'),
  refused('require-mppe-56', 0, 'pppd 2.4.9 has no 56-bit MPPE: write require-mppe-128', ['+mppe-56']),
  refused('nomppe-56', 0, 'pppd 2.4.9 has no 56-bit MPPE, so there is nothing to forbid: remove it', [
    '-mppe-56',
  ]),
  pluginOption('radius-config-file', 1, 'radius.so', radius),
  pluginOption('avpair', 1, 'radius.so', radius),
  pluginOption('map-to-ifname', 0, 'radius.so', radius),
  pluginOption('map-to-ttyname', 0, 'radius.so', radius),
  pluginOption('pptpd-original-ip', 1, 'pptpd-logwtmp.so', 'pptpd passes it itself; remove it'),
  pluginOption('ntlm_auth-helper', 1, 'winbind.so', 'ntlm_auth authentication is not implemented'),
];
