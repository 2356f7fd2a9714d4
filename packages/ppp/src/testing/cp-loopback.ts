// Two automata joined in memory through the real codec (encode → bytes → receiveBytes), with an
// explicit queue pumped by the test so delivery order is deterministic (smoltcp's netsim, in small).
import { type CpPacket, encodeCpPacket } from '../codec/cp-packet.js';
import type { CpAutomaton } from '../cp-automaton/automaton.js';
import type { CpOutput } from '../cp-automaton/outputs.js';

export type Side = 'a' | 'b';

export class CpLoopback {
  /** Every packet put on the wire, by sender, in order. */
  readonly wire: { readonly from: Side; readonly packet: CpPacket }[] = [];
  /** Every output of each side. */
  readonly outputs: Record<Side, CpOutput[]> = { a: [], b: [] };
  private readonly ends: Partial<Record<Side, CpAutomaton>> = {};
  private readonly inFlight: { readonly to: Side; readonly bytes: Uint8Array }[] = [];

  /** Return true to lose a packet. */
  drop: (from: Side, packet: CpPacket) => boolean = () => false;

  /** The `emit` sink for one side's automaton. */
  sink(side: Side): (output: CpOutput) => void {
    return (output) => {
      this.outputs[side].push(output);
      if (output.kind !== 'send') return;
      this.wire.push({ from: side, packet: output.packet });
      if (!this.drop(side, output.packet))
        this.inFlight.push({ to: side === 'a' ? 'b' : 'a', bytes: encodeCpPacket(output.packet) });
    };
  }

  attach(side: Side, automaton: CpAutomaton): void {
    this.ends[side] = automaton;
  }

  /** Delivers packets until none are in flight; returns how many were delivered. */
  pump(limit = 1000): number {
    let delivered = 0;
    for (let next = this.inFlight.shift(); next !== undefined; next = this.inFlight.shift()) {
      if (++delivered > limit) throw new Error(`no convergence after ${limit} packets`);
      this.ends[next.to]?.receiveBytes(next.bytes);
    }
    return delivered;
  }
}
