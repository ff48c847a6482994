/**
 * Word tokens as 32-bit hashes. Invisible characters (zero-width, bidi, tag) count as word
 * separators, so "cardio\u200bzeta" and "cardio-zeta" give the same tokens and a hidden character
 * cannot split a trigger phrase away from its visible copies.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a over UTF-16 units; `seed` gives an independent second hash for 53-bit keys. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased words of `text` (at most `max`), in order. */
export function words(text: string, max: number): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  const lower = text.toLowerCase();
  for (let m = WORD.exec(lower); m !== null && out.length < max; m = WORD.exec(lower)) out.push(m[0]);
  return out;
}

export function tokenHashes(text: string, max: number): Uint32Array {
  const w = words(text, max);
  const out = new Uint32Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = hash32(w[i]!);
  return out;
}

/** Sorted, de-duplicated feature set: unigrams and bigrams of `tokens` minus the `drop`ped ones. */
export function shingles(tokens: Uint32Array, drop?: (t: number) => boolean): Uint32Array {
  const out = new Uint32Array(tokens.length * 2);
  return out.subarray(0, shinglesInto(tokens, out, drop));
}

/** `shingles` written to `out` from `at` (room for 2 per token); returns how many there are. */
export function shinglesInto(tokens: Uint32Array, out: Uint32Array, drop?: (t: number) => boolean, at = 0): number {
  let n = at;
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (drop?.(t) === true) continue;
    out[n++] = t;
    if (prev >= 0) out[n++] = (Math.imul(prev, 0x9e3779b1) ^ t) >>> 0;
    prev = t;
  }
  return sortedUnique(out.subarray(at, n)).length;
}

/**
 * Sorts `a` in place and returns its distinct values (a view of `a`). A typed-array sort and one
 * pass cost a third of building a Set, and rows are turned into sets several times each.
 */
export function sortedUnique(a: Uint32Array): Uint32Array {
  a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[n - 1]) a[n++] = a[i]!;
  return a.subarray(0, n);
}

/** Jaccard similarity of two sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
}

/**
 * Whether the Jaccard similarity of two sorted sets is at least `t`, stopping as soon as the
 * elements left cannot bring the intersection to the size needed: most candidate pairs fail, and
 * they fail after a fraction of the merge.
 */
/** Shared elements two sets of sizes `la` and `lb` need for Jaccard >= t: |A n B| / |A u B| >= t <=> |A n B| >= t (|A| + |B|) / (1 + t). */
export const jaccardNeed = (t: number, la: number, lb: number): number => (t * (la + lb)) / (1 + t) - 1e-9;

export function jaccardAtLeast(a: Uint32Array, b: Uint32Array, t: number): boolean {
  if (a.length === 0 && b.length === 0) return true;
  const need = jaccardNeed(t, a.length, b.length);
  if (Math.min(a.length, b.length) < need) return false;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; if (inter >= need) return true; continue; }
    if (a[i]! < b[j]!) i++; else j++;
    if (inter + Math.min(a.length - i, b.length - j) < need) return false;
  }
  return inter >= need;
}

/** `jaccardAtLeast` of two sorted sets held in `data` at [a, aEnd) and [b, bEnd). */
export function atLeast(data: Uint32Array, a: number, aEnd: number, b: number, bEnd: number, t: number): boolean {
  const need = jaccardNeed(t, aEnd - a, bEnd - b);
  if (Math.min(aEnd - a, bEnd - b) < need) return false;
  let inter = 0;
  while (a < aEnd && b < bEnd) {
    const x = data[a]!;
    const y = data[b]!;
    if (x === y) { inter++; a++; b++; if (inter >= need) return true; continue; }
    if (x < y) a++; else b++;
    if (inter + Math.min(aEnd - a, bEnd - b) < need) return false;
  }
  return inter >= need;
}

/** Word hashes of one text: `plain[i]` is hash32 of the i-th lower-cased word, `folded[i]` of it less a plural s. */
export interface WordHashes {
  count: number;
  readonly plain: Uint32Array;
  readonly folded: Uint32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export function wordBuffer(max: number): WordHashes {
  return { count: 0, plain: new Uint32Array(max), folded: new Uint32Array(max), start: new Int32Array(max), end: new Int32Array(max) };
}

/** 1: [a-z0-9], 2: [A-Z] (lower-cased on the fly). */
const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) WORD_ASCII[c] = 1;
  else if (c >= 0x41 && c <= 0x5a) WORD_ASCII[c] = 2;
}

/**
 * `words` + `hash32` (and the plural fold of the store) for ASCII text in one pass without a
 * string per word: words were the largest allocation of a scan. Returns false at the first
 * non-ASCII character, and the caller takes the general path: there case mapping and `\p{L}`
 * need the full Unicode rules. For ASCII text the hashes equal those of the general path.
 */
export function asciiWordHashes(text: string, max: number, out: WordHashes): boolean {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len && n < max) {
    let c = text.charCodeAt(i);
    if (c >= 128) return false;
    if (WORD_ASCII[c] === 0) { i++; continue; }
    const from = i;
    let h = 0x811c9dc5;
    let before = h;
    let last = 0;
    let prev = 0;
    for (; i < len; i++) {
      c = text.charCodeAt(i);
      if (c >= 128) return false;
      const kind = WORD_ASCII[c]!;
      if (kind === 0) break;
      if (kind === 2) c += 32;
      before = h;
      prev = last;
      last = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    out.plain[n] = h >>> 0;
    // As fold(): longer than 3 and ending in s after anything but i, u or s.
    out.folded[n] = (i - from > 3 && last === 0x73 && prev !== 0x69 && prev !== 0x75 && prev !== 0x73 ? before : h) >>> 0;
    out.start[n] = from;
    out.end[n] = i;
    n++;
  }
  out.count = n;
  return true;
}
