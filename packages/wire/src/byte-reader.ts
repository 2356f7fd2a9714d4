// A bounds-checked big-endian cursor over a Uint8Array. Codecs call `need(n)` (smoltcp's check_len)
// before reading, so a truncated packet is reported, never read past.

export class ByteReader {
  private readonly view: DataView;
  offset: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = start;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** True when at least `n` more bytes can be read. */
  has(n: number): boolean {
    return this.remaining >= n;
  }

  u8(): number {
    this.check(1);
    return this.view.getUint8(this.offset++);
  }

  u16(): number {
    this.check(2);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  u32(): number {
    this.check(4);
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  /** A view (not a copy) of the next `n` bytes. */
  bytesView(n: number): Uint8Array {
    this.check(n);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  skip(n: number): void {
    this.check(n);
    this.offset += n;
  }

  private check(n: number): void {
    if (this.remaining < n) {
      throw new RangeError(
        `read of ${n} bytes at offset ${this.offset} overruns ${this.bytes.length}-byte buffer`,
      );
    }
  }
}
