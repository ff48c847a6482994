/**
 * LSH buckets as sorted runs: a band's keys are radix-sorted with their rows (stably, so a run
 * lists its rows in file order), and a band's bucket is a run of equal keys. These are the
 * buckets a hash table filled row by row gives, without the table: a lookup there was a random
 * access into tens of megabytes for every row and band.
 */
export class BandSorter {
  /** Where the caller writes a band's keys, one per row of `rows`, before `sort`. */
  readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly k1: Uint32Array;
  private readonly r1: Int32Array;
  private readonly count = new Int32Array(256);

  constructor(m: number) {
    this.keys = new Uint32Array(m);
    this.rows = new Int32Array(m);
    this.k1 = new Uint32Array(m);
    this.r1 = new Int32Array(m);
  }

  /** `keys[0, m)` and `rows[0, m)` sorted together by key; valid until the next call. */
  sort(rows: Int32Array, m: number): { readonly keys: Uint32Array; readonly rows: Int32Array } {
    let k0 = this.keys;
    let r0 = this.rows;
    let k1 = this.k1;
    let r1 = this.r1;
    const count = this.count;
    r0.set(rows.subarray(0, m));
    // LSD radix sort by bytes: each pass is stable, so equal keys keep file order.
    for (let shift = 0; shift < 32 && m > 0; shift += 8) {
      count.fill(0);
      for (let k = 0; k < m; k++) { const d = (k0[k]! >>> shift) & 0xff; count[d] = count[d]! + 1; }
      if (count[(k0[0]! >>> shift) & 0xff] === m) continue;
      for (let d = 0, at = 0; d < 256; d++) { const c = count[d]!; count[d] = at; at += c; }
      for (let k = 0; k < m; k++) {
        const d = (k0[k]! >>> shift) & 0xff;
        const to = count[d]!;
        count[d] = to + 1;
        k1[to] = k0[k]!;
        r1[to] = r0[k]!;
      }
      [k0, k1] = [k1, k0];
      [r0, r1] = [r1, r0];
    }
    return { keys: k0, rows: r0 };
  }
}
