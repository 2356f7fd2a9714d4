// Two Links joined in memory (smoltcp's Loopback device): what one side sends, the other receives, after
// an optional filter that can drop, reorder or corrupt frames to inject faults.
import type { FrameReceiver, Link } from '../contracts/link.js';
import type { CloseReason } from '../sessions/close-reason.js';
import type { Session } from '../sessions/session.js';

/** Decides what becomes of a frame in flight: return the frames to deliver (none = lost). */
export type FrameFilter = (frame: Uint8Array, direction: 'aToB' | 'bToA') => Uint8Array[];

class MemoryLink implements Link {
  private receiver: FrameReceiver | undefined;
  peer?: MemoryLink;
  closedWith?: CloseReason;
  dropped = 0;
  sent = 0;

  constructor(
    readonly session: Session,
    readonly maxFrameBytes: number,
    private readonly direction: 'aToB' | 'bToA',
    private readonly filter: FrameFilter,
    private readonly synchronous: boolean,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closedWith || !this.peer || this.peer.closedWith) {
      this.dropped++;
      return;
    }
    this.sent++;
    const peer = this.peer;
    const copy = frame.slice(); // the sender may reuse its buffer
    const deliver = () => {
      for (const f of this.filter(copy, this.direction)) if (!peer.closedWith) peer.receiver?.frame(f);
    };
    if (this.synchronous) deliver();
    else queueMicrotask(deliver);
  }

  deliverTo(receiver: FrameReceiver): void {
    this.receiver = receiver;
    if (this.closedWith) receiver.end();
  }

  close(reason: CloseReason): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    this.receiver?.end();
    this.peer?.close(reason);
  }
}

/** A FrameReceiver from callbacks, for tests that only want to see the frames (and maybe the end). */
export function frameReceiver(
  onFrame: (frame: Uint8Array) => void,
  onEnd: () => void = () => {},
): FrameReceiver {
  return { frame: onFrame, end: onEnd };
}

export interface MemoryLinkOptions {
  filter?: FrameFilter;
  maxFrameBytes?: number;
  /** Deliver inside send() (default false: on a microtask, like real I/O, so no re-entrancy). */
  synchronous?: boolean;
}

export function createMemoryLinkPair(
  a: Session,
  b: Session,
  options: MemoryLinkOptions = {},
): [MemoryLink & Link, MemoryLink & Link] {
  const filter = options.filter ?? ((frame) => [frame]);
  const max = options.maxFrameBytes ?? 1500;
  const sync = options.synchronous ?? false;
  const left = new MemoryLink(a, max, 'aToB', filter, sync);
  const right = new MemoryLink(b, max, 'bToA', filter, sync);
  left.peer = right;
  right.peer = left;
  return [left, right];
}

export type { MemoryLink };
