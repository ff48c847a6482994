import * as chars from './chars.js';
import type { Derived } from './clean.js';
import * as leet from './leet.js';
import { composeMaps, TextBuilder, unitsToString, type OffsetMap } from './offsets.js';

// tsx (tests, benchmarks) compiles each imported function to a getter call; these loops run per
// character, so they call module-local bindings taken once here.
const { F_ALPHA, F_DIACRITIC, F_DIGIT, F_LOWER_MULTI, F_SPACE, F_WORD, charFlags, charFlagTable, flagsFor, flagsForUnits, leetTarget, lowerTable, lowerUnit } = chars;
const { isLeetToken } = leet;

/**
 * The folded form, derived from the clean form: lower case, leetspeak read as letters, letters
 * spaced out one by one re-joined, whitespace runs collapsed. The map points into the clean text.
 */
export function foldText(clean: string): Derived {
  const ascii = lowerAndLeetAscii(clean);
  // ASCII needs only the always-built first block; lower case elsewhere can fall in a block
  // not built yet (Georgian, Cherokee), so the table is checked over the lowered units.
  const lowered = ascii ?? lowerAndLeet(clean, flagsFor(clean));
  const flags = ascii !== null ? charFlagTable() : flagsForUnits(lowered.codes, lowered.length);
  const joined = joinAndCollapse(lowered, flags);
  return { text: joined.text, map: composeMaps(joined.map, lowered.map, lowered.length) };
}

/** Intermediate result kept as units so the second pass needs no string. */
interface Units {
  readonly codes: Uint16Array;
  readonly length: number;
  readonly map: OffsetMap | null;
  /** False when no whitespace run needs collapsing (known for ASCII), so output can skip a pass. */
  readonly collapsible: boolean;
  /** False when no chain of MIN_JOINED_LETTERS spaced-out letters can exist (known for ASCII), so findChains is skipped. */
  readonly mayJoin: boolean;
}

/** ASCII classes for the fast path: 0 separator, 1 letter, 2 digit or leet symbol (@ $). */
const ASCII_TOKEN = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) t[c] = 1;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24) t[c] = 2;
  }
  return t;
})();

/**
 * lowerAndLeet for pure ASCII, the inline common case: one typed-array write per character and
 * no map (ASCII lower-casing and leet folding never change the length). Null for other text.
 */
function lowerAndLeetAscii(text: string): Units | null {
  const n = text.length;
  const codes = new Uint16Array(n);
  let collapsible = false;
  // One-letter tokens one character apart ("i g n o r e"); @ and $ end a word for findChains but
  // not here, so a token holding them keeps the chain search on.
  let singles = 0;
  let lastSingleEnd = -2;
  let mayJoin = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return null;
    if (ASCII_TOKEN[c] === 0) {
      if ((c >= 0x09 && c <= 0x0d) || (c === 0x20 && i > 0 && text.charCodeAt(i - 1) === 0x20)) collapsible = true;
      codes[i++] = c;
      continue;
    }
    let j = i;
    let letters = 0;
    // Lower-cased as read; a token with digits, @ or $ may be leetspeak and is rewritten after.
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 0x80) return null;
      const t = ASCII_TOKEN[d];
      if (t === 0) break;
      if (t === 1) {
        letters++;
        codes[j] = d | 0x20;
      } else {
        if (d === 0x40 || d === 0x24) mayJoin = true;
        codes[j] = d;
      }
      j++;
    }
    if (letters === 1 && j === i + 1) {
      singles = i === lastSingleEnd + 1 ? singles + 1 : 1;
      lastSingleEnd = j;
      if (singles >= MIN_JOINED_LETTERS) mayJoin = true;
    }
    if (letters !== j - i && isLeetToken(text, i, j, letters)) {
      for (let p = i; p < j; p++) {
        const leet = leetTarget(text.charCodeAt(p));
        if (leet !== 0) codes[p] = leet;
      }
    }
    i = j;
  }
  return { codes, length: n, map: null, collapsible, mayJoin };
}

