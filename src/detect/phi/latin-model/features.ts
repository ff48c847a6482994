/**
 * Candidates and hashed features for the Latin-script person-name model. Shared by training
 * (scripts/train/latin-names.ts) and inference (./index.ts) so the two cannot drift apart; a change
 * that alters any feature must bump LATIN_FEATURE_VERSION (the loader refuses a mismatch).
 *
 * Candidates are capitalised words, and every word of a line written wholly in lower case (chat and
 * forms typed without capitals). They are found by one pass over the character codes, not a regex:
 * the context of each candidate (neighbour words, the gaps between them, the line) is read from the
 * text around it on demand, so text with no candidates costs one linear scan.
 */
import { lexicon, type Lexicon } from '../lexicon.js';
import { AMBIGUOUS, EPONYM_FOLLOWERS, NEVER_NAME } from '../stopwords.js';

export const LATIN_FEATURE_VERSION = 4;

/** Bounded work: words past this many candidates get the rules only. */
export const MAX_CANDIDATES = 30000;
const MAX_WORD = 30;

// Letter classes for the codes up to Latin Extended Additional: 1 lower, 2 upper, 3 other letter
// (combining marks). Built once from the engine's case mapping.
const CLASS = new Uint8Array(0x1f00);
for (let c = 0; c < CLASS.length; c++) {
  if (c < 0x41 || (c > 0x5a && c < 0x61) || (c > 0x7a && c < 0xc0) || c === 0xd7 || c === 0xf7 || (c > 0x24f && c < 0x300) || (c > 0x36f && c < 0x1e00)) continue;
  const s = String.fromCharCode(c);
  if (c >= 0x300 && c <= 0x36f) CLASS[c] = 3;
  else if (s.toLowerCase() !== s) CLASS[c] = 2;
  else if (s.toUpperCase() !== s || c === 0xdf) CLASS[c] = 1;
}
const cls = (c: number): number => (c < 0x1f00 ? CLASS[c] ?? 0 : 0);
const isLetter = (c: number): boolean => cls(c) !== 0;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Hangul, kana and Han: a Latin word glued to them ("ocn에서") is a loanword or an acronym in Korean text. */
const CJK = /[\u1100-\u11ff\u3040-\u9fff\uac00-\ud7a3]/;
const isCjk = (c: number): boolean => (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);

export interface LatinWord { readonly start: number; readonly end: number }

/** Words (letters with inner hyphens) of a line range; used for lower-case lines and neighbours. */
function wordAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 60) {
    const c = text.charCodeAt(j);
    if (isLetter(c)) { j++; continue; }
    if (c === 45 && isLetter(text.charCodeAt(j + 1)) && j > i) { j++; continue; }
    break;
  }
  return j;
}

// The capital letters of CLASS as one character class: found by the regex engine's scan rather
// than a JavaScript loop over every character (1 MB: ~3 ms against ~30).
let upperSrc = '';
for (let c = 0; c < CLASS.length; c++) {
  if (CLASS[c] !== 2 || CLASS[c - 1] === 2) continue;
  let e = c;
  while (CLASS[e + 1] === 2) e++;
  upperSrc += e === c ? `\\u${c.toString(16).padStart(4, '0')}` : `\\u${c.toString(16).padStart(4, '0')}-\\u${e.toString(16).padStart(4, '0')}`;
}
const UPPER_RE = new RegExp(`[${upperSrc}]`, 'g');

/**
 * Candidate words of the text: capitalised words of 2+ letters that are not all capitals, and the
 * 2+ letter words of lines with no capital letter at all. Skips words the rules' stop list holds
 * unless the name lists also have them (Graves, White stay candidates; The, Patient do not), and,
 * given `skip` (a per-character mask), words starting on a marked character.
 */
export function candidates(text: string, lex: Lexicon = lexicon(), skip?: Uint8Array): LatinWord[] {
  const out: LatinWord[] = [];
  const re = new RegExp(UPPER_RE);
  let quiet = 0;
  let nl = -1;
  let lineEnd = -1;
  let lineCjk = false;
  for (;;) {
    const m = re.exec(text);
    const u = m ? m.index : text.length;
    // Only a stretch holding a line break (or the text's start) can hold a whole lower-case line.
    if (nl < quiet) nl = text.indexOf('\n', quiet);
    if (u > quiet && ((nl >= 0 && nl < u) || quiet === 0)) lowerLines(text, quiet, u, out, lex, skip);
    if (!m || out.length >= MAX_CANDIDATES) break;
    const end = wordAt(text, u);
    re.lastIndex = Math.max(end, u + 1);
    quiet = re.lastIndex;
    // Lines holding Hangul or Han are left to the Korean rules and model (After Dark, B무비 Queen).
    if (u > lineEnd) {
      const ls = text.lastIndexOf('\n', u) + 1;
      lineEnd = text.indexOf('\n', u);
      if (lineEnd < 0) lineEnd = text.length;
      lineCjk = CJK.test(text.slice(ls, lineEnd));
    }
    if (lineCjk) continue;
    const prev = text.charCodeAt(u - 1);
    if (u > 0 && (isLetter(prev) || isDigit(prev) || prev === 39 || prev === 0x2019 || (prev === 45 && isLetter(text.charCodeAt(u - 2))))) continue;
    if (end - u < 2 || end - u > MAX_WORD || isDigit(text.charCodeAt(end)) || isCjk(text.charCodeAt(end)) || skip?.[u]) continue;
    if (keep(text, u, end, lex)) out.push({ start: u, end });
  }
  return out.length > MAX_CANDIDATES ? out.slice(0, MAX_CANDIDATES) : out;
}

