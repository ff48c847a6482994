/**
 * LSH buckets as sorted runs: each band's keys are radix-sorted with their rows (stable, so a
 * run lists its rows in file order), and a row's bucket is its run. A row compares itself with
 * the rows before it in its run, up to the first MAX_BUCKET of the run: a bucket that grows past
 * that is a mass-duplicate group, whose later members join via its first ones. These are the
 * candidates a hash table of buckets filled row by row gives, in the same order, without the
 * table: a lookup there was a random access into tens of megabytes for every row and band.
 */
export const MAX_BUCKET = 64;

export interface Runs {
  /** Per band b, at [b * m, (b + 1) * m): the live rows, ordered by band key, then row. */
  readonly order: Int32Array;
  /** Per row r and band b, at r * bands + b: where its run starts in `order`, and where the row itself is. */
  readonly first: Int32Array;
  readonly self: Int32Array;
}

/**
 * `keys[b * m + k]` is band b's key of `live[k]`, the k-th row with a non-empty set (rows in
 * increasing order); `n` rows in all.
 */
export function sortBands(keys: Uint32Array, live: Int32Array, m: number, bands: number, n: number): Runs {
  const order = new Int32Array(bands * m);
  const first = new Int32Array(n * bands);
  const self = new Int32Array(n * bands);
  let k0 = new Uint32Array(m);
  let r0 = new Int32Array(m);
  let k1 = new Uint32Array(m);
  let r1 = new Int32Array(m);
  const count = new Int32Array(256);
  for (let b = 0; b < bands; b++) {
    k0.set(keys.subarray(b * m, (b + 1) * m));
    r0.set(live.subarray(0, m));
    // LSD radix sort by bytes: each pass is stable, so equal keys keep file order.
    for (let shift = 0; shift < 32; shift += 8) {
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
    const base = b * m;
    order.set(r0, base);
    let run = base;
    for (let k = 0; k < m; k++) {
      if (k > 0 && k0[k] !== k0[k - 1]) run = base + k;
      const r = r0[k]! * bands + b;
      first[r] = run;
      self[r] = base + k;
    }
  }
  return { order, first, self };
}
