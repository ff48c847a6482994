/**
 * 53-bit keys of texts and of their normal form (for the verdict cache, exact duplicates and
 * same-answer tests), from two independent 32-bit hashes: collisions are negligible for millions
 * of rows. Every text of a scan is keyed, so both hashes come from one pass.
 */

/** Normal form for exact-duplicate detection: NFKC, lower case, whitespace collapsed. */
export function normalise(text: string): string {
  // NFKC leaves ASCII as it is; the test is a quarter of the cost of normalising prose.
  const nf = ASCII.test(text) ? text : text.normalize('NFKC');
  return nf.toLowerCase().replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

const FNV = 0x01000193;

/**
 * key53 of a sequence of pieces fed one after another, so a row's key needs no joined string, and
 * a normal form fed by `normalised` needs none either: for ASCII text it is computed on the fly
 * (lower case, whitespace runs as one space, trimmed), other text goes through `normalise`.
 * `value()` equals key53 of the concatenation of the pieces.
 */
export class Key53 {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  reset(): this {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
    return this;
  }

  text(s: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, FNV);
      b = Math.imul(b ^ c, FNV);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  char(c: number): this {
    this.a = Math.imul(this.a ^ c, FNV);
    this.b = Math.imul(this.b ^ c, FNV);
    return this;
  }

  /** Feeds a 53-bit key (a value() of another Key53), as four 16-bit units. */
  key(x: number): this {
    const lo = x % 0x100000000;
    const hi = (x - lo) / 0x100000000;
    return this.char(lo & 0xffff).char(lo >>> 16).char(hi & 0xffff).char(hi >>> 16);
  }

  /** Feeds normalise(s). */
  normalised(s: string): this {
    let a = this.a;
    let b = this.b;
    let started = false;
    let space = false;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0x80) return this.text(normalise(s));
      // ASCII whitespace as \s and trim() see it: tab, LF, VT, FF, CR, space.
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) { space = started; continue; }
      if (space) {
        a = Math.imul(a ^ 0x20, FNV);
        b = Math.imul(b ^ 0x20, FNV);
        space = false;
      }
      if (c >= 0x41 && c <= 0x5a) c += 32;
      a = Math.imul(a ^ c, FNV);
      b = Math.imul(b ^ c, FNV);
      started = true;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  value(): number {
    return ((this.a >>> 0) * 0x200000) + ((this.b >>> 0) & 0x1fffff);
  }
}

const shared = new Key53();

/** key53 of one text: both 32-bit halves are hash32 of it (seeds 0x811c9dc5 and 0x9747b28c), from one pass. */
export function key53(s: string): number {
  return shared.reset().text(s).value();
}
