/**
 * Candidates and hashed features for the Korean person-name model. Shared by training
 * (scripts/train/ko-names.ts) and inference (./index.ts), so the two cannot drift apart; a change
 * here that alters any feature must bump KO_FEATURE_VERSION (the loader refuses a mismatch).
 */
import { lexicon } from '../lexicon.js';
import { hashInt } from '../name-model.js';
import { BEFORE_CUE, CORE_GIVEN, FOREIGN_FAMILY, FOREIGN_GIVEN, KO_NOT_NAMES, PARTICLES, TITLE_AFTER } from '../names-ko-lists.js';
import { hangulLines, hangulMatches, type HangulLines } from '../lines.js';

export const KO_FEATURE_VERSION = 3;

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
/** Words written glued to a name in reviews and chat (희래엄마, 텟페이커플), tried like particles. */
const GLUED = new Set('엄마 아빠 오빠 언니 누나 형 쌤 역할 커플 부부 가족 일가 팬 형님 엄마가 엄마는 엄마의 아빠가 아빠는 오빠가 오빠는 언니가 언니는 누나가 커플의'.split(' '));

export interface KoWords {
  readonly starts: number[];
  readonly ends: number[];
  /** Word-level features of the last word asked for: the same for every candidate of a word. */
  readonly memo: { word: number; mask: number; readonly feats: number[] };
}

