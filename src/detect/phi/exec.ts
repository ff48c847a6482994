/**
 * Global-pattern loops without String.prototype.matchAll, which clones its pattern on every call
 * (reading each flag getter, building a new RegExp): about 1-2 µs per pass, a fifth of a 1 KB scan
 * over ~60 passes. Used as `for (let m = firstMatch(RE, text); m; m = nextMatch(RE, text, m))`,
 * only for module patterns that nothing else uses, so lastIndex is 0 whenever a loop starts (the
 * value matchAll's clone would copy) and the matches are exactly matchAll's.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** The next match; after an empty one, steps past it as matchAll does (by code point with /u). */
export function nextMatch(re: RegExp, text: string, m: RegExpExecArray): RegExpExecArray | null {
  if (m[0].length === 0) {
    const i = re.lastIndex;
    const c = text.charCodeAt(i);
    const pair = re.unicode && c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    re.lastIndex = i + (pair ? 2 : 1);
  }
  return re.exec(text);
}
