import type { ByteSource } from '../../types.js';

/** Raised when a read would run past the end of the file: the caller reports it as malformed. */
export class Truncated extends Error {
  constructor(readonly at: number) {
    super('unexpected end of file');
  }
}

const WINDOW = 1 << 20;

/**
 * Sequential little-endian reader over a ByteSource with a sliding window, so metadata with many
 * small values costs one `read` per megabyte rather than one per value.
 */
export class Cursor {
  pos = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  private view = new DataView(this.buf.buffer);

  constructor(private readonly source: ByteSource) {}

  get remaining(): number {
    return this.source.size - this.pos;
  }

  /** Ensures `n` bytes at `pos` are buffered; throws Truncated if the file is shorter. */
  async need(n: number): Promise<void> {
    if (n > this.remaining) throw new Truncated(this.pos);
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return;
    const length = Math.min(this.remaining, Math.max(n, WINDOW));
    this.buf = await this.source.read(this.pos, length);
    if (this.buf.length < n) throw new Truncated(this.pos);
    this.bufStart = this.pos;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** Whether `n` bytes at `pos` are already in the window (lets hot loops skip an await per value). */
  buffered(n: number): boolean {
    return this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length;
  }

  /** Reads a length prefix that `buffered(wide ? 8 : 4)` has confirmed is in the window. */
  lengthNow(wide: boolean): number {
    const at = this.pos - this.bufStart;
    this.pos += wide ? 8 : 4;
    if (!wide) return this.view.getUint32(at, true);
    const v = this.view.getBigUint64(at, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  }

  async u8(): Promise<number> {
    await this.need(1);
    return this.view.getUint8(this.pos++ - this.bufStart);
  }

  async u32(): Promise<number> {
    await this.need(4);
    const v = this.view.getUint32(this.pos - this.bufStart, true);
    this.pos += 4;
    return v;
  }

  /** u64 as a number; values above 2^53 become Infinity so every bound check fails closed. */
  async u64(): Promise<number> {
    await this.need(8);
    const v = this.view.getBigUint64(this.pos - this.bufStart, true);
    this.pos += 8;
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  }

  async bytes(n: number): Promise<Uint8Array> {
    await this.need(n);
    const out = this.buf.subarray(this.pos - this.bufStart, this.pos - this.bufStart + n);
    this.pos += n;
    return out;
  }

  async skip(n: number): Promise<void> {
    if (n > this.remaining) throw new Truncated(this.pos);
    this.pos += n;
  }
}
