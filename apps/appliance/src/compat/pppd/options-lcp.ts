// LCP options of pppd 2.4.9 (lcp.c lcp_option_list, multilink options): MTU/MRU, ACCM, compression of
// the address/control and protocol fields, magic number, echo keep-alive and the FSM counters.
import { pppdHex32 } from '../numbers.js';
import { flag, integer, noEffect, refused, withArg, type OptionSpec } from './spec.js';

/** lcp.h MINMRU and MAXMRU: the `mtu` option's OPT_LIMITS, which we apply to `mru` as well. */
export const minMru = 128;
export const maxMru = 16384;

const multilink =
  'not implemented: multilink is negotiated (MRRU), and the link goes on as a single link, as with a peer that declines it';
const multilinkOnly = 'no effect: it only matters with multilink, which is not implemented';

export const lcpOptions: readonly OptionSpec[] = [
  integer('mtu', (d, n) => (d.lcp.mtuBytes = n), { min: minMru, max: maxMru }),
  integer(
    'mru',
    (d, n) => {
      d.lcp.mruBytes = n;
      d.lcp.negotiateMru = true; // addr2 &neg_mru is set by the option
    },
    { min: minMru, max: maxMru },
  ),
  flag('default-mru', (d) => (d.lcp.negotiateMru = false), ['-mru']),
  withArg(
    'asyncmap',
    (d, arg, ctx) => {
      const n = pppdHex32(arg);
      if (!n.ok) return ctx.problem(arg, `invalid asyncmap: ${n.reason}`);
      if (n.warning) ctx.remark(n.warning);
      d.lcp.asyncmap = ((d.lcp.asyncmap ?? 0) | n.value) >>> 0; // OPT_OR: several asyncmap options add up
      d.lcp.negotiateAsyncmap = true;
    },
    ['-as'],
  ),
  flag(
    'default-asyncmap',
    (d) => {
      // OPT_OR | OPT_VAL(~0U) into the wanted map, OPT_A2CLR on lcp_allowoptions.neg_asyncmap.
      d.lcp.asyncmap = 0xffffffff;
      d.lcp.negotiateAsyncmap = false;
    },
    ['-am'],
  ),
  flag('noaccomp', (d) => (d.lcp.accomp = false), ['-ac']),
  flag('nopcomp', (d) => (d.lcp.pcomp = false), ['-pc']),
  flag('nomagic', (d) => (d.lcp.magic = false), ['-mn']),
  flag('passive', (d) => (d.lcp.passive = true), ['-p']),
  flag('silent', (d) => (d.lcp.silent = true)),
  integer('lcp-echo-failure', (d, n) => (d.lcp.echoFailures = n)),
  integer('lcp-echo-interval', (d, n) => (d.lcp.echoIntervalSeconds = n)),
  flag('lcp-echo-adaptive', (d) => (d.lcp.echoAdaptive = true)),
  integer('lcp-restart', (d, n) => (d.lcp.restartSeconds = n), { min: 1 }),
  integer('lcp-max-terminate', (d, n) => (d.lcp.maxTerminate = n)),
  integer('lcp-max-configure', (d, n) => (d.lcp.maxConfigure = n), { min: 1 }),
  integer('lcp-max-failure', (d, n) => (d.lcp.maxFailure = n)),
  noEffect(
    'receive-all',
    0,
    'no effect: control characters only matter on async serial links, and GRE carries none',
  ),
  refused('-all', 0, 'would disable every LCP option (MRU, magic number, authentication): remove it'),
  noEffect('multilink', 0, multilink, ['mp']),
  noEffect('nomultilink', 0, 'no effect: multilink is never negotiated', ['nomp']),
  noEffect('bundle', 1, multilinkOnly),
  noEffect('mrru', 1, multilinkOnly),
  noEffect('mpshortseq', 0, multilinkOnly),
  noEffect('nompshortseq', 0, multilinkOnly),
  noEffect('endpoint', 1, multilinkOnly),
  noEffect(
    'noendpoint',
    0,
    'no effect: no endpoint discriminator is sent, and one from the peer is rejected',
  ),
];
