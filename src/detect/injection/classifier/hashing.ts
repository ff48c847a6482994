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

/**
 * The second-person words' hashes for one seed, behind a 256-entry filter on the low byte so
 * that most words are ruled out with one lookup instead of a comparison per listed word.
 */
export interface SecondPerson {
  readonly filter: Uint8Array;
  readonly hashes: Int32Array;
}

const secondPersonCache = new Map<number, SecondPerson>();

export function secondPersonHashes(seed: number): SecondPerson {
  let sp = secondPersonCache.get(seed);
  if (!sp) {
    const hashes = Int32Array.from(SECOND_PERSON, (w) => wordHashRange(seed, w, 0, w.length));
    const filter = new Uint8Array(256);
    for (const h of hashes) filter[h & 255] = 1;
    sp = { filter, hashes };
    secondPersonCache.set(seed, sp);
  }
  return sp;
}

export function isSecondPerson(sp: SecondPerson, h: number): boolean {
  if (sp.filter[h & 255] === 0) return false;
  const hashes = sp.hashes;
  for (let k = 0; k < hashes.length; k++) if (hashes[k] === h) return true;
  return false;
}
