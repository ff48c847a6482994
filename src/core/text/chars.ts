import { PATTERNS } from './patterns.js';

/**
 * Character classes used by normalisation, decoding and the obfuscation detector. They run per
 * character on every request: range checks, and a flag table that Unicode property regexes fill
 * once per 256-code-point block, never per character per request.
 */

/** Zero-width characters attackers hide inside words to split trigger phrases. */
export function isZeroWidth(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff || cp === 0x00ad || cp === 0x180e;
}

/** Bidi override, embedding and isolate controls (the characters behind "Trojan Source"). */
export function isBidiOverride(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** All bidi formatting characters, including the marks that legitimate RTL text also uses. */
export function isBidiControl(cp: number): boolean {
  return isBidiOverride(cp) || cp === 0x200e || cp === 0x200f || cp === 0x061c;
}

/** Unicode tag characters: invisible, and U+E0020-E007E spell ASCII ("ASCII smuggling"). */
export function isTagChar(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/**
 * Subdivision flag emoji (England, Scotland, Wales) are U+1F3F4, a few tag letters and U+E007F
 * CANCEL TAG: the one legitimate use of tag characters. [start, end) is the run of tag units.
 */
export function isFlagTagSequence(text: string, start: number, end: number): boolean {
  if (start < 2 || text.charCodeAt(start - 2) !== 0xd83c || text.charCodeAt(start - 1) !== 0xdff4) return false;
  if (end - start > 16 || text.charCodeAt(end - 1) !== 0xdc7f) return false;
  for (let p = start + 1; p < end - 2; p += 2) {
    const t = text.charCodeAt(p) - 0xdc00;
    if (!((t >= 0x61 && t <= 0x7a) || (t >= 0x30 && t <= 0x39))) return false;
  }
  return true;
}

export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Characters the clean form drops. They carry no meaning for a reader of the text. */
export function isRemovable(cp: number): boolean {
  if (cp < 0xad) return false;
  return isZeroWidth(cp) || isBidiControl(cp) || isTagChar(cp) || isVariationSelector(cp)
    || cp === 0x034f || (cp >= 0x206a && cp <= 0x206f);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Latin letters, ASCII and the accented Latin-1/Extended blocks. */
export function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isCyrillicOrGreek(c: number): boolean {
  return (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x52f);
}

/*
 * Per-UTF-16-unit class flags, filled 256 code points at a time on first use, so the Unicode
 * property regex runs once per block ever instead of once per character per request.
 */
export const F_WORD = 1; // letter, combining mark or decimal digit
export const F_ALPHA = 2; // letter of an alphabet attackers space out (Latin, Cyrillic, Greek)
export const F_SPACE = 4;
export const F_DIGIT = 8; // ASCII digit
export const F_LOWER_MULTI = 16; // lower-casing yields more than one unit
export const F_DIACRITIC = 32; // generic combining diacritic (Zalgo and strike-through text stack these)

/** Small capitals and IPA letters that read as Latin letters ("ɪɢɴᴏʀᴇ"); NFKC leaves them alone. */
const SMALL_CAPITALS: ReadonlyArray<readonly [number, string]> = [
  [0x1d00, 'a'], [0x0299, 'b'], [0x1d04, 'c'], [0x1d05, 'd'], [0x1d07, 'e'], [0xa730, 'f'], [0x0262, 'g'],
  [0x029c, 'h'], [0x026a, 'i'], [0x1d0a, 'j'], [0x1d0b, 'k'], [0x029f, 'l'], [0x1d0d, 'm'], [0x0274, 'n'],
  [0x1d0f, 'o'], [0x1d18, 'p'], [0x0280, 'r'], [0xa731, 's'], [0x1d1b, 't'], [0x1d1c, 'u'], [0x1d20, 'v'],
  [0x1d21, 'w'], [0x028f, 'y'], [0x1d22, 'z'],
];

function isDiacritic(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff)
    || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

const FLAGS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const BUILT = new Uint8Array(0x100);
const WORD_RE = PATTERNS.wordChar;
const ALPHA_RE = PATTERNS.letter;

function buildBlock(block: number): void {
  BUILT[block] = 1;
  for (let c = block << 8, end = c + 0x100; c < end; c++) {
    LOWER[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    let f = 0;
    if (WORD_RE.test(ch)) f |= F_WORD;
    if ((isLatinLetter(c) || isCyrillicOrGreek(c)) && ALPHA_RE.test(ch)) f |= F_ALPHA;
    if (isWhitespace(c)) f |= F_SPACE;
    if (c >= 0x30 && c <= 0x39) f |= F_DIGIT;
    if (isDiacritic(c)) f |= F_DIACRITIC;
    const lower = ch.toLowerCase();
    if (lower.length === 1) LOWER[c] = lower.charCodeAt(0);
    else f |= F_LOWER_MULTI;
    FLAGS[c] = f;
  }
  for (const [c, latin] of SMALL_CAPITALS) {
    if (c >>> 8 !== block) continue;
    LOWER[c] = latin.charCodeAt(0);
    FLAGS[c] = (FLAGS[c] ?? 0) & ~F_LOWER_MULTI;
  }
}
buildBlock(0);

/**
 * The flag table with every block `text` uses built, for hot loops that index it directly
 * (a typed-array read instead of a call per character).
 */
export function flagsFor(text: string): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && BUILT[c >>> 8] === 0) buildBlock(c >>> 8);
  }
  return FLAGS;
}

/** The flag table as it is: enough for ASCII, whose block is built at load. */
export function charFlagTable(): Uint8Array {
  return FLAGS;
}

/** The case-fold table behind lowerUnit; valid for the blocks flagsFor has built. */
export function lowerTable(): Uint16Array {
  return LOWER;
}

/** As flagsFor, over the first `n` units of an array. */
export function flagsForUnits(codes: Uint16Array, n: number): Uint8Array {
  for (let i = 0; i < n; i++) {
    const c = codes[i] ?? 0;
    if (c >= 0x80 && BUILT[c >>> 8] === 0) buildBlock(c >>> 8);
  }
  return FLAGS;
}

/** Class flags of a UTF-16 unit; surrogates have none. */
export function charFlags(c: number): number {
  const block = c >>> 8;
  if (BUILT[block] === 0) buildBlock(block);
  return FLAGS[c] ?? 0;
}

/** Single-unit case fold: lower case, small capitals read as their letter (the unit itself when lower-casing would expand it). */
export function lowerUnit(c: number): number {
  const block = c >>> 8;
  if (BUILT[block] === 0) buildBlock(block);
  return LOWER[c] ?? c;
}

/** Letters of the scripts whose words are spaced out letter by letter in attacks. */
export function isAlphabetLetter(c: number): boolean {
  return (charFlags(c) & F_ALPHA) !== 0;
}

/** A word character: letter, combining mark or digit, of any script. */
export function isWordChar(c: number): boolean {
  return (charFlags(c) & F_WORD) !== 0;
}

export function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85;
}

