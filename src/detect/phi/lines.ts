/**
 * Runs a pattern only on the lines that hold a Hangul syllable. Each whole-text regex pass costs
 * about 1.5 ms per MB even where it cannot match, and in mixed clinical text most lines are not
 * Korean. Only for patterns that need Hangul in every match and never cross a line break: then the
 * matches, in order, are exactly those of a pass over the whole text (edge look-arounds see '\n'
 * or the string edge either way).
 */
import { firstMatch, nextMatch } from './exec.js';

const HANGUL_G = /[\uac00-\ud7a3]/g;

export interface HangulLines {
  /** The Hangul lines joined by '\n'; the whole input when most of it is Korean anyway. */
  readonly text: string;
  /** Where each line starts in `text` and in the input (parallel, increasing). */
  readonly at: readonly number[];
  readonly from: readonly number[];
}

/** Computed once per scan by scanPhi and passed to each rule module that needs it. */
export function hangulLines(text: string): HangulLines {
  const parts: string[] = [];
  const at: number[] = [];
  const from: number[] = [];
  let size = 0;
  const re = HANGUL_G;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const end = nl < 0 ? text.length : nl;
    at.push(size);
    from.push(start);
    parts.push(text.slice(start, end));
    size += end - start + 1;
    if (nl < 0) break;
    re.lastIndex = nl + 1;
  }
  // Copying lines only pays when it leaves most of the text out.
  if (size > text.length / 2) return { text, at: [0], from: [0] };
  return { text: parts.join('\n'), at, from };
}

/**
 * Matches of global `re` on the Hangul lines, with `index` mapped back to the input. `re` itself
 * is used (from lastIndex 0), not a copy per call: callers pass a pattern of their own that no
 * other loop uses while this one runs.
 */
export function* hangulMatches(lines: HangulLines, re: RegExp): Generator<RegExpExecArray> {
  let k = 0;
  for (let m = firstMatch(re, lines.text); m; m = nextMatch(re, lines.text, m)) {
    while (k + 1 < lines.at.length && (lines.at[k + 1] ?? Infinity) <= m.index) k++;
    m.index = (lines.from[k] ?? 0) + m.index - (lines.at[k] ?? 0);
    yield m;
  }
}

/** Maximal runs of Hangul syllables, as [start, end) offsets into the input (parallel arrays). */
export interface HangulRuns {
  readonly start: readonly number[];
  readonly end: readonly number[];
}

const runsCache = new WeakMap<HangulLines, HangulRuns>();

/**
 * The maximal Hangul runs, found once per scan by a character loop over the Hangul lines only: the
 * name rules walk every run (the global /[가-힣]{1,14}/ they used cost one exec per run, twice).
 */
export function hangulRuns(lines: HangulLines): HangulRuns {
  const cached = runsCache.get(lines);
  if (cached) return cached;
  const start: number[] = [];
  const end: number[] = [];
  const t = lines.text;
  for (let k = 0; k < lines.at.length; k++) {
    const a = lines.at[k] ?? 0;
    const b = k + 1 < lines.at.length ? (lines.at[k + 1] ?? 0) - 1 : t.length;
    const shift = (lines.from[k] ?? 0) - a;
    let i = a;
    while (i < b) {
      const c = t.charCodeAt(i);
      if (c < 0xac00 || c > 0xd7a3) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < b && t.charCodeAt(j) >= 0xac00 && t.charCodeAt(j) <= 0xd7a3) j++;
      start.push(i + shift);
      end.push(j + shift);
      i = j;
    }
  }
  const runs = { start, end };
  runsCache.set(lines, runs);
  return runs;
}

const piecesCache = new WeakMap<HangulLines, HangulRuns>();

/** The runs cut into pieces of at most 14 syllables: the matches of /[가-힣]{1,14}/g, in order. */
export function hangulPieces(lines: HangulLines): HangulRuns {
  const cached = piecesCache.get(lines);
  if (cached) return cached;
  const runs = hangulRuns(lines);
  const start: number[] = [];
  const end: number[] = [];
  for (let r = 0; r < runs.start.length; r++) {
    const b = runs.end[r] ?? 0;
    for (let a = runs.start[r] ?? 0; a < b; a += 14) {
      start.push(a);
      end.push(Math.min(a + 14, b));
    }
  }
  const pieces = { start, end };
  piecesCache.set(lines, pieces);
  return pieces;
}

/** An ASCII or Latin-1 capital letter. */
export const isLatinUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/**
 * The lines holding no capital letter (ASCII or Latin-1), as flat [start, end) pairs: text typed
 * in lower case, which the lower-case rules read and cased text never reaches. One pass.
 */
export function lowerLines(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  let cased = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (!cased && i > start) out.push(start, i);
      start = i + 1;
      cased = false;
    } else if (!cased && isLatinUpper(c)) {
      cased = true;
      // Skip to the line's end: nothing more is needed from it.
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    }
  }
  return out;
}
