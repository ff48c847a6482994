/**
 * A bounded cache keyed by 53-bit text keys (key53), in typed arrays: a Map boxed every such key
 * as a heap number on every look-up, once per text of a scan. When `limit` entries are held, the
 * next `set` empties it (bounded memory; the caller recomputes what was dropped).
 */
export class KeyCache<V> {
  private readonly keys: Float64Array;
  /** Index in `values` + 1 (0: empty slot). */
  private readonly at: Int32Array;
  private values: V[] = [];
  private readonly mask: number;

  constructor(private readonly limit: number) {
    const size = 1 << (33 - Math.clz32(limit));
    this.keys = new Float64Array(size);
    this.at = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.values.length;
  }

  get(key: number): V | undefined {
    const s = this.slot(key);
    const a = this.at[s]!;
    return a === 0 ? undefined : this.values[a - 1];
  }

  set(key: number, value: V): void {
    if (this.values.length >= this.limit) {
      this.at.fill(0);
      this.values = [];
    }
    const s = this.slot(key);
    if (this.at[s] !== 0) { this.values[this.at[s]! - 1] = value; return; }
    this.keys[s] = key;
    this.values.push(value);
    this.at[s] = this.values.length;
  }

  private slot(key: number): number {
    // The key's low 32 bits are its second hash's (21 of them) under the first's (11): well mixed.
    let s = Math.imul(key >>> 0, 0x9e3779b1) >>> 0 & this.mask;
    while (this.at[s] !== 0 && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }
}
