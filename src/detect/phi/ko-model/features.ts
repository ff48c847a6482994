/**
 * Candidates and hashed features for the Korean person-name model. Shared by training
 * (scripts/train/ko-names.ts) and inference (./index.ts), so the two cannot drift apart; a change
 * here that alters any feature must bump KO_FEATURE_VERSION (the loader refuses a mismatch).
 */
import { lexicon } from '../lexicon.js';
import { BEFORE_CUE, CORE_GIVEN, FOREIGN_FAMILY, FOREIGN_GIVEN, KO_NOT_NAMES, PARTICLES, TITLE_AFTER } from '../names-ko-lists.js';

export const KO_FEATURE_VERSION = 1;

/** A candidate name: a Hangul word, or the word without a trailing particle or title. */
export interface KoCandidate {
  readonly start: number;
  readonly end: number;
  /** Index of the Hangul word it came from, so inference keeps one candidate per word. */
  readonly word: number;
}

const HANGUL_WORD = /[\uac00-\ud7a3]{1,14}/g;
const MAX_WORDS = 20000;
/** Longest particle tried at a word's end; PARTICLES holds up to four syllables (님께서). */
const MAX_CUT = 4;

export interface KoWords {
  readonly starts: number[];
  readonly ends: number[];
}

/** Hangul words of the text, at most MAX_WORDS (bounded work on huge inputs; later words get rule cover only). */
export function koWords(text: string): KoWords {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(HANGUL_WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    if (starts.length >= MAX_WORDS) break;
  }
  return { starts, ends };
}

/** Candidates of word `w`: the whole word when short enough, and each stem left by a known particle. */
export function candidatesOf(text: string, words: KoWords, w: number, out: KoCandidate[]): void {
  const a = words.starts[w] ?? 0;
  const b = words.ends[w] ?? 0;
  // 3선, 2번: a word glued to a number is a unit or an ordinal.
  const prev = text.charCodeAt(a - 1);
  if (prev >= 48 && prev <= 57) return;
  const len = b - a;
  if (len >= 2 && len <= 6) out.push({ start: a, end: b, word: w });
  for (let cut = 1; cut <= MAX_CUT && len - cut >= 2; cut++) {
    if (len - cut > 6) continue;
    if (PARTICLES.has(text.slice(b - cut, b))) out.push({ start: a, end: b - cut, word: w });
  }
}

/** FNV-1a over a tag and a slice, folded to `mask`; no substring is built. */
function hashSlice(tag: number, s: string, from: number, to: number, mask: number): number {
  let h = (0x811c9dc5 ^ tag) >>> 0;
  h = Math.imul(h, 0x01000193);
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & mask;
}

const hashStr = (tag: number, s: string, mask: number): number => hashSlice(tag, s, 0, s.length, mask);

const NOT_HANGUL_OR_SPACE = /[^\uac00-\ud7a3\s]/;

/**
 * Feature indices of one candidate (duplicates allowed; each counts once per occurrence).
 * Tags keep feature kinds apart: the same string as a prefix of the candidate and as the next word
 * must not share a weight.
 */
