// What one pppd option is to the reader (option_t in options.c, reduced): its names, how many words it
// takes, and what it does to the draft. Handlers report through the context: a problem refuses the
// option, a note accepts it as having no effect here, anything else means it was applied.
import { pppdInt } from '../numbers.js';
import type { Source } from '../findings.js';
import type { PppdDraft } from './state.js';

export interface OptionContext {
  readonly at: Source;
  /** The option as written (an alias such as `+mschap-v2` stays visible in messages). */
  readonly word: string;
  /** Accepted, but it has no effect here: why. */
  note(message: string): void;
  /** Applied, with something the administrator should know (a value pppd reads oddly, a dropped one). */
  remark(message: string): void;
  /** Refused or invalid: the appliance will not start. */
  problem(value: unknown, reason: string): void;
  /** Canonical names of the options already applied (for ordering rules such as noproxyarp). */
  readonly applied: ReadonlyMap<string, Source>;
}

export interface OptionSpec {
  /** pppd's main name; aliases are the `-x`/`+x` spellings of the same entry. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** n_arguments(): pppd reads this many following words, across lines if need be. */
  readonly args: 0 | 1;
  apply(draft: PppdDraft, arg: string, ctx: OptionContext): void;
}

export function flag(
  name: string,
  apply: (d: PppdDraft, ctx: OptionContext) => void,
  aliases?: string[],
): OptionSpec {
  return { name, args: 0, apply: (d, _arg, ctx) => apply(d, ctx), ...(aliases && { aliases }) };
}

export function withArg(name: string, apply: OptionSpec['apply'], aliases?: string[]): OptionSpec {
  return { name, args: 1, apply, ...(aliases && { aliases }) };
}

/** Accepted, with a note saying why it has no effect here. */
export function noEffect(name: string, args: 0 | 1, why: string, aliases?: string[]): OptionSpec {
  return { name, args, apply: (_d, _arg, ctx) => ctx.note(why), ...(aliases && { aliases }) };
}

/** Refused: a problem saying why. */
export function refused(name: string, args: 0 | 1, why: string, aliases?: string[]): OptionSpec {
  return {
    name,
    args,
    apply: (_d, arg, ctx) => ctx.problem(args === 1 ? arg : true, why),
    ...(aliases && { aliases }),
  };
}

export interface IntRange {
  readonly min?: number;
  readonly max?: number;
}

/**
 * An o_int option. pppd reads it with strtoul base 0; its own limits (OPT_LIMITS) are problems, and so
 * are negative counts and times, which pppd would take as nonsense values.
 */
export function integer(
  name: string,
  set: (d: PppdDraft, value: number) => void,
  range: IntRange = { min: 0 },
): OptionSpec {
  return withArg(name, (d, arg, ctx) => {
    const n = readInt(arg, range, ctx);
    if (n !== undefined) set(d, n);
  });
}

export function readInt(arg: string, range: IntRange, ctx: OptionContext): number | undefined {
  const n = pppdInt(arg);
  if (!n.ok) {
    ctx.problem(arg, `invalid numeric parameter for ${ctx.word}: ${n.reason}`);
    return undefined;
  }
  const { min, max } = range;
  if ((min !== undefined && n.value < min) || (max !== undefined && n.value > max)) {
    const bounds =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max}`
        : min !== undefined
          ? `>= ${min}`
          : `<= ${max}`;
    ctx.problem(arg, `${ctx.word} value must be ${bounds}`);
    return undefined;
  }
  if (n.warning) ctx.remark(n.warning);
  return n.value;
}
