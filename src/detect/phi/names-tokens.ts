/**
 * The capitalised tokens of names.ts, found by a character loop instead of a global regex: on 1 MB
 * of clinical text the regex was the largest single cost of the Latin-name pass (one `exec` and
 * one match array per capitalised word, ~33,000 of them). The loop gives exactly the matches, in
 * order, of the pattern kept below as TOKEN_PATTERN (names-tokens.test.ts compares the two):
 *   [UP](?<![LETTER\d'’][UP])(?:[LOW]{1,24}(?:['’-]?[UP][LOW]{1,24})?|['’][UP][LOW]{1,24}|\.(?![LETTER])|(?![LETTER\d.-])(?!['’](?![sS]\b)))
 * The second alternative is the Irish and Italian elided prefix (O'Brien, D'Angelo).
 */
import { UP_EXTENDED } from './names-shape.js';

// Latin letters spelled out as ranges: Unicode property classes made this scan ~10x slower.
export const UP = `A-Z\u00c0-\u00d6\u00d8-\u00de${UP_EXTENDED}`;
export const LOW = 'a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u0300-\u036f';
export const LETTER = `A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0300-\u036f`;
export const TOKEN_PATTERN = new RegExp(`[${UP}](?<![${LETTER}\\d'’][${UP}])(?:[${LOW}]{1,24}(?:['’-]?[${UP}][${LOW}]{1,24})?|['’][${UP}][${LOW}]{1,24}|\\.(?![${LETTER}])|(?![${LETTER}\\d.-])(?!['’](?![sS]\\b)))`, 'g');

// Class bits per code point; every class above lies below U+0370, so the table ends there.
const IS_UP = 1;
const IS_LOW = 2;
const IS_LETTER = 4;
const TABLE_END = 0x370;
const CLASS = ((): Uint8Array => {
  const t = new Uint8Array(TABLE_END);
  const up = new RegExp(`^[${UP}]$`);
  const low = new RegExp(`^[${LOW}]$`);
  const letter = new RegExp(`^[${LETTER}]$`);
  for (let c = 0; c < TABLE_END; c++) {
    const ch = String.fromCharCode(c);
    t[c] = (up.test(ch) ? IS_UP : 0) | (low.test(ch) ? IS_LOW : 0) | (letter.test(ch) ? IS_LETTER : 0);
  }
  return t;
})();

/** Class bits of the character at `i` (0 past either end of the text). */
function cls(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < TABLE_END ? (CLASS[c] ?? 0) : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Greedy LOW{1,max} from `i`: the end, or `i` when not even one. */
function lowRun(text: string, i: number, max: number): number {
  let j = i;
  while (j - i < max && (cls(text, j) & IS_LOW) !== 0) j++;
  return j;
}

/** Length of the token match at `p` (text[p] is UP), 0 when the pattern does not match there. */
function matchAt(text: string, p: number): number {
  const prev = text.charCodeAt(p - 1);
  if (p > 0 && ((cls(text, p - 1) & IS_LETTER) !== 0 || isDigit(prev) || isApostrophe(prev))) return 0;
  const q = lowRun(text, p + 1, 24);
  if (q > p + 1) {
    // The optional tail: ['’-]? [UP] [LOW]{1,24}.
    let r = q;
    const c = text.charCodeAt(r);
    if ((isApostrophe(c) || c === 45) && (cls(text, r + 1) & IS_UP) !== 0 && (cls(text, r + 2) & IS_LOW) !== 0) r++;
    if ((cls(text, r) & IS_UP) !== 0) {
      const e = lowRun(text, r + 1, 24);
      if (e > r + 1) return e - p;
    }
    return q - p;
  }
  const next = text.charCodeAt(p + 1);
  if (isApostrophe(next) && (cls(text, p + 2) & IS_UP) !== 0) {
    const e = lowRun(text, p + 3, 24);
    if (e > p + 3) return e - p;
  }
  if (next === 46) {
    if ((cls(text, p + 2) & IS_LETTER) === 0) return 2;
  }
  if ((cls(text, p + 1) & IS_LETTER) !== 0 || isDigit(next) || next === 46 || next === 45) return 0;
  if (isApostrophe(next)) {
    const s = text.charCodeAt(p + 2);
    const possessive = (s === 115 || s === 83) && !isWordChar(text.charCodeAt(p + 3));
    if (!possessive) return 0;
  }
  return 1;
}

/** Calls `each(start, end)` for every token, in order (the pattern's global matches). */
export function forEachToken(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c >= TABLE_END || ((CLASS[c] ?? 0) & IS_UP) === 0) {
      p++;
      continue;
    }
    const len = matchAt(text, p);
    if (len === 0) {
      p++;
      continue;
    }
    each(p, p + len);
    p += len;
  }
}