export function featuresOf(text: string, words: KoWords, c: KoCandidate, bits: number, out: number[]): void {
  out.length = 0;
  const mask = (1 << bits) - 1;
  const lex = lexicon();
  const { start, end, word } = c;
  const cand = text.slice(start, end);
  const wEnd = words.ends[word] ?? end;
  const rest = text.slice(end, wEnd);
  const len = end - start;
  out.push(hashStr(1, 'bias', mask));
  // The candidate itself and its character n-grams with boundary marks (^ and $ as tags).
  out.push(hashStr(2, cand, mask));
  for (let i = start; i < end; i++) {
    out.push(hashSlice(3, text, i, i + 1, mask));
    if (i + 2 <= end) out.push(hashSlice(4, text, i, i + 2, mask));
    if (i + 3 <= end) out.push(hashSlice(5, text, i, i + 3, mask));
  }
  out.push(hashSlice(6, text, start, start + 1, mask), hashSlice(7, text, end - 1, end, mask));
  out.push(hashSlice(8, text, start, Math.min(end, start + 2), mask), hashSlice(9, text, Math.max(start, end - 2), end, mask));
  out.push(hashStr(10, `len${Math.min(len, 7)}`, mask));
  out.push(hashStr(11, rest, mask));
  out.push(hashStr(12, `${Math.min(len, 7)}|${rest}`, mask));
  const first = cand[0] ?? '';
  const sur = lex.koSurnames.has(first);
  const compound = len >= 3 && lex.koSurnames.has(cand.slice(0, 2));
  const given = cand.slice(compound ? 2 : 1);
  out.push(hashStr(13, `sur${sur ? 1 : 0}${compound ? 'c' : ''}|${Math.min(len, 5)}`, mask));
  if (sur) {
    let core = 0;
    for (const ch of given) if (CORE_GIVEN.has(ch)) core++;
    out.push(hashStr(14, `core${core}/${given.length}`, mask));
    if (lex.koGiven.has(given)) out.push(hashStr(15, 'knownGiven', mask));
  }
  if (lex.koGiven.has(cand)) out.push(hashStr(15, 'givenAlone', mask));
  if (FOREIGN_GIVEN.has(cand)) out.push(hashStr(16, 'foreignGiven', mask));
  if (FOREIGN_FAMILY.has(cand)) out.push(hashStr(16, 'foreignFamily', mask));
  if (KO_NOT_NAMES.has(cand)) out.push(hashStr(16, 'notName', mask));
  if (len >= 2 && KO_NOT_NAMES.has(cand.slice(0, 2))) out.push(hashStr(16, 'notNamePrefix', mask));
  // Neighbouring words: whole word, and its edge syllables (a title after, a cue before).
  const prevW = word > 0 ? text.slice(words.starts[word - 1] ?? 0, words.ends[word - 1] ?? 0) : '';
  const nextW = word + 1 < words.starts.length ? text.slice(words.starts[word + 1] ?? 0, words.ends[word + 1] ?? 0) : '';
  const gapBefore = word > 0 ? text.slice(words.ends[word - 1] ?? 0, start) : '';
  const gapAfter = word + 1 < words.starts.length ? text.slice(wEnd, words.starts[word + 1] ?? wEnd) : '';
  out.push(hashStr(20, prevW, mask), hashStr(21, prevW.slice(-1), mask), hashStr(22, prevW.slice(-2), mask));
  out.push(hashStr(23, nextW, mask), hashStr(24, nextW.slice(0, 1), mask), hashStr(25, nextW.slice(0, 2), mask));
  // Punctuation between words (a comma list, a bracket, a quote) rather than the exact gap.
  out.push(hashStr(26, gapClass(gapBefore), mask), hashStr(27, gapClass(gapAfter), mask));
  if (rest === '') out.push(hashStr(28, `${gapClass(gapAfter)}|${nextW.slice(0, 2)}`, mask));
  // The rules' cues, as features the model can weigh.
  if (BEFORE_CUE.test(text.slice(Math.max(0, start - 8), start))) out.push(hashStr(30, 'cueBefore', mask));
  if (rest !== '' && TITLE_AFTER.test(rest)) out.push(hashStr(30, 'titleGlued', mask));
  if (rest === '' && TITLE_AFTER.test(nextW)) out.push(hashStr(30, 'titleNext', mask));
  if (start === 0 || (words.ends[word - 1] ?? -1) < 0) out.push(hashStr(30, 'textStart', mask));
  const latinNear = /[A-Za-z]/.test(text.slice(Math.max(0, start - 12), Math.min(text.length, wEnd + 12)));
  if (latinNear) out.push(hashStr(30, 'latinNear', mask));
}

function gapClass(gap: string): string {
  if (gap === '') return 'none';
  if (!NOT_HANGUL_OR_SPACE.test(gap)) return gap.length === 1 ? 'sp' : 'sp+';
  // Keep punctuation, fold digits and Latin so numbers and names in other scripts do not fragment it.
  return gap.replace(/\s+/g, ' ').replace(/\d+/g, '9').replace(/[A-Za-z]+/g, 'A').slice(0, 6);
}
