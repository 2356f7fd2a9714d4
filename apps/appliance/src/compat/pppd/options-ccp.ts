// CCP and MPPE options of pppd 2.4.9 (ccp.c ccp_option_list). The MPPE ones edit one bit mask in file
// order, exactly as pppd does: require-mppe sets 40|128, require-mppe-N adds N, nomppe-N removes N,
// nomppe clears it. A non-empty mask means MPPE is required; pppd has no "MPPE if the peer wants it".
import type { PppdDraft } from './state.js';
import { flag, noEffect, withArg, type OptionContext, type OptionSpec } from './spec.js';

/** `bsdcomp r[,a]` / `deflate r[,a]` (setbsdcomp, setdeflate): each 0 or within the compressor's range. */
function compressorBits(name: string, low: number, high: number) {
  return withArg(name, (d: PppdDraft, arg: string, ctx: OptionContext) => {
    const match = /^(\d+)(?:,(\d+))?$/.exec(arg);
    const values = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [];
    if (values.length === 0) return ctx.problem(arg, `invalid parameter for ${name}: give r or r,a`);
    if (values.some((v) => v !== 0 && (v < low || v > high))) {
      return ctx.problem(arg, `${name} option values must be 0 or ${low} .. ${high}`);
    }
    d.ccp.requested.push(name);
    ctx.note(
      `not implemented: ${name} is never negotiated, so the link runs uncompressed (as with a peer that declines)`,
    );
  });
}

const mppeBit = (name: string, alias: string, bit: 40 | 128, on: boolean) =>
  flag(name, (d) => (on ? d.ccp.mppe.add(bit) : d.ccp.mppe.delete(bit)), [alias]);

export const ccpOptions: readonly OptionSpec[] = [
  flag('noccp', (d) => (d.ccp.enabled = false), ['-ccp']),
  compressorBits('bsdcomp', 9, 15), // BSD_MIN_BITS .. BSD_MAX_BITS
  flag('nobsdcomp', (d) => (d.ccp.bsdcomp = false), ['-bsdcomp']),
  compressorBits('deflate', 8, 15), // DEFLATE_MIN_SIZE .. DEFLATE_MAX_SIZE
  flag('nodeflate', (d) => (d.ccp.deflate = false), ['-deflate']),
  noEffect('nodeflatedraft', 0, 'no effect: Deflate is not implemented'),
  flag('predictor1', (d, ctx) => {
    d.ccp.requested.push('predictor1');
    ctx.note('not implemented: Predictor-1 is never negotiated, so the link runs uncompressed');
  }),
  flag('nopredictor1', (d) => (d.ccp.predictor1 = false), ['-predictor1']),
  flag(
    'require-mppe',
    (d) => {
      d.ccp.mppe.clear();
      d.ccp.mppe.add(40).add(128); // OPT_VAL(MPPE_OPT_40 | MPPE_OPT_128), assigned, not ORed
    },
    ['+mppe'],
  ),
  flag('nomppe', (d) => d.ccp.mppe.clear(), ['-mppe']),
  mppeBit('require-mppe-40', '+mppe-40', 40, true),
  mppeBit('nomppe-40', '-mppe-40', 40, false),
  mppeBit('require-mppe-128', '+mppe-128', 128, true),
  mppeBit('nomppe-128', '-mppe-128', 128, false),
  // "strange one; we always request stateless, but will we allow stateful?" (ccp.c)
  flag('mppe-stateful', (d) => (d.ccp.refuseMppeStateful = false)),
  flag('nomppe-stateful', (d) => (d.ccp.refuseMppeStateful = true)),
];
