/**
 * Buffered random-access reader for opcode parsing. Operands may straddle chunk boundaries; the
 * reader refills transparently. Large operands are skipped by moving the offset, never copied.
 */
import type { ByteSource } from '../types.js';

/**
 * Adaptive read-ahead: starts small after a skip (so skipping large operands does not read them)
 * and doubles while parsing sequentially (so opcode-dense data costs few reads).
 */
const MIN_AHEAD = 64 * 1024;
const MAX_AHEAD = 4 * 1024 * 1024;
const CHUNK = MIN_AHEAD;

export class TruncatedError extends Error {
  constructor(readonly offset: number) {
    super('truncated');
  }
}

export class Reader {
  private buf: Buffer = Buffer.alloc(0);
  /** Offset in the source of buf[0]. */
  private base: number;
  private p = 0;
  private ahead = MIN_AHEAD;

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
    const want = Math.min(Math.max(this.ahead, n - rest.length), this.end - this.base - this.buf.length);
    this.ahead = Math.min(this.ahead * 2, MAX_AHEAD);
    const more = await this.source.read(this.base + this.buf.length, want);
    const next = Buffer.allocUnsafe(rest.length + more.length);
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

  // Synchronous access for the hot loop; callers check `buffered` first.
  peekByteSync(): number {
    return this.buf[this.p] as number;
  }

  byteAtSync(i: number): number {
    return this.buf[this.p + i] as number;
  }

  takeSync(n: number): Uint8Array {
    const out = this.buf.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  }

  /** Decodes the next n buffered bytes without allocating a view (hot path for short strings). */
  textSync(n: number, enc: 'utf8' | 'latin1'): string {
    const s = this.buf.toString(enc, this.p, this.p + n);
    this.p += n;
    return s;
  }

  /** Whether the next n buffered bytes are ASCII (latin1 decoding is then exact and faster). */
  asciiSync(n: number): boolean {
    for (let i = this.p; i < this.p + n; i++) if ((this.buf[i] as number) >= 0x80) return false;
    return true;
  }

  advanceSync(n: number): void {
    this.p += n;
  }

  /** Index (relative to the cursor) of `byte` within the buffered bytes, or -1. */
  indexOfSync(byte: number, from: number): number {
    const i = this.buf.indexOf(byte, this.p + from);
    return i < 0 ? -1 : i - this.p;
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
    this.buf = Buffer.alloc(0);
    this.p = 0;
    this.ahead = MIN_AHEAD;
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
