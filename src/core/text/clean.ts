import * as chars from './chars.js';
import { findDisguisedWords } from './confusables.js';
import { TextBuilder, unitsToString, type OffsetMap } from './offsets.js';
import { PATTERNS } from './patterns.js';

// tsx (tests, benchmarks) compiles each imported function to a getter call; these loops run per
// character, so they call module-local bindings taken once here.
const { confusableTarget, isCyrillicOrGreek, isRemovable } = chars;

/** A text derived from a source, with the map back to the source (null: identity). */
export interface Derived {
  readonly text: string;
  readonly map: OffsetMap | null;
}

/**
 * The clean form: NFKC, invisible/bidi/tag characters removed, Cyrillic/Greek look-alikes folded
 * to Latin where the word shows they are a disguise. Case and digits are kept.
 */
export function cleanText(raw: string): Derived {
  const n = raw.length;
  let firstNonAscii = 0;
  while (firstNonAscii < n && raw.charCodeAt(firstNonAscii) < 0x80) firstNonAscii++;
  // Pure ASCII needs none of the work below; this is the inline fast path.
  if (firstNonAscii === n) return { text: raw, map: null };

  const nfkc = raw.normalize('NFKC') !== raw;
  if (!nfkc) {
    const found = scanNonAscii(raw, firstNonAscii);
    // Nothing to remove: at most look-alikes to fold in place, so the map stays the identity.
    if ((found & HAS_REMOVABLE) === 0) return (found & HAS_CYR_GREEK) === 0 ? { text: raw, map: null } : foldInPlace(raw);
  }
  const b = new TextBuilder(n + 16);
  let hasCyrGreek = false;
  let k = 0;
  while (k < n) {
    const c = raw.charCodeAt(k);
    if (c < 0x80 && !(nfkc && k + 1 < n && raw.charCodeAt(k + 1) >= 0x300)) {
      b.push(c, k, k + 1);
      k++;
      continue;
    }
    const cp = raw.codePointAt(k) ?? c;
    const w = cp > 0xffff ? 2 : 1;
    if (isRemovable(cp)) {
      k += w;
      continue;
    }
    if (!nfkc) {
      if (isCyrillicOrGreek(cp)) hasCyrGreek = true;
      b.push(c, k, k + 1);
      if (w === 2) b.push(raw.charCodeAt(k + 1), k + 1, k + 2);
      k += w;
      continue;
    }
    // A base character and its combining marks normalise together (e + U+0301 -> é).
    let seg = String.fromCodePoint(cp);
    let segEnd = k + w;
    let j = segEnd;
    while (j < n) {
      const next = raw.codePointAt(j) ?? 0;
      const w2 = next > 0xffff ? 2 : 1;
      if (isRemovable(next)) {
        j += w2;
        continue;
      }
      if (!continuesSegment(next)) break;
      seg += String.fromCodePoint(next);
      j += w2;
      segEnd = j;
    }
    const norm = seg.normalize('NFKC');
    if (norm === seg && segEnd === k + w && j === segEnd) {
      b.push(c, k, k + 1);
      if (w === 2) b.push(raw.charCodeAt(k + 1), k + 1, k + 2);
    } else {
      for (let u = 0; u < norm.length; u++) {
        const nc = norm.charCodeAt(u);
        if (isCyrillicOrGreek(nc)) hasCyrGreek = true;
        b.push(nc, k, segEnd);
      }
    }
    if (isCyrillicOrGreek(cp)) hasCyrGreek = true;
    k = j;
  }
  if (hasCyrGreek) foldConfusables(b);
  return b.finish(n);
}

const HAS_REMOVABLE = 1;
const HAS_CYR_GREEK = 2;

function scanNonAscii(raw: string, from: number): number {
  let found = 0;
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0xad || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (isCyrillicOrGreek(c)) found |= HAS_CYR_GREEK;
    else if (c === 0xdb40 || isRemovable(c)) found |= HAS_REMOVABLE; // 0xDB40 leads tags and supplementary selectors
  }
  return found;
}

function foldInPlace(raw: string): Derived {
  const words = findDisguisedWords(raw.length, (i) => raw.charCodeAt(i));
  if (words.length === 0) return { text: raw, map: null };
  const codes = new Uint16Array(raw.length);
  for (let i = 0; i < raw.length; i++) codes[i] = raw.charCodeAt(i);
  for (const word of words) {
    for (let p = word.start; p < word.end; p++) {
      const t = confusableTarget(codes[p] ?? 0);
      if (t !== 0) codes[p] = t;
    }
  }
  return { text: unitsToString(codes, raw.length), map: null };
}

const MARK = PATTERNS.mark;
function continuesSegment(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x1160 && cp <= 0x11ff) return true; // conjoining Hangul vowels/finals compose with the lead
  if (cp >= 0xac00 && cp <= 0xd7a3) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return false;
  return MARK.test(String.fromCodePoint(cp));
}

/** Folds look-alikes to Latin in the words that use them as a disguise. */
function foldConfusables(b: TextBuilder): void {
  for (const word of findDisguisedWords(b.length, (i) => b.at(i))) {
    for (let p = word.start; p < word.end; p++) {
      const t = confusableTarget(b.at(p));
      if (t !== 0) b.set(p, t);
    }
  }
}
