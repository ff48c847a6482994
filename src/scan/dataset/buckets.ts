/** A bucket that grows past this is a mass-duplicate group; later members join via its first ones. */
const MAX_BUCKET = 64;

/** Slot fields, at `slot + FIELD`: the band key, where its rows start in `pool`, count | room << 8, and the one-cluster row. */
export const KEY = 0;
export const AT = 1;
export const SIZE = 2;
export const ONE = 3;

/**
 * LSH buckets in typed arrays: an open-addressed table from band key to a run of rows in one pool,
 * moved to a run of twice the room when it fills (so a bucket's rows stay adjacent in memory). A
 * Map of arrays cost as much as the candidate loop itself on 75,000 rows (1.2M small arrays).
 * A slot's four fields sit side by side in one array: a band lookup is a random access into tens
 * of megabytes, and one cache line per probe instead of one per field halved its cost.
 */
export class Buckets {
  /**
   * Per slot (a multiple of 4): fields KEY, AT, SIZE (count in the low byte, 0: slot unused; room
   * in the next) and ONE: a row in the one cluster all its rows were last seen in, or -1 (set by the caller).
   */
  readonly table: Int32Array;
  pool: Int32Array;
  private readonly mask: number;
  private used = 0;
  constructor(entries: number) {
    const size = 1 << Math.max(4, 32 - Math.clz32(entries * 2));
    this.mask = size - 1;
    this.table = new Int32Array(4 * size);
    for (let s = ONE; s < this.table.length; s += 4) this.table[s] = -1;
    this.pool = new Int32Array(Math.max(16, entries + (entries >> 1)));
  }
  /** The slot of `key` (count 0 if the key is new). */
  slot(key: number): number {
    const t = this.table;
    const k = key | 0;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while ((t[4 * s + SIZE]! & 0xff) !== 0 && t[4 * s + KEY] !== k) s = (s + 1) & this.mask;
    t[4 * s + KEY] = k;
    return 4 * s;
  }
  count(slot: number): number {
    return this.table[slot + SIZE]! & 0xff;
  }
  add(slot: number, row: number): void {
    const t = this.table;
    const c = t[slot + SIZE]! & 0xff;
    if (c >= MAX_BUCKET) return;
    let at = t[slot + AT]!;
    let room = t[slot + SIZE]! >>> 8;
    if (c === room) {
      room = c === 0 ? 1 : Math.min(2 * c, MAX_BUCKET);
      if (this.used + room > this.pool.length) {
        const grown = new Int32Array(Math.max(this.pool.length * 2, this.used + room));
        grown.set(this.pool.subarray(0, this.used));
        this.pool = grown;
      }
      this.pool.copyWithin(this.used, at, at + c);
      at = this.used;
      t[slot + AT] = at;
      this.used += room;
    }
    this.pool[at + c] = row;
    t[slot + SIZE] = (c + 1) | (room << 8);
  }
}
