/**
 * Small typed arrays of a scan's rows (a prompt's word hashes, an answer's shingles) copied into
 * shared chunks and handed out as views: an array of its own per row was a separately allocated
 * backing store each, 225,000 of them on a 50 MB set, which the garbage collector tracks one by one.
 */
const CHUNK = 1 << 16;

export class Uint32Pool {
  private chunk = new Uint32Array(CHUNK);
  private used = 0;

  /** A view of a copy of `src[from, to)`. */
  copy(src: Uint32Array, from: number, to: number): Uint32Array {
    const n = to - from;
    if (this.used + n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(CHUNK, n));
      this.used = 0;
    }
    const at = this.used;
    const c = this.chunk;
    for (let i = 0; i < n; i++) c[at + i] = src[from + i]!;
    this.used += n;
    return c.subarray(at, at + n);
  }
}