/** The words of the whole lines inside [from, to), a stretch with no capital letter. */
function lowerLines(text: string, from: number, to: number, out: LatinWord[], lex: Lexicon, skip?: Uint8Array): void {
  // The line holding `from` has a capital before it, unless `from` opens the text.
  let ls = from === 0 ? 0 : text.indexOf('\n', from) + 1;
  if (ls === 0 && from !== 0) return;
  while (ls < to && out.length < MAX_CANDIDATES) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    // A line reaching the next capital is not all lower case.
    if (le > to || (le === to && to < text.length && text.charCodeAt(to) !== 10)) return;
    // Only lines written in Latin script: Korean or Chinese text has no capitals to lose.
    const mark = out.length;
    let i = ls;
    while (i < le) {
      const c = text.charCodeAt(i);
      if (isCjk(c)) { out.length = mark; break; }
      if (cls(c) !== 1) { i++; continue; }
      const end = wordAt(text, i);
      const prev = text.charCodeAt(i - 1);
      const glued = i > ls && (isDigit(prev) || prev === 39 || prev === 0x2019 || (prev === 45 && isLetter(text.charCodeAt(i - 2))));
      if (!glued && end - i >= 2 && end - i <= MAX_WORD && !isDigit(text.charCodeAt(end)) && !skip?.[i] && keep(text, i, end, lex) && listedLower(text, i, end, lex)) out.push({ start: i, end });
      i = end;
    }
    ls = le + 1;
  }
}

/**
 * In a line with no capitals nothing marks a name but the word itself, and chat-style questions are
 * typed so ("my mom has diabetes, is metformin ok"): only words of the name lists that are not also
 * ordinary words (amber, mark, rose) are candidates there.
 */
function listedLower(text: string, a: number, b: number, lex: Lexicon): boolean {
  const lw = text.slice(a, b);
  return (lex.firstWide.has(lw) || lex.lastWide.has(lw)) && !AMBIGUOUS.has(lw);
}

/** Field and role labels that open lines in forms, chats and model output (Echo:, Reply:, Bot:): never names. */
const LABELS = new Set('echo reply response answer output input question note notes summary context prompt system user assistant bot agent customer support operator caller host moderator narrator speaker subject re fwd fw attachment comment comments update reminder warning tip example step result results status reason topic agenda action goal source reference title category genre rating cast runtime studio menu price total'.split(' '));

// Clinical text repeats its capitalised words (Patient, Seen, Chest): the verdict per spelling is
// kept, up to a bound, rather than lower-cased and looked up again.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 50000;

function keep(text: string, a: number, b: number, lex: Lexicon): boolean {
  const w = text.slice(a, b);
  const known = verdicts.get(w);
  if (known !== undefined) return known;
  // All capitals (headers, acronyms) are never candidates.
  let upper = 0;
  for (let i = a; i < b; i++) if (cls(text.charCodeAt(i)) === 2) upper++;
  const lw = w.toLowerCase();
  const ok = upper !== b - a && !LABELS.has(lw) && !(NEVER_NAME.has(lw) && !lex.lastWide.has(lw) && !lex.firstWide.has(lw));
  if (verdicts.size < MAX_VERDICTS) verdicts.set(w, ok);
  return ok;
}

/** FNV-1a of a tag and a string, folded to `mask`. */
function hashStr(tag: number, s: string, mask: number): number {
  let h = (0x811c9dc5 ^ tag) >>> 0;
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & mask;
}

const hashInt = (tag: number, v: number, mask: number): number => (Math.imul((0x811c9dc5 ^ tag ^ (v << 8)) >>> 0, 0x01000193) >>> 0) & mask;

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
  return { start: s, end, gap: gapClass(text.slice(end, a)) };
}

function after(text: string, b: number): Neighbour {
  let i = b;
  while (i < text.length && i - b <= 6 && !isLetter(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i))) i++;
  if (i >= text.length || i - b > 6) return { start: b, end: b, gap: i >= text.length ? '$' : 'far' };
  let e = i;
  while (e < text.length && e - i < MAX_WORD && (isLetter(text.charCodeAt(e)) || isDigit(text.charCodeAt(e)))) e++;
  return { start: i, end: e, gap: gapClass(text.slice(b, i)) };
}

/** Punctuation between words with runs of spaces folded; the line break kept apart from spaces. */
function gapClass(gap: string): string {
  if (gap === ' ') return 's';
  return gap.replace(/[ \t]+/g, ' ').replace(/\n+/g, 'N').replace(/[’]/g, "'").slice(0, 5);
}

