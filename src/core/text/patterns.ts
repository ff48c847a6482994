/**
 * Every regular expression the decoders use, in one place so one test can run them all over
 * hostile input. Each is linear-time: a single character class under a greedy quantifier with
 * nothing after it to backtrack into, or fixed-width repetitions that cannot overlap.
 */
export const PATTERNS = Object.freeze({
  /** Runs of the base64 alphabet (standard and URL-safe) with optional padding. */
  base64Run: /[A-Za-z0-9+/_-]{16,}={0,2}/g,
  base32Upper: /[A-Z2-7]{16,}={0,6}/g,
  base32Lower: /[a-z2-7]{16,}={0,6}/g,
  hexRun: /[0-9A-Fa-f]{16,}/g,
  hexEscaped: /(?:\\x[0-9A-Fa-f]{2}){8,}/g,
  hexPrefixed: /(?:0x[0-9A-Fa-f]{2}[ ,]?){8,}/g,
  hexPairs: /[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2}){7,}/g,
  percentEscape: /%[0-9A-Fa-f]{2}/g,
  htmlEntity: /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});/g,
  qpEscape: /=[0-9A-F]{2}/g,
  qpSoftBreak: /=\r?\n/g,
  tagRun: /(?:\uDB40[\uDC00-\uDC7F])+/g,
  rot13Cue: /\brot[-_ ]?13\b/i,
  /** ROT13 of frequent English trigrams ("the", "and", "ing", "you", "all", "ion", "ous"): a cheap gate before scoring words. */
  rot13Hint: /gur|naq|vat|lbh|nyy|vba|bhf/gi,
  asciiWord: /[A-Za-z]+/g,
  whitespace: /\s+/,
});

export type PatternName = keyof typeof PATTERNS;

/** A fresh copy, so callers never share `lastIndex` state across (re-entrant) uses. */
export function pattern(name: PatternName): RegExp {
  const p = PATTERNS[name];
  return new RegExp(p.source, p.flags);
}