/**
 * Cyrillic and Greek letters that render like a Latin letter. Deliberately narrow: Greek letters
 * with medical meaning in Latin words (μ in "μg", α/β/γ/κ in "α-blocker", "NF-κB") are absent.
 */
const CONFUSABLE_PAIRS: ReadonlyArray<readonly [number, string]> = [
  // Cyrillic lower case
  [0x430, 'a'], [0x435, 'e'], [0x43e, 'o'], [0x440, 'p'], [0x441, 'c'], [0x443, 'y'], [0x445, 'x'],
  [0x456, 'i'], [0x458, 'j'], [0x455, 's'], [0x501, 'd'], [0x4bb, 'h'], [0x51b, 'q'], [0x51d, 'w'],
  [0x4cf, 'l'],
  // Cyrillic upper case
  [0x410, 'A'], [0x412, 'B'], [0x415, 'E'], [0x41a, 'K'], [0x41c, 'M'], [0x41d, 'H'], [0x41e, 'O'],
  [0x420, 'P'], [0x421, 'C'], [0x422, 'T'], [0x423, 'Y'], [0x425, 'X'], [0x406, 'I'], [0x408, 'J'],
  [0x405, 'S'], [0x51a, 'Q'], [0x51c, 'W'], [0x4c0, 'I'],
  // Greek
  [0x391, 'A'], [0x392, 'B'], [0x395, 'E'], [0x396, 'Z'], [0x397, 'H'], [0x399, 'I'], [0x39a, 'K'],
  [0x39c, 'M'], [0x39d, 'N'], [0x39f, 'O'], [0x3a1, 'P'], [0x3a4, 'T'], [0x3a5, 'Y'], [0x3a7, 'X'],
  [0x3bf, 'o'], [0x3c1, 'p'], [0x3bd, 'v'], [0x3b9, 'i'], [0x3c5, 'u'],
];

const CONFUSABLE_BASE = 0x370;
const CONFUSABLE_TABLE = (() => {
  const t = new Uint16Array(0x530 - CONFUSABLE_BASE);
  for (const [cp, latin] of CONFUSABLE_PAIRS) t[cp - CONFUSABLE_BASE] = latin.charCodeAt(0);
  return t;
})();

/** The Latin letter a Cyrillic/Greek look-alike folds to, or 0. */
export function confusableTarget(c: number): number {
  if (c < CONFUSABLE_BASE || c >= 0x530) return 0;
  return CONFUSABLE_TABLE[c - CONFUSABLE_BASE] ?? 0;
}

/** Digits and symbols read as letters in leetspeak. */
export function leetTarget(c: number): number {
  switch (c) {
    case 0x30: return 0x6f; // 0 -> o
    case 0x31: return 0x69; // 1 -> i
    case 0x33: return 0x65; // 3 -> e
    case 0x34: return 0x61; // 4 -> a
    case 0x35: return 0x73; // 5 -> s
    case 0x37: return 0x74; // 7 -> t
    case 0x40: return 0x61; // @ -> a
    case 0x24: return 0x73; // $ -> s
    default: return 0;
  }
}
