/**
 * Candidate words for the Latin-script name model: capitalised words, and in lines written wholly
 * in lower case the listed names. Found by one regex scan for capitals (not a JavaScript loop over
 * every character), so text with few candidates costs little more than that scan.
 */
import { lexicon, type Lexicon } from '../lexicon.js';
import { AMBIGUOUS, NEVER_NAME } from '../stopwords.js';

/** Bounded work: words past this many candidates get the rules only. */
export const MAX_CANDIDATES = 30000;
export const MAX_WORD = 30;

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
export const cls = (c: number): number => (c < 0x1f00 ? CLASS[c] ?? 0 : 0);
export const isLetter = (c: number): boolean => cls(c) !== 0;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Hangul, kana and Han: a Latin word glued to them ("ocn에서") is a loanword or an acronym in Korean text. */
const CJK_G = /[\u1100-\u11ff\u3040-\u9fff\uac00-\ud7a3]/g;
const isCjk = (c: number): boolean => (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);

/** A candidate word and the bounds of its line (known here, where lines are walked anyway). */
export interface LatinWord { readonly start: number; readonly end: number; readonly lineStart: number; readonly lineEnd: number }

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

// The capital letters of CLASS, found by the regex engine's scan rather than a JavaScript loop over
// every character (1 MB: ~3 ms against ~30). The class spans runs of capitals with gaps of up to
// three other code points (Latin Extended alternates capital and small letter): the exact class,
// 268 ranges, made that scan ~4x slower; the few small letters it lets through are skipped by
// their CLASS entry.
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
let upperSrc = '';
for (let c = 0; c < CLASS.length; c++) {
  if (CLASS[c] !== 2) continue;
  let e = c;
  for (let n = e + 1; n < CLASS.length && n <= e + 4; n++) if (CLASS[n] === 2) e = n;
  upperSrc += e === c ? hex(c) : `${hex(c)}-${hex(e)}`;
  c = e;
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
  // Per call: the verdicts hold the text's own capitalised words, which must not outlive it.
  const verdicts: Verdicts = new Map();
  const re = new RegExp(UPPER_RE);
  let quiet = 0;
  let nl = -1;
  let lineStart = 0;
  let lineEnd = -1;
  let lineCjk = false;
  // The next CJK character at or after the current line, found by one forward scan shared by all
  // lines rather than a regex over each line's substring (CJK_G's lastIndex is set before each use).
  let nextCjk = -1;
  for (;;) {
    // test() rather than exec(): no match object per capital; the class matches one code unit.
    let m = re.test(text);
    while (m && CLASS[text.charCodeAt(re.lastIndex - 1)] !== 2) m = re.test(text);
    const u = m ? re.lastIndex - 1 : text.length;
    // Only a stretch holding a line break (or the text's start) can hold a whole lower-case line.
    // Past the last line break nl stays at the text's end: searching again from every capital of a
    // long last line (a minified JSON record, a paragraph with no break) made this quadratic.
    if (nl < quiet) {
      nl = text.indexOf('\n', quiet);
      if (nl < 0) nl = text.length;
    }
    if (u > quiet && (nl < u || quiet === 0)) lowerLines(text, quiet, u, out, lex, verdicts, skip);
    if (!m || out.length >= MAX_CANDIDATES) break;
    const end = wordAt(text, u);
    re.lastIndex = Math.max(end, u + 1);
    quiet = re.lastIndex;
    // Lines holding Hangul or Han are left to the Korean rules and model (After Dark, B무비 Queen).
    if (u > lineEnd) {
      lineStart = text.lastIndexOf('\n', u) + 1;
      lineEnd = text.indexOf('\n', u);
      if (lineEnd < 0) lineEnd = text.length;
      if (nextCjk < lineStart) {
        CJK_G.lastIndex = lineStart;
        nextCjk = CJK_G.test(text) ? CJK_G.lastIndex - 1 : text.length;
      }
      lineCjk = nextCjk < lineEnd;
    }
    if (lineCjk) continue;
    const prev = text.charCodeAt(u - 1);
    if (u > 0 && (isLetter(prev) || isDigit(prev) || prev === 39 || prev === 0x2019 || (prev === 45 && isLetter(text.charCodeAt(u - 2))))) continue;
    if (end - u < 2 || end - u > MAX_WORD || isDigit(text.charCodeAt(end)) || isCjk(text.charCodeAt(end)) || skip?.[u]) continue;
    if (keep(text, u, end, lex, verdicts)) out.push({ start: u, end, lineStart, lineEnd });
  }
  return out.length > MAX_CANDIDATES ? out.slice(0, MAX_CANDIDATES) : out;
}

