/**
 * The hashing primitives both feature paths share: `extractWindow` (one window at a time, used by
 * the trainer and as the reference) and `scan.ts` (one pass over a whole text, used at inference).
 * Anything changed here changes what a text hashes to: bump FEATURE_VERSION in features.ts.
 */

export const FNV_PRIME = 16777619;
export const CHAR_SALT = 0x243f6a88;
export const WORD_SALT = 0x85a308d3;
export const BIGRAM_SALT = 0x13198a2e;

/** Multiplicative hashing: the top `bits` of an odd-constant product are well mixed even when FNV's low bits are not. */
export function bucket(h: number, shift: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> shift;
}

/** ASCII upper-case folded and every control/space character reduced to one space. */
export function normChar(c: number): number {
  if (c <= 32) return 32;
  if (c >= 65 && c <= 90) return c + 32;
  return c;
}

export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  // General/CJK punctuation and symbol blocks split words like ASCII punctuation does.
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** The word hash of text[start, end) (all word characters), as the window scan computes it. */
export function wordHashRange(seed: number, text: string, start: number, end: number): number {
  let h = (seed ^ WORD_SALT) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ normChar(text.charCodeAt(i)), FNV_PRIME);
  return h | 0;
}

export function bigramHash(prev: number, word: number): number {
  return Math.imul(prev ^ BIGRAM_SALT, FNV_PRIME) ^ word;
}

const SECOND_PERSON = ['you', 'your', 'yours', 'yourself', 'du', 'tu', 'vous', 'usted', 'dir', 'dich', 'ты', 'вы'];
const secondPersonCache = new Map<number, Int32Array>();

export function secondPersonHashes(seed: number): Int32Array {
  let hashes = secondPersonCache.get(seed);
  if (!hashes) {
    hashes = Int32Array.from(SECOND_PERSON, (w) => wordHashRange(seed, w, 0, w.length));
    secondPersonCache.set(seed, hashes);
  }
  return hashes;
}

export function isSecondPerson(you: Int32Array, h: number): boolean {
  for (let k = 0; k < you.length; k++) if (you[k] === h) return true;
  return false;
}
