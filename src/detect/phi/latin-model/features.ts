/**
 * Hashed features of a candidate word for the Latin-script name model (candidates: ./candidates.ts).
 * Shared by training (scripts/train/latin-names.ts) and inference (./index.ts) so the two cannot
 * drift apart; a change that alters any feature, or which words are candidates, must bump
 * LATIN_FEATURE_VERSION (the loader refuses a mismatch).
 *
 * The context of each candidate (neighbour words, the gaps between them, the line) is read from the
 * text around it on demand.
 */
import { lexicon, type Lexicon } from '../lexicon.js';
import { hashInt } from '../name-model.js';
import { AMBIGUOUS, EPONYM_FOLLOWERS, NEVER_NAME } from '../stopwords.js';
import { cls, isDigit, isLetter, MAX_WORD, type LatinWord } from './candidates.js';
import { lowerAt, type LowerWords } from '../lower.js';

// 6: hyphenated compounds of ordinary words (walk-in) carry the ordinary-word flag.
// 7: in lower-case lines, kin and role words (NEVER_NAME: cousin, nurse) and the verb of a n't
// contraction (aren't, don't) are no candidates.
export const LATIN_FEATURE_VERSION = 7;

/** FNV-1a of a tag and a string, folded to `mask`. */
function hashStr(tag: number, s: string, mask: number): number {
  return fin(add(seed(tag), s, 0, s.length), mask);
}

// The same FNV-1a, streamed: a feature over several pieces ("pw|gap") hashes them in turn instead
// of building the joined string, and gives the same bucket.
const P = 0x01000193;
const seed = (tag: number): number => Math.imul((0x811c9dc5 ^ tag) >>> 0, P);
const ch = (h: number, c: number): number => Math.imul(h ^ c, P);
function add(h: number, s: string, a: number, b: number): number {
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), P);
  return h;
}
const fin = (h: number, mask: number): number => (h >>> 0) & mask;
// Module-level rather than closures inside featuresOf: tsx wraps each nested closure in a naming
// call on every creation, which cost more than the hashing.
/** Character k of "^lw$". */
const pad = (lw: string, k: number): number => (k === 0 ? 94 : k === lw.length + 1 ? 36 : lw.charCodeAt(k - 1));
/** hashStr of lw.slice(a, b) for 0 <= b with a possibly negative (a suffix longer than the word). */
const part = (tag: number, lw: string, a: number, b: number, mask: number): number => fin(add(seed(tag), lw, Math.max(0, a), Math.min(lw.length, b)), mask);

/** Shape of a word: 0 none, 1 lower, 2 capitalised, 3 all caps, 4 digits, 5 inner capital (McDowell). */
function shapeOf(text: string, a: number, b: number): number {
  if (b <= a) return 0;
  const k = cls(text.charCodeAt(a));
  if (isDigit(text.charCodeAt(a))) return 4;
  if (k === 1) return 1;
  let inner = 0;
  for (let i = a + 1; i < b; i++) if (cls(text.charCodeAt(i)) === 2) inner++;
  if (inner === b - a - 1) return 3;
  return inner > 0 ? 5 : 2;
}

interface Neighbour { start: number; end: number; gap: string }

/** The word before position `a` within 6 characters (a gap wider than that is no neighbour). */
function before(text: string, a: number): Neighbour {
  let i = a - 1;
  while (i >= 0 && a - i <= 6 && !isLetter(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i))) i--;
  if (i < 0 || a - i > 6) return { start: a, end: a, gap: i < 0 ? '^' : 'far' };
  const end = i + 1;
  let s = i;
  while (s > 0 && end - s < MAX_WORD && (isLetter(text.charCodeAt(s - 1)) || isDigit(text.charCodeAt(s - 1)) || (text.charCodeAt(s - 1) === 45 && isLetter(text.charCodeAt(s - 2))))) s--;
  return { start: s, end, gap: gapAt(text, end, a) };
}

