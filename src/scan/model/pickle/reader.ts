/**
 * Buffered random-access reader for opcode parsing. Operands may straddle chunk boundaries; the
 * reader refills transparently. Large operands are skipped by moving the offset, never copied.
 */
import type { ByteSource } from '../types.js';

const CHUNK = 1 << 20;

export class TruncatedError extends Error {
  constructor(readonly offset: number) {
    super('truncated');
  }
}

export class Reader {
  private buf: Uint8Array = new Uint8Array(0);
  /** Offset in the source of buf[0]. */
  private base: number;
  private p = 0;

  constructor(private readonly source: ByteSource, start: number, private readonly end = source.size) {
    this.base = start;
  }

  get offset(): number {
    return this.base + this.p;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  get atEnd(): boolean {
    return this.offset >= this.end;
  }

  /** Make at least n bytes readable from the cursor; false if the source ends first. */
  async ensure(n: number): Promise<boolean> {
    if (this.buf.length - this.p >= n) return true;
    if (this.remaining < n) return false;
    const rest = this.buf.subarray(this.p);
    const want = Math.min(Math.max(CHUNK, n - rest.length), this.end - this.base - this.buf.length);
    const more = await this.source.read(this.base + this.buf.length, want);
    const next = new Uint8Array(rest.length + more.length);
    next.set(rest, 0);
    next.set(more, rest.length);
    this.base += this.p;
    this.p = 0;
    this.buf = next;
    return this.buf.length >= n;
  }

  /** Bytes available without another read. */
  get buffered(): number {
    return this.buf.length - this.p;
  }

  async u8(): Promise<number> {
    if (this.p >= this.buf.length && !(await this.ensure(1))) throw new TruncatedError(this.offset);
    return this.buf[this.p++] as number;
  }

  /** Borrowed view of the next n bytes (valid until the next read). */
  async take(n: number): Promise<Uint8Array> {
    if (this.buf.length - this.p < n && !(await this.ensure(n))) throw new TruncatedError(this.offset);
    const out = this.buf.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  }

  /** Peek up to n bytes at the cursor without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    await this.ensure(Math.min(n, this.remaining));
    return this.buf.subarray(this.p, this.p + Math.min(n, this.buf.length - this.p));
  }

  skip(n: number): void {
    if (n > this.remaining) throw new TruncatedError(this.offset);
    const inBuf = this.buf.length - this.p;
    if (n <= inBuf) {
      this.p += n;
      return;
    }
    this.base = this.offset + n;
    this.buf = new Uint8Array(0);
    this.p = 0;
  }

  /**
   * Reads to the next '\n'. Returns the line (without '\n') if it is at most `keep` bytes,
   * otherwise null after skipping it; throws on EOF before '\n' or a line above `max` bytes.
   */
  async line(keep: number, max: number): Promise<{ bytes: Uint8Array | null; length: number }> {
    let scanned = 0;
    for (;;) {
      const nl = this.buf.indexOf(10, this.p + scanned);
      if (nl >= 0) {
        const length = nl - this.p;
        const bytes = length <= keep ? this.buf.slice(this.p, nl) : null;
        this.p = nl + 1;
        return { bytes, length };
      }
      scanned = this.buf.length - this.p;
      if (scanned > max || this.remaining <= scanned) throw new TruncatedError(this.offset + scanned);
      if (scanned > keep) {
        // Drop what we have seen so long lines never accumulate in memory.
        const consumed = scanned;
        this.skip(consumed);
        const rest = await this.line(keep, max - consumed);
        return { bytes: null, length: consumed + rest.length };
      }
      await this.ensure(scanned + Math.min(CHUNK, this.remaining - scanned));
    }
  }
}
