// A Map for the few calls of one control connection (one, nearly always): keys and values in two
// arrays sized to fit. A Map's hash table alone is ~200 bytes, and each connection held two of them for
// the life of its session. Lookups scan, which for a handful of entries is as fast as hashing.

export class SmallMap<K, V> {
  private keys: readonly K[] = [];
  private items: readonly V[] = [];

  get size(): number {
    return this.keys.length;
  }

  get(key: K): V | undefined {
    const at = this.keys.indexOf(key);
    return at < 0 ? undefined : this.items[at];
  }

  /** Adds or replaces; the arrays are rebuilt (sets are rare: once per call). */
  set(key: K, value: V): void {
    const at = this.keys.indexOf(key);
    if (at >= 0) {
      this.items = this.items.with(at, value);
      return;
    }
    // toSpliced allocates the new length exactly (an array grown by push reserves 17 slots).
    this.keys = this.keys.toSpliced(this.keys.length, 0, key);
    this.items = this.items.toSpliced(this.items.length, 0, value);
  }

  delete(key: K): boolean {
    const at = this.keys.indexOf(key);
    if (at < 0) return false;
    this.keys = this.keys.toSpliced(at, 1);
    this.items = this.items.toSpliced(at, 1);
    return true;
  }

  clear(): void {
    this.keys = [];
    this.items = [];
  }

  /** A snapshot: changes during the iteration do not affect it. */
  values(): readonly V[] {
    return this.items;
  }
}