function after(text: string, b: number): Neighbour {
  let i = b;
  while (i < text.length && i - b <= 6 && !isLetter(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i))) i++;
  if (i >= text.length || i - b > 6) return { start: b, end: b, gap: i >= text.length ? '$' : 'far' };
  let e = i;
  while (e < text.length && e - i < MAX_WORD && (isLetter(text.charCodeAt(e)) || isDigit(text.charCodeAt(e)))) e++;
  return { start: i, end: e, gap: gapAt(text, b, i) };
}

/** The gap class of text[a, b); the common single space without a substring. */
const gapAt = (text: string, a: number, b: number): string => (b - a === 1 && text.charCodeAt(a) === 32 ? 's' : gapClass(text.slice(a, b)));

/** Punctuation between words with runs of spaces folded; the line break kept apart from spaces. */
function gapClass(gap: string): string {
  if (gap === ' ') return 's';
  // Gaps are at most 6 characters and few distinct ones occur: the folded form is kept per gap.
  let g = gaps.get(gap);
  if (g === undefined) {
    g = gap.replace(/[ \t]+/g, ' ').replace(/\n+/g, 'N').replace(/[’]/g, "'").slice(0, 5);
    if (gaps.size < MAX_MEMO) gaps.set(gap, g);
  }
  return g;
}
const gaps = new Map<string, string>();
const MAX_MEMO = 50000;

/**
 * Per-word flags of the name lists, as one small integer; 128: an ordinary English word (written in
 * lower case again and again in cased medical text: fine, hand, among), whatever the lists say.
 */
function listFlags(lw: string, lex: Lexicon): number {
  // Seven set lookups per word, for words that repeat through a text: kept per lexicon and word.
  let memo = flagMemo.get(lex);
  if (memo === undefined) flagMemo.set(lex, (memo = new Map()));
  let f = memo.get(lw);
  if (f === undefined) {
    f = flagsOf(lw, lex);
    // Only words of the shipped lists are kept: a word in none (an unlisted name) is the text's own.
    if (f !== 0 && memo.size < MAX_MEMO) memo.set(lw, f);
  }
  return f;
}
const flagMemo = new WeakMap<Lexicon, Map<string, number>>();
function flagsOf(lw: string, lex: Lexicon): number {
  return (lex.first.has(lw) ? 1 : 0) | (lex.last.has(lw) ? 2 : 0) | (lex.firstWide.has(lw) ? 4 : 0) | (lex.lastWide.has(lw) ? 8 : 0) | (lex.places.has(lw) ? 16 : 0) | (NEVER_NAME.has(lw) ? 32 : 0) | (AMBIGUOUS.has(lw) ? 64 : 0) | (ordinary(lw, lex) ? 128 : 0);
}

/** An ordinary word, or a hyphenated compound of ordinary words the list lacks whole (walk-in, drop-off). */
function ordinary(lw: string, lex: Lexicon): boolean {
  if (lex.common.has(lw)) return true;
  if (!lw.includes('-')) return false;
  const parts = lw.split('-');
  return parts.every((p) => p !== '' && lex.common.has(p) && !lex.firstWide.has(p) && !lex.lastWide.has(p));
}

/** What the rules found around a candidate: 0 nothing, 1 a NAME, 2 a LOCATION, 3 anything else. */
export type CoverOf = (pos: number) => number;

/**
 * Feature indices of one candidate (duplicates allowed; each occurrence counts). `identity` false
 * leaves out the word itself: training drops it for half the examples so that context and spelling
 * carry weight, not memorised training names.
 */
