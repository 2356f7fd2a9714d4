// Wrap-safe arithmetic on 32-bit GRE sequence numbers (RFC 2637 §4.1 numbers wrap at 2^32). Serial
// number arithmetic in the manner of RFC 1982: `a` is after `b` when (a - b) mod 2^32 is in 1..2^31-1,
// which covers Linux's WRAPPED() special case (cur < 0x100 && last >= 0xffffff00) and every other wrap.

/** Signed distance a − b, in −2^31 .. 2^31−1. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

export function seqAfter(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}
