// The few calls of one control connection (one, nearly always), each keyed by its own Call ID: one
// array sized to fit. A Map's hash table alone is ~200 bytes, and each connection keeps its table for
// the life of its session; a keys array beside a values array was one array more than needed. Lookups
// scan, which for a handful of entries is as fast as hashing.

const NONE: readonly never[] = [];

export class CallTable<V extends { readonly callId: number }> {
  private items: readonly V[] = NONE;

  get size(): number {
    return this.items.length;
  }

  get(callId: number): V | undefined {
    for (const item of this.items) if (item.callId === callId) return item;
    return undefined;
  }

  /** Adds, or replaces the entry with the same Call ID. The array is rebuilt (once per call). */
  set(item: V): void {
    const at = this.items.findIndex((existing) => existing.callId === item.callId);
    // toSpliced/with allocate the new length exactly (an array grown by push reserves 17 slots).
    this.items = at >= 0 ? this.items.with(at, item) : this.items.toSpliced(this.items.length, 0, item);
  }

  /** Removes and returns the entry for `callId`, if there is one. */
  delete(callId: number): V | undefined {
    const at = this.items.findIndex((item) => item.callId === callId);
    if (at < 0) return undefined;
    const item = this.items[at];
    this.items = this.items.length === 1 ? NONE : this.items.toSpliced(at, 1);
    return item;
  }

  clear(): void {
    this.items = NONE;
  }

  /** A snapshot: changes during the iteration do not affect it. */
  values(): readonly V[] {
    return this.items;
  }
}