export function featuresOf(text: string, w: LatinWord, bits: number, cover: CoverOf, out: number[], identity = true, lex: Lexicon = lexicon(), words?: LowerWords): void {
  out.length = 0;
  const mask = (1 << bits) - 1;
  const { start, end } = w;
  const lw = lowerAt(text, start, end, words);
  const shape = shapeOf(text, start, end);
  out.push(hashInt(1, 0, mask));
  if (identity) out.push(hashStr(2, lw, mask));
  // Trigrams of "^word$", prefixes and suffixes hashed from `lw` in place (no substrings).
  const L = lw.length;
  for (let i = 0; i + 3 <= L + 2; i++) out.push(fin(ch(ch(ch(seed(3), pad(lw, i)), pad(lw, i + 1)), pad(lw, i + 2)), mask));
  out.push(part(4, lw, 0, 2, mask), part(5, lw, 0, 3, mask), part(6, lw, L - 2, L, mask), part(7, lw, L - 3, L, mask), part(8, lw, L - 4, L, mask));
  let accents = 0;
  for (let i = 0; i < lw.length; i++) if (lw.charCodeAt(i) >= 0xc0) accents++;
  out.push(hashInt(9, shape + 8 * Math.min(lw.length, 12), mask), hashInt(10, Math.min(accents, 3), mask));
  const flags = listFlags(lw, lex);
  out.push(hashInt(11, flags, mask), hashInt(12, flags * 8 + shape, mask));

  const p = before(text, start);
  const n = after(text, end);
  const pw = lowerAt(text, p.start, p.end, words);
  const nw = lowerAt(text, n.start, n.end, words);
  const ps = shapeOf(text, p.start, p.end);
  const ns = shapeOf(text, n.start, n.end);
  out.push(hashStr(13, pw, mask), hashStr(14, nw, mask), hashStr(15, p.gap, mask), hashStr(16, n.gap, mask));
  const pg = p.gap, ng = n.gap;
  out.push(fin(add(ch(seed(17), 48 + ps), pg, 0, pg.length), mask), fin(ch(add(seed(18), ng, 0, ng.length), 48 + ns), mask));
  out.push(fin(add(ch(add(seed(19), pw, 0, pw.length), 124), pg, 0, pg.length), mask), fin(add(ch(add(seed(20), ng, 0, ng.length), 124), nw, 0, nw.length), mask));
  out.push(hashInt(21, listFlags(pw, lex) * 8 + ps, mask), hashInt(22, listFlags(nw, lex) * 8 + ns, mask));
  out.push(hashInt(23, cover(p.start) * 16 + cover(n.start) * 4 + (p.end === p.start ? 1 : 0) + (n.end === n.start ? 2 : 0), mask));
  // Two words out: "said Carla to Sandra", "Monjeau, Graves and Reed".
  if (p.end > p.start) {
    const pp = before(text, p.start);
    const ppw = lowerAt(text, pp.start, pp.end, words);
    out.push(fin(add(ch(add(ch(add(seed(24), ppw, 0, ppw.length), 124), pp.gap, 0, pp.gap.length), 124), pw, 0, pw.length), mask), hashInt(25, shapeOf(text, pp.start, pp.end) * 4 + cover(pp.start), mask));
  }
  if (n.end > n.start) {
    const nn = after(text, n.end);
    const nnw = lowerAt(text, nn.start, nn.end, words);
    out.push(fin(add(ch(add(ch(add(seed(26), nw, 0, nw.length), 124), nn.gap, 0, nn.gap.length), 124), nnw, 0, nnw.length), mask), hashInt(27, shapeOf(text, nn.start, nn.end) * 4 + cover(nn.start), mask));
  }
  // The line: where the word sits in it, how long it is, and whether it is all lower case.
  let ls = w.lineStart;
  const le = w.lineEnd;
  const lineLen = le - ls;
  while (ls < start && ' \t>?*-'.includes(text[ls] ?? '')) ls++;
  const first = ls === start;
  const lowerLine = shape === 1;
  out.push(hashInt(28, (first ? 1 : 0) + (n.gap === '$' || n.gap.includes('N') ? 2 : 0) + 4 * Math.min(Math.floor(lineLen / 12), 6) + (lowerLine ? 64 : 0), mask));
  const sentenceStart = p.gap === '^' || /[.!?N]/.test(p.gap);
  out.push(hashInt(29, (sentenceStart ? 1 : 0) + 2 * (flags & 15) + (lowerLine ? 32 : 0) + (flags & 128 ? 64 : 0), mask));
  if (EPONYM_FOLLOWERS.test(text.slice(end, end + 24))) out.push(hashInt(30, 1, mask));
  if (lowerLine && identity) out.push(hashStr(31, lw, mask));
}
