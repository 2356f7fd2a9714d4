// Delivers the automaton's outputs to its owner's sink in order. The sink may call back into the
// automaton (LCP's tlf makes the owner signal Down); those outputs wait behind the current ones, so
// the order on the wire and in traces always follows the order of the actions.
import type { CpOutput } from './outputs.js';

export class OutputQueue {
  private readonly pending: CpOutput[] = [];
  private delivering = false;

  constructor(private readonly sink: (output: CpOutput) => void) {}

  /** Queues `outputs`, drains the queue unless a drain is already under way, and returns `outputs`. */
  deliver(outputs: readonly CpOutput[]): readonly CpOutput[] {
    this.pending.push(...outputs);
    if (this.delivering) return outputs;
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) this.sink(next);
    } catch (error) {
      this.pending.length = 0; // a throwing sink is a bug; don't replay stale outputs later
      throw error;
    } finally {
      this.delivering = false;
    }
    return outputs;
  }
}
