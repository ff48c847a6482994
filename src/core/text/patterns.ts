/**
 * Every regular expression the decoders use, in one place so one test can run them all over
 * hostile input. Each is linear-time: fixed-width repetitions that cannot overlap, or a single
 * class under a greedy quantifier with nothing after it to backtrack into. Global patterns are
 * only used through matchAll (which copies them), never exec/test, so they hold no state.
 * Alphabet runs (base64, base32, hex) are found by table scans in codecs/runs.ts instead.
 */
export const PATTERNS = Object.freeze({
  hexEscaped: /(?:\\x[0-9A-Fa-f]{2}){8,}/g,
  hexPrefixed: /(?:0x[0-9A-Fa-f]{2}[ ,]?){8,}/g,
  hexPairs: /[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2}){7,}/g,
  percentEscape: /%[0-9A-Fa-f]{2}/g,
  htmlEntity: /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});/g,
  qpEscape: /=[0-9A-F]{2}/g,
  qpSoftBreak: /=\r?\n/g,
  tagRun: /(?:\uDB40[\uDC00-\uDC7F])+/g,
  rot13Cue: /\brot[-_ ]?13\b/i,
  asciiWord: /[A-Za-z]+/g,
  /** Single-character class tests, run once per 256-code-point block (chars.ts) or per character (clean.ts). */
  wordChar: /^[\p{L}\p{M}\p{Nd}]$/u,
  letter: /^\p{L}$/u,
  mark: /^\p{M}$/u,
  whitespace: /\s+/,
});

export type PatternName = keyof typeof PATTERNS;

/** A fresh copy, so callers never share `lastIndex` state across (re-entrant) uses. */
export function pattern(name: PatternName): RegExp {
  const p = PATTERNS[name];
  return new RegExp(p.source, p.flags);
}
