// Drives the control machines in tests: a ManualClock, a log of what timers emitted, and helpers
// to pick sends and events out of the outputs.
import { ManualClock } from '@switchyard/core/testing';
import type { ControlMessageName } from '../codec/constants.js';
import type { PptpMessage, PptpMessageOf } from '../codec/messages.js';
import type { ControlMachineDeps, ControlOutput } from '../machine/types.js';

export interface Harness {
  readonly clock: ManualClock;
  readonly deps: ControlMachineDeps;
  /** Every batch timers emitted, flattened, in order. */
  readonly emitted: ControlOutput[];
  /** Takes (and clears) what timers emitted so far. */
  drain(): ControlOutput[];
}

export function harness(): Harness {
  const clock = new ManualClock();
  const emitted: ControlOutput[] = [];
  return {
    clock,
    emitted,
    deps: { clock, emit: (outputs) => emitted.push(...outputs) },
    drain: () => emitted.splice(0),
  };
}

/** The messages in `outputs` that are sends, in order. */
export function sent(outputs: readonly ControlOutput[]): PptpMessage[] {
  return outputs.flatMap((o) => (o.type === 'send' ? [o.message] : []));
}

/** The only send in `outputs` of the given type; throws if there is not exactly one. */
export function sentOne<T extends ControlMessageName>(
  outputs: readonly ControlOutput[],
  type: T,
): PptpMessageOf<T> {
  const matches = sent(outputs).filter((m) => m.type === type);
  if (matches.length !== 1)
    throw new Error(`expected one ${type}, got ${matches.length}: ${JSON.stringify(outputs)}`);
  return matches[0] as PptpMessageOf<T>;
}

/** Outputs of one kind, e.g. `events(out, 'call-up')`. */
export function events<K extends ControlOutput['type']>(
  outputs: readonly ControlOutput[],
  type: K,
): Extract<ControlOutput, { type: K }>[] {
  return outputs.filter((o): o is Extract<ControlOutput, { type: K }> => o.type === type);
}

/** Output kinds in order, without `state` traces: a compact way to assert a sequence. */
export function kinds(outputs: readonly ControlOutput[]): string[] {
  return outputs
    .filter((o) => o.type !== 'state')
    .map((o) =>
      o.type === 'send' ? `send:${o.message.type}` : o.type === 'close' ? `close:${o.reason}` : o.type,
    );
}
