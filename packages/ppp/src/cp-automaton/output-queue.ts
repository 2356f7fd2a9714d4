// Delivers the automaton's outputs to its owner's sink in order. The sink may call back into the
// automaton (LCP's tlf makes the owner signal Down); those outputs wait behind the current ones, so
// the order on the wire and in traces always follows the order of the actions.
import type { CpOutput } from './outputs.js';

/** Where an automaton's outputs go: an object (its owner), so an automaton holds no closure. */
export interface CpOutputSink {
  emit(output: CpOutput): void;
}

export class OutputQueue {
  /** Outputs of re-entrant calls, waiting behind the ones being delivered; none most of the time. */
  private pending: CpOutput[] | undefined;
  private delivering = false;
  private readonly sink: CpOutputSink;

  /** A function (tests, one-off automatons) is wrapped; owners held per session pass themselves. */
  constructor(sink: CpOutputSink | ((output: CpOutput) => void)) {
    this.sink = typeof sink === 'function' ? { emit: sink } : sink;
  }

  /** Delivers `outputs` (after whatever a delivery under way still has to deliver) and returns them. */
  deliver(outputs: readonly CpOutput[]): readonly CpOutput[] {
    if (this.delivering) {
      (this.pending ??= []).push(...outputs);
      return outputs;
    }
    this.delivering = true;
    try {
      for (const output of outputs) this.sink.emit(output);
      // Each re-entrant batch in arrival order; one queued meanwhile goes to a fresh array, after it.
      for (let queued = this.take(); queued !== undefined; queued = this.take()) {
        for (const output of queued) this.sink.emit(output);
      }
    } catch (error) {
      this.pending = undefined; // a throwing sink is a bug; don't replay stale outputs later
      throw error;
    } finally {
      this.delivering = false;
    }
    return outputs;
  }

  private take(): CpOutput[] | undefined {
    const queued = this.pending;
    this.pending = undefined;
    return queued;
  }
}
