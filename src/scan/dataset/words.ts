/**
 * Prompt words of a scan by their 32-bit hash: how many prompts hold each (document frequency)
 * and, for those the caller keeps, the word itself (to print a trigger phrase). An
 * open-addressed table in typed arrays: a Map keyed by these hashes boxed every one of them above
 * 2^31 (half of them) as a heap number on every look-up, and the look-ups ran per prompt word.
 */
export class WordTable {
  private keys: Uint32Array;
  private counts: Int32Array;
  /** Index in `texts` + 1 (0: no word kept). */
  private textOf: Int32Array;
  private readonly texts: string[] = [];
  private mask: number;
  private used = 0;

  constructor() {
    this.keys = new Uint32Array(1024);
    this.counts = new Int32Array(1024);
    this.textOf = new Int32Array(1024);
    this.mask = 1023;
  }

  /** Words kept so far. */
  get words(): number {
    return this.texts.length;
  }

  /** Prompts holding `key` (0 if none). */
  df(key: number): number {
    return this.counts[this.find(key)]!;
  }

  word(key: number): string | undefined {
    const t = this.textOf[this.find(key)]!;
    return t === 0 ? undefined : this.texts[t - 1];
  }

  /** One more prompt holds `key`. */
  count(key: number): void {
    const s = this.insert(key);
    this.counts[s] = this.counts[s]! + 1;
  }

  /** The slot to `keep` the word of `key` in, or -1 when one is kept already. */
  wordless(key: number): number {
    const s = this.insert(key);
    return this.textOf[s] === 0 ? s : -1;
  }

  keep(slot: number, text: string): void {
    this.texts.push(text);
    this.textOf[slot] = this.texts.length;
  }

  /** The slot of `key`, or the empty slot where it would go (count 0, no word). A slot is in use once its count or word is set. */
  private find(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while ((this.counts[s] !== 0 || this.textOf[s] !== 0) && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  private insert(key: number): number {
    let s = this.find(key);
    if (this.counts[s] !== 0 || this.textOf[s] !== 0) return s;
    if (2 * (this.used + 1) > this.keys.length) {
      this.grow();
      s = this.find(key);
    }
    this.keys[s] = key;
    this.used += 1;
    return s;
  }

  private grow(): void {
    const { keys, counts, textOf } = this;
    const size = keys.length * 2;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
    this.textOf = new Int32Array(size);
    this.mask = size - 1;
    for (let s = 0; s < keys.length; s++) {
      if (counts[s] === 0 && textOf[s] === 0) continue;
      const to = this.find(keys[s]!);
      this.keys[to] = keys[s]!;
      this.counts[to] = counts[s]!;
      this.textOf[to] = textOf[s]!;
    }
  }
}