/** Per-word flags of the name lists, as one small integer. */
function listFlags(lw: string, lex: Lexicon): number {
  return (lex.first.has(lw) ? 1 : 0) | (lex.last.has(lw) ? 2 : 0) | (lex.firstWide.has(lw) ? 4 : 0) | (lex.lastWide.has(lw) ? 8 : 0) | (lex.places.has(lw) ? 16 : 0) | (NEVER_NAME.has(lw) ? 32 : 0) | (AMBIGUOUS.has(lw) ? 64 : 0);
}

/** What the rules found around a candidate: 0 nothing, 1 a NAME, 2 a LOCATION, 3 anything else. */
export type CoverOf = (pos: number) => number;

/**
 * Feature indices of one candidate (duplicates allowed; each occurrence counts). `identity` false
 * leaves out the word itself: training drops it for half the examples so that context and spelling
 * carry weight, not memorised training names.
 */
export function featuresOf(text: string, w: LatinWord, bits: number, cover: CoverOf, out: number[], identity = true, lex: Lexicon = lexicon()): void {
  out.length = 0;
  const mask = (1 << bits) - 1;
  const { start, end } = w;
  const lw = text.slice(start, end).toLowerCase();
  const shape = shapeOf(text, start, end);
  out.push(hashInt(1, 0, mask));
  if (identity) out.push(hashStr(2, lw, mask));
  const padded = `^${lw}$`;
  for (let i = 0; i + 3 <= padded.length; i++) out.push(hashStr(3, padded.slice(i, i + 3), mask));
  out.push(hashStr(4, lw.slice(0, 2), mask), hashStr(5, lw.slice(0, 3), mask), hashStr(6, lw.slice(-2), mask), hashStr(7, lw.slice(-3), mask), hashStr(8, lw.slice(-4), mask));
  let accents = 0;
  for (let i = 0; i < lw.length; i++) if (lw.charCodeAt(i) >= 0xc0) accents++;
  out.push(hashInt(9, shape + 8 * Math.min(lw.length, 12), mask), hashInt(10, Math.min(accents, 3), mask));
  const flags = listFlags(lw, lex);
  out.push(hashInt(11, flags, mask), hashInt(12, flags * 8 + shape, mask));

  const p = before(text, start);
  const n = after(text, end);
  const pw = text.slice(p.start, p.end).toLowerCase();
  const nw = text.slice(n.start, n.end).toLowerCase();
  const ps = shapeOf(text, p.start, p.end);
  const ns = shapeOf(text, n.start, n.end);
  out.push(hashStr(13, pw, mask), hashStr(14, nw, mask), hashStr(15, p.gap, mask), hashStr(16, n.gap, mask));
  out.push(hashStr(17, `${ps}${p.gap}`, mask), hashStr(18, `${n.gap}${ns}`, mask), hashStr(19, `${pw}|${p.gap}`, mask), hashStr(20, `${n.gap}|${nw}`, mask));
  out.push(hashInt(21, listFlags(pw, lex) * 8 + ps, mask), hashInt(22, listFlags(nw, lex) * 8 + ns, mask));
  out.push(hashInt(23, cover(p.start) * 16 + cover(n.start) * 4 + (p.end === p.start ? 1 : 0) + (n.end === n.start ? 2 : 0), mask));
  // Two words out: "said Carla to Sandra", "Monjeau, Graves and Reed".
  if (p.end > p.start) {
    const pp = before(text, p.start);
    out.push(hashStr(24, `${text.slice(pp.start, pp.end).toLowerCase()}|${pp.gap}|${pw}`, mask), hashInt(25, shapeOf(text, pp.start, pp.end) * 4 + cover(pp.start), mask));
  }
  if (n.end > n.start) {
    const nn = after(text, n.end);
    out.push(hashStr(26, `${nw}|${nn.gap}|${text.slice(nn.start, nn.end).toLowerCase()}`, mask), hashInt(27, shapeOf(text, nn.start, nn.end) * 4 + cover(nn.start), mask));
  }
  // The line: where the word sits in it, how long it is, and whether it is all lower case.
  let ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  const lineLen = le - ls;
  while (ls < start && ' \t>?*-'.includes(text[ls] ?? '')) ls++;
  const first = ls === start;
  const lowerLine = shape === 1;
  out.push(hashInt(28, (first ? 1 : 0) + (n.gap === '$' || n.gap.includes('N') ? 2 : 0) + 4 * Math.min(Math.floor(lineLen / 12), 6) + (lowerLine ? 64 : 0), mask));
  const sentenceStart = p.gap === '^' || /[.!?N]/.test(p.gap);
  out.push(hashInt(29, (sentenceStart ? 1 : 0) + 2 * (flags & 15) + (lowerLine ? 32 : 0), mask));
  if (EPONYM_FOLLOWERS.test(text.slice(end, end + 24))) out.push(hashInt(30, 1, mask));
  if (lowerLine && identity) out.push(hashStr(31, lw, mask));
}
