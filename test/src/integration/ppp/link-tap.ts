// A FrameFilter for the memory links: records every frame in flight with its PPP protocol, and drops
// data frames at a seeded rate on request (C's netsim: seeded faults, so a failure replays).
import type { FrameFilter } from '@switchyard/core/testing';
import { decodePppFrame } from '@switchyard/ppp';
import { seededRandom } from '@switchyard/wire/testing';

/** As createMemoryLinkPair names them: the server's link is `a`, so aToB is server → client. */
export type Direction = 'aToB' | 'bToA';

export interface TappedFrame {
  readonly direction: Direction;
  /** The PPP Protocol field, or -1 for a frame that does not decode. */
  readonly protocol: number;
  readonly bytes: Uint8Array;
  readonly dropped: boolean;
}

/** IP in clear (RFC 1332) and the compressed/encrypted datagram (RFC 1962 §4, RFC 3078 §3). */
export const IP = 0x0021;
export const COMPRESSED = 0x00fd;
const DATA = new Set([IP, COMPRESSED]);

export function linkTap() {
  const frames: TappedFrame[] = [];
  let chance: (() => number) | undefined;
  let rate = 0;
  const filter: FrameFilter = (bytes, direction) => {
    const decoded = decodePppFrame(bytes);
    const protocol = decoded.ok ? decoded.value.protocol : -1;
    const dropped = chance !== undefined && DATA.has(protocol) && chance() < rate;
    frames.push({ direction, protocol, bytes, dropped });
    return dropped ? [] : [bytes];
  };
  return {
    filter,
    frames,
    /** From now on each data frame is lost with probability `lossRate` (a PRNG seeded with `seed`). */
    lose(lossRate: number, seed: number): void {
      rate = lossRate;
      chance = seededRandom(seed);
    },
    /** The data frames one way, in the order they were sent. */
    data(direction: Direction): TappedFrame[] {
      return frames.filter((f) => f.direction === direction && DATA.has(f.protocol));
    },
    /** Protocols in the order each first crossed one way. */
    firstSeen(direction: Direction): number[] {
      return [...new Set(frames.filter((f) => f.direction === direction).map((f) => f.protocol))];
    },
  };
}
