/** A bucket that grows past this is a mass-duplicate group; later members join via its first ones. */
const MAX_BUCKET = 64;

/**
 * LSH buckets in typed arrays: an open-addressed table from band key to a run of rows in one pool,
 * moved to a run of twice the room when it fills (so a bucket's rows stay adjacent in memory). A
 * Map of arrays cost as much as the candidate loop itself on 75,000 rows (1.2M small arrays).
 */
export class Buckets {
  /** Per slot: where its rows start in `pool` and how many there are (0: slot unused). */
  readonly at: Int32Array;
  readonly count: Uint8Array;
  /** Per slot: a row in the one cluster all its rows were last seen in, or -1 (set by the caller). */
  readonly oneCluster: Int32Array;
  pool: Int32Array;
  private readonly keys: Uint32Array;
  private readonly room: Uint8Array;
  private readonly mask: number;
  private used = 0;
  constructor(entries: number) {
    const size = 1 << Math.max(4, 32 - Math.clz32(entries * 2));
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.at = new Int32Array(size);
    this.count = new Uint8Array(size);
    this.room = new Uint8Array(size);
    this.oneCluster = new Int32Array(size).fill(-1);
    this.pool = new Int32Array(Math.max(16, entries + (entries >> 1)));
  }
  /** The slot of `key` (count 0 if the key is new). */
  slot(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while (this.count[s] !== 0 && this.keys[s] !== key) s = (s + 1) & this.mask;
    this.keys[s] = key;
    return s;
  }
  add(slot: number, row: number): void {
    const c = this.count[slot]!;
    if (c >= MAX_BUCKET) return;
    if (c === this.room[slot]) {
      const room = c === 0 ? 1 : Math.min(2 * c, MAX_BUCKET);
      if (this.used + room > this.pool.length) {
        const grown = new Int32Array(Math.max(this.pool.length * 2, this.used + room));
        grown.set(this.pool.subarray(0, this.used));
        this.pool = grown;
      }
      this.pool.copyWithin(this.used, this.at[slot]!, this.at[slot]! + c);
      this.at[slot] = this.used;
      this.room[slot] = room;
      this.used += room;
    }
    this.pool[this.at[slot]! + c] = row;
    this.count[slot] = c + 1;
  }
}
