// Call ID allocation (RFC 2637 §3.2.2): unique per tunnel is the RFC's minimum; we keep them unique
// across the whole appliance because GRE is demultiplexed by (peer address, our Call ID) and several
// clients behind one NAT share an address. 0 is never used (Linux pptp.ko treats it as "no call",
// anchors §6 #9); allocation rotates over 1..65535 so a just-freed ID is not reused at once and late
// GRE packets of an old call cannot land in a new one.

export const MAX_CALL_ID = 0xffff;

export class CallIdAllocator {
  private readonly used = new Set<number>();
  private cursor: number;
  /** Most IDs in use at once. */
  readonly capacity: number;

  /**
   * @param options.first    first ID tried (default 1), useful for tests and for spreading restarts.
   * @param options.capacity most IDs in use at once (default 65535); the appliance-wide call limit.
   */
  constructor(options: { first?: number; capacity?: number } = {}) {
    const first = options.first ?? 1;
    if (!Number.isInteger(first) || first < 1 || first > MAX_CALL_ID) {
      throw new Error(`first call id ${first} outside 1..${MAX_CALL_ID}`);
    }
    this.cursor = first;
    this.capacity = Math.min(options.capacity ?? MAX_CALL_ID, MAX_CALL_ID);
  }

  get inUse(): number {
    return this.used.size;
  }

  has(callId: number): boolean {
    return this.used.has(callId);
  }

  /** The next free ID after the last one handed out, or undefined when `capacity` IDs are in use. */
  allocate(): number | undefined {
    if (this.used.size >= this.capacity) return undefined;
    for (let tries = 0; tries < MAX_CALL_ID; tries++) {
      const id = this.cursor;
      this.cursor = id === MAX_CALL_ID ? 1 : id + 1;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    return undefined;
  }

  /** Returns an ID to the pool; false if it was not allocated (releasing twice is harmless). */
  release(callId: number): boolean {
    return this.used.delete(callId);
  }
}