/** Hangul words of the text, at most MAX_WORDS (bounded work on huge inputs; later words get rule cover only). */
export function koWords(text: string, ko: HangulLines = hangulLines(text)): KoWords {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of hangulMatches(ko, HANGUL_WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    if (starts.length >= MAX_WORDS) break;
  }
  return { starts, ends, memo: { word: -1, mask: 0, feats: [] } };
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
    const tail = text.slice(b - cut, b);
    if (PARTICLES.has(tail) || GLUED.has(tail)) out.push({ start: a, end: b - cut, word: w });
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

// Word-level features (neighbours, cues) are the same for every candidate of a word: computed once
// per word and kept on the text's own KoWords, so nothing of the text outlives the caller's use.
function wordFeatures(text: string, words: KoWords, word: number, start: number, mask: number): readonly number[] {
  const memo = words.memo;
  if (memo.word === word && memo.mask === mask) return memo.feats;
  memo.word = word;
  memo.mask = mask;
  const out = memo.feats;
  out.length = 0;
  const wEnd = words.ends[word] ?? start;
  const hasPrev = word > 0;
  const hasNext = word + 1 < words.starts.length;
  const pa = hasPrev ? words.starts[word - 1] ?? 0 : 0;
  const pb = hasPrev ? words.ends[word - 1] ?? 0 : 0;
  const na = hasNext ? words.starts[word + 1] ?? 0 : 0;
  const nb = hasNext ? words.ends[word + 1] ?? 0 : 0;
  // Neighbouring words: whole word, and its edge syllables (a title after, a cue before).
  out.push(hashSlice(20, text, pa, pb, mask), hashSlice(21, text, Math.max(pa, pb - 1), pb, mask), hashSlice(22, text, Math.max(pa, pb - 2), pb, mask));
  out.push(hashSlice(23, text, na, nb, mask), hashSlice(24, text, na, Math.min(nb, na + 1), mask), hashSlice(25, text, na, Math.min(nb, na + 2), mask));
  // Punctuation between words (a comma list, a bracket, a quote) rather than the exact gap.
  const after = hasNext ? gapClass(text, wEnd, na) : '';
  out.push(hashStr(26, hasPrev ? gapClass(text, pb, start) : '', mask), hashStr(27, after, mask));
  // The gap class with the next word's first two syllables, folded into one index (no string built).
  out.push(hashSlice(28 + 1000 * after.length, text, na, Math.min(nb, na + 2), mask) ^ (hashStr(29, after, mask) & 0xff));
  // The rules' cues, as features the model can weigh.
  if (BEFORE_CUE.test(text.slice(Math.max(0, start - 8), start))) out.push(hashInt(30, 1, mask));
  if (hasNext && TITLE_AFTER.test(text.slice(na, nb))) out.push(hashInt(30, 2, mask));
  if (!hasPrev) out.push(hashInt(30, 3, mask));
  if (/[A-Za-z]/.test(text.slice(Math.max(0, start - 12), Math.min(text.length, wEnd + 12)))) out.push(hashInt(30, 4, mask));
  return out;
}

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
  const len = end - start;
  const lenB = Math.min(len, 7);
  out.push(hashInt(1, 0, mask));
  // The candidate itself and its character n-grams with boundary marks (^ and $ as tags).
  out.push(hashSlice(2, text, start, end, mask));
  for (let i = start; i < end; i++) {
    out.push(hashSlice(3, text, i, i + 1, mask));
    if (i + 2 <= end) out.push(hashSlice(4, text, i, i + 2, mask));
    if (i + 3 <= end) out.push(hashSlice(5, text, i, i + 3, mask));
  }
  out.push(hashSlice(6, text, start, start + 1, mask), hashSlice(7, text, end - 1, end, mask));
  out.push(hashSlice(8, text, start, Math.min(end, start + 2), mask), hashSlice(9, text, Math.max(start, end - 2), end, mask));
  out.push(hashInt(10, lenB, mask));
  // What follows inside the word (a particle or title, or nothing), alone and with the length.
  out.push(hashSlice(11, text, end, wEnd, mask), hashSlice(12 + 100 * lenB, text, end, wEnd, mask));
  // The candidate's last syllable with what follows (민수+가 vs 러스+가), and the whole word.
  out.push(hashSlice(40, text, end - 1, wEnd, mask), hashSlice(41, text, start, wEnd, mask));
  // The particle with the next word's opening (..가 말했다, ..의 연기), folded into one index.
  if (word + 1 < words.starts.length) {
    const na = words.starts[word + 1] ?? 0;
    out.push(hashSlice(42, text, na, Math.min(na + 2, words.ends[word + 1] ?? na), mask) ^ hashSlice(43, text, end, wEnd, mask));
  }
  const sur = lex.koSurnames.has(cand[0] ?? '');
  const compound = len >= 3 && lex.koSurnames.has(cand.slice(0, 2));
  out.push(hashInt(13, (sur ? 1 : 0) + (compound ? 2 : 0) + 4 * Math.min(len, 5), mask));
  if (sur) {
    const given = cand.slice(compound ? 2 : 1);
    let core = 0;
    for (const ch of given) if (CORE_GIVEN.has(ch)) core++;
    out.push(hashInt(14, core + 8 * given.length, mask));
    if (lex.koGiven.has(given)) out.push(hashInt(15, 1, mask));
  }
  if (lex.koGiven.has(cand)) out.push(hashInt(15, 2, mask));
  if (FOREIGN_GIVEN.has(cand)) out.push(hashInt(16, 1, mask));
  if (FOREIGN_FAMILY.has(cand)) out.push(hashInt(16, 2, mask));
  if (KO_NOT_NAMES.has(cand)) out.push(hashInt(16, 3, mask));
  if (len >= 2 && KO_NOT_NAMES.has(cand.slice(0, 2))) out.push(hashInt(16, 4, mask));
  if (end < wEnd && TITLE_AFTER.test(text.slice(end, wEnd))) out.push(hashInt(30, 5, mask));
  for (const f of wordFeatures(text, words, word, start, mask)) out.push(f);
}

/** Class of the text between two Hangul words; a long gap (a sentence in another script) is just 'far'. */
function gapClass(text: string, from: number, to: number): string {
  if (to === from) return 'none';
  if (to - from === 1 && text.charCodeAt(from) === 32) return 'sp';
  if (to - from > 8) return 'far';
  const gap = text.slice(from, to);
  if (!NOT_HANGUL_OR_SPACE.test(gap)) return 'sp+';
  // Keep punctuation, fold digits and Latin so numbers and names in other scripts do not fragment it.
  return gap.replace(/\s+/g, ' ').replace(/\d+/g, '9').replace(/[A-Za-z]+/g, 'A').slice(0, 6);
}