/** The words of the whole lines inside [from, to), a stretch with no capital letter. */
function lowerLines(text: string, from: number, to: number, out: LatinWord[], lex: Lexicon, verdicts: Verdicts, skip?: Uint8Array): void {
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
      if (!glued && end - i >= 2 && end - i <= MAX_WORD && !isDigit(text.charCodeAt(end)) && !contraction(text, end) && !skip?.[i] && keep(text, i, end, lex, verdicts) && listedLower(text, i, end, lex)) out.push({ start: i, end, lineStart: ls, lineEnd: le });
      i = end;
    }
    ls = le + 1;
  }
}

/** "aren't", "don't", "won't": the word before n't is a verb, whatever the name lists say (Aren, Don). */
function contraction(text: string, end: number): boolean {
  const q = text.charCodeAt(end);
  return (q === 39 || q === 0x2019) && (text.charCodeAt(end + 1) | 32) === 116 && !isLetter(text.charCodeAt(end + 2)) && (text.charCodeAt(end - 1) | 32) === 110;
}

/**
 * In a line with no capitals nothing marks a name but the word itself, and chat-style questions are
 * typed so ("my mom has diabetes, is metformin ok"): only words of the name lists that are not also
 * ordinary words (amber, mark, rose) are candidates there.
 */
function listedLower(text: string, a: number, b: number, lex: Lexicon): boolean {
  const lw = text.slice(a, b);
  // Kin and role words (cousin, nurse) stay words there even where a list has them as surnames.
  return (lex.firstWide.has(lw) || lex.lastWide.has(lw)) && !AMBIGUOUS.has(lw) && !NEVER_NAME.has(lw);
}

/** Field and role labels that open lines in forms, chats and model output (Echo:, Reply:, Bot:): never names. */
const LABELS = new Set('echo reply response answer output input question note notes summary context prompt system user assistant bot agent customer support operator caller host moderator narrator speaker subject re fwd fw attachment comment comments update reminder warning tip example step result results status reason topic agenda action goal source reference title category genre rating cast runtime studio menu price total name'.split(' '));

// Clinical text repeats its capitalised words (Patient, Seen, Chest): the verdict per spelling is
// kept for the call, up to a bound, rather than lower-cased and looked up again.
// Keyed by a hash of the characters and checked with startsWith, so a repeated word costs no
// substring; a hash shared by two spellings keeps the first and recomputes the other.
interface Verdict { readonly w: string; readonly ok: boolean }
type Verdicts = Map<number, Verdict>;
const MAX_VERDICTS = 50000;

function keep(text: string, a: number, b: number, lex: Lexicon, verdicts: Verdicts): boolean {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const known = verdicts.get(h);
  if (known !== undefined && known.w.length === b - a && text.startsWith(known.w, a)) return known.ok;
  const w = text.slice(a, b);
  // All capitals (headers, acronyms) are never candidates.
  let upper = 0;
  for (let i = a; i < b; i++) if (cls(text.charCodeAt(i)) === 2) upper++;
  const lw = w.toLowerCase();
  const ok = upper !== b - a && !LABELS.has(lw) && !(NEVER_NAME.has(lw) && !lex.lastWide.has(lw) && !lex.firstWide.has(lw));
  if (known === undefined && verdicts.size < MAX_VERDICTS) verdicts.set(h, { w, ok });
  return ok;
}
