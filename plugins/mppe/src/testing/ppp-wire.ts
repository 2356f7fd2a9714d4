// Two FakePppContexts joined back to back through an explicit queue the test pumps (deterministic order),
// with seeded faults on the data frames (protocol 0x00FD): loss, duplication and reordering, as the
// GRE path of a real tunnel produces them (STYLE.md §3.6 faultInjector, §3.10 seeded faults).
import { SeededBytes } from '@switchyard/crypto/testing';
import { PppProtocol, decodePppFrame } from '@switchyard/ppp';
import type { FakePppContext } from './fake-ppp-context.js';

export type End = 'a' | 'b';

/** Probabilities in [0, 1] per data frame; the same seed always gives the same faults. */
export interface FaultPlan {
  readonly seed: number;
  readonly loss?: number;
  readonly duplicate?: number;
  /** Held back and sent after the next data frame. */
  readonly reorder?: number;
  /** Frames no fault may touch (e.g. FLUSHED packets, to isolate one effect). */
  readonly spare?: (frame: Uint8Array) => boolean;
}

export interface WireStats {
  sent: number;
  lost: number;
  duplicated: number;
  reordered: number;
}

const isDataFrame = (bytes: Uint8Array): boolean => {
  const frame = decodePppFrame(bytes);
  return frame.ok && frame.value.protocol === PppProtocol.COMPRESSED;
};

class FaultyDirection {
  readonly stats: WireStats = { sent: 0, lost: 0, duplicated: 0, reordered: 0 };
  /** Return true to drop a frame on purpose (e.g. one chosen control packet). */
  drop: (bytes: Uint8Array) => boolean = () => false;
  private held: Uint8Array | undefined;
  private readonly random: SeededBytes | undefined;

  constructor(
    private readonly plan: FaultPlan | undefined,
    private readonly forward: (bytes: Uint8Array) => void,
  ) {
    this.random = plan ? new SeededBytes(plan.seed) : undefined;
  }

  push(bytes: Uint8Array): void {
    this.stats.sent++;
    if (this.drop(bytes)) return;
    const plan = this.plan;
    if (plan === undefined || !isDataFrame(bytes) || plan.spare?.(bytes)) return this.forward(bytes);
    if (this.chance(plan.loss)) {
      this.stats.lost++;
      return;
    }
    if (this.held === undefined && this.chance(plan.reorder)) {
      this.stats.reordered++;
      this.held = bytes;
      return;
    }
    this.forward(bytes);
    if (this.chance(plan.duplicate)) {
      this.stats.duplicated++;
      this.forward(bytes);
    }
    this.release();
  }

  /** Sends a held-back frame now. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) this.forward(held);
  }

  private chance(probability: number | undefined): boolean {
    if (!probability || this.random === undefined) return false;
    return this.random.next32() / 0x1_0000_0000 < probability;
  }
}

export class PppWire {
  private readonly queue: { readonly to: End; readonly bytes: Uint8Array }[] = [];
  readonly directions: Record<End, FaultyDirection>;

  constructor(
    readonly a: FakePppContext,
    readonly b: FakePppContext,
    faults: Partial<Record<End, FaultPlan>> = {},
  ) {
    this.directions = {
      a: new FaultyDirection(faults.a, (bytes) => this.queue.push({ to: 'b', bytes })),
      b: new FaultyDirection(faults.b, (bytes) => this.queue.push({ to: 'a', bytes })),
    };
    a.onFrame = (bytes) => this.directions.a.push(bytes);
    b.onFrame = (bytes) => this.directions.b.push(bytes);
  }

  /** Delivers queued frames (and those they cause) until none are left; returns how many. */
  pump(limit = 100_000): number {
    let delivered = 0;
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      if (++delivered > limit) throw new Error(`still busy after ${limit} frames`);
      (next.to === 'a' ? this.a : this.b).receiveFrame(next.bytes);
    }
    return delivered;
  }

  /** Releases held-back frames in both directions, then pumps. */
  flush(): number {
    this.directions.a.release();
    this.directions.b.release();
    return this.pump();
  }
}