/** Leet digits/symbols are only read as letters in tokens isLeetToken accepts, so "5 mg", "120/80" and "base64" stay as written. */
function lowerAndLeet(text: string, fl: Uint8Array): Units {
  const n = text.length;
  const b = new TextBuilder(n + 16);
  const lower = lowerTable();
  const tokenFlags = (c: number): number => (c === 0x40 || c === 0x24 ? F_WORD | F_DIGIT : fl[c] ?? 0);
  // Table reads for the common case; pushLower handles expansions and unbuilt blocks.
  const pushCased = (c: number, f: number, p: number): void => {
    if ((f & F_LOWER_MULTI) === 0) b.push(lower[c] ?? c, p, p + 1);
    else pushLower(b, c, p);
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cf = tokenFlags(c);
    if ((cf & F_WORD) === 0) {
      pushCased(c, cf, i);
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    let diacritics = false;
    while (j < n) {
      const f = tokenFlags(text.charCodeAt(j));
      if ((f & F_WORD) === 0) break;
      if ((f & F_DIGIT) === 0) letters++;
      if ((f & F_DIACRITIC) !== 0) diacritics = true;
      j++;
    }
    const leetWord = isLeetToken(text, i, j, letters);
    const zalgo = diacritics && hasLooseDiacritics(text, i, j, fl);
    let onLetter = false;
    for (let p = i; p < j; p++) {
      const t = text.charCodeAt(p);
      const f = fl[t] ?? 0;
      // Diacritics left uncomposed by NFKC on a Latin/Cyrillic/Greek letter are decoration (Zalgo,
      // strike-through "i̵g̵n̵o̵r̵e̵"); in such a word composed accents go too. Marks of other
      // scripts carry meaning and stay, as do the accents of ordinary words.
      if (onLetter && (f & F_DIACRITIC) !== 0) continue;
      onLetter = (f & F_ALPHA) !== 0;
      if (zalgo && onLetter && t >= 0x80) {
        pushLower(b, baseLetter(t), p);
        continue;
      }
      const leet = leetWord ? leetTarget(t) : 0;
      if (leet !== 0) b.push(leet, p, p + 1);
      else pushCased(t, f, p);
    }
    i = j;
  }
  return { ...b.finishUnits(n), collapsible: true, mayJoin: true };
}

function hasLooseDiacritics(text: string, i: number, j: number, fl: Uint8Array): boolean {
  for (let p = i + 1; p < j; p++) {
    if (((fl[text.charCodeAt(p)] ?? 0) & F_DIACRITIC) !== 0 && ((fl[text.charCodeAt(p - 1)] ?? 0) & F_ALPHA) !== 0) return true;
  }
  return false;
}

/** "á" -> "a": the first unit of the canonical decomposition. */
function baseLetter(c: number): number {
  return String.fromCharCode(c).normalize('NFD').charCodeAt(0);
}

function pushLower(b: TextBuilder, c: number, p: number): void {
  if (c < 0x80) {
    b.push(c >= 0x41 && c <= 0x5a ? c | 0x20 : c, p, p + 1);
    return;
  }
  if ((charFlags(c) & F_LOWER_MULTI) === 0) {
    b.push(lowerUnit(c), p, p + 1);
    return;
  }
  if (c === 0x130) {
    b.push(0x69, p, p + 1); // Turkish dotted capital I: plain i, not i + combining dot
    return;
  }
  const lower = String.fromCharCode(c).toLowerCase();
  for (let u = 0; u < lower.length; u++) b.push(lower.charCodeAt(u), p, p + 1);
}

/** Separators attackers put between single letters ("i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e"). */
function isSpacer(c: number): boolean {
  switch (c) {
    case 0x20: case 0x2e: case 0x2d: case 0x5f: case 0x2a: case 0x2f: case 0x7c: case 0x2b: case 0x2c: case 0x7e: case 0x3a: case 0x3b:
      return true;
    default:
      return false;
  }
}

const MIN_JOINED_LETTERS = 4;

interface Chains {
  readonly start: number[];
  readonly end: number[];
  readonly count: number[];
  readonly sep: number[];
}

/**
 * Chains of single letters, each separated from the next by one and the same separator. Walks
 * word by word, so each character is looked at about once.
 */
function findChains(codes: Uint16Array, n: number, fl: Uint8Array): Chains {
  const chains: Chains = { start: [], end: [], count: [], sep: [] };
  // A one-letter word at q (its left neighbour is known to be a separator).
  const singleAt = (q: number): boolean => q < n && ((fl[codes[q] ?? 0] ?? 0) & F_ALPHA) !== 0
    && (q + 1 === n || ((fl[codes[q + 1] ?? 0] ?? 0) & F_WORD) === 0);
  let p = 0;
  while (p < n) {
    if (((fl[codes[p] ?? 0] ?? 0) & F_WORD) === 0) {
      p++;
      continue;
    }
    if (!singleAt(p)) {
      p++;
      while (p < n && ((fl[codes[p] ?? 0] ?? 0) & F_WORD) !== 0) p++;
      continue;
    }
    const sep = p + 1 < n ? codes[p + 1] ?? -1 : -1;
    let q = p;
    let count = 1;
    if (isSpacer(sep)) {
      while (q + 2 < n && codes[q + 1] === sep && singleAt(q + 2)) {
        q += 2;
        count++;
      }
    }
    if (count >= 2) {
      chains.start.push(p);
      chains.end.push(q + 1);
      chains.count.push(count);
      chains.sep.push(sep);
    }
    p = q + 1;
  }
  return chains;
}

const NO_CHAINS: Chains = Object.freeze({ start: [], end: [], count: [], sep: [] });

function joinAndCollapse(units: Units, fl: Uint8Array): { text: string; map: OffsetMap | null } {
  const { codes, length: n } = units;
  const isSpace = (c: number): boolean => ((fl[c] ?? 0) & F_SPACE) !== 0;
  const chains = units.mayJoin ? findChains(codes, n, fl) : NO_CHAINS;
  const k = chains.start.length;
  const ok = new Uint8Array(k);
  let joins = 0;
  for (let c = 0; c < k; c++) joins += ok[c] = (chains.count[c] ?? 0) >= MIN_JOINED_LETTERS ? 1 : 0;
  if (joins === 0 && !units.collapsible) return { text: unitsToString(codes, n), map: null };
  // Short chains next to a joined one are words of the same spaced-out phrase ("i g n o r e  a l l").
  const linked = (a: number, b: number): boolean => {
    if (chains.sep[a] !== chains.sep[b]) return false;
    const gs = chains.end[a] ?? 0;
    const ge = chains.start[b] ?? 0;
    if (ge - gs < (chains.sep[a] === 0x20 ? 2 : 1)) return false;
    for (let g = gs; g < ge; g++) if (!isSpace(codes[g] ?? 0)) return false;
    return true;
  };
  for (let c = 1; c < k; c++) if (!ok[c] && ok[c - 1] && linked(c - 1, c)) ok[c] = 1;
  for (let c = k - 2; c >= 0; c--) if (!ok[c] && ok[c + 1] && linked(c, c + 1)) ok[c] = 1;

  const b = new TextBuilder(n + 16);
  let chain = 0;
  let p = 0;
  while (p < n) {
    while (chain < k && (!ok[chain] || (chains.end[chain] ?? 0) <= p)) chain++;
    if (chain < k && chains.start[chain] === p) {
      const end = chains.end[chain] ?? p;
      for (let r = p; r < end; r += 2) b.push(codes[r] ?? 0, r, r + 1);
      p = end;
      continue;
    }
    const c = codes[p] ?? 0;
    if (c === 0x20 ? p + 1 < n && isSpace(codes[p + 1] ?? 0) : isSpace(c)) {
      let q = p + 1;
      while (q < n && isSpace(codes[q] ?? 0)) q++;
      b.push(0x20, p, q);
      p = q;
      continue;
    }
    b.push(c, p, p + 1);
    p++;
  }
  return b.finish(n);
}
