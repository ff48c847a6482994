/**
 * Whether a token's digits and @/$ are leetspeak ("1gn0r3", "p@$$w0rd", "4ll") rather than part
 * of a name or a quantity ("base64", "sha256", "COVID19", "10mg", "3rd", "B12"). Only the
 * folded form uses this, but a clinical token misread as leet would hide a real phrase there.
 */

const isDigitish = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24;

/** Units and ordinals written straight after a number. */
const NUMBER_SUFFIXES: ReadonlySet<string> = new Set([
  'mg', 'mcg', 'ug', 'g', 'kg', 'ml', 'l', 'dl', 'mmol', 'mol', 'meq', 'iu', 'u', 'mu', 'ng', 'pg',
  'h', 'hr', 'hrs', 'min', 'mins', 's', 'sec', 'd', 'wk', 'wks', 'mo', 'y', 'yo', 'yr', 'yrs',
  'am', 'pm', 'st', 'nd', 'rd', 'th', 'x', 'mmhg', 'cm', 'mm', 'm', 'km', 'kcal', 'cal', 'bpm',
  'f', 'c', 'k', 'kb', 'mb', 'gb', 'tb', 'px', 'pt', 'ms', 'hz', 'khz', 'mhz', 'ghz', 'fr', 'gy',
]);

/** `letters` counts the token's non-digit characters; [start, end) is the token in `text`. */
export function isLeetToken(text: string, start: number, end: number, letters: number): boolean {
  if (letters < 2 || letters === end - start) return false;
  let first = -1;
  let last = -1;
  for (let p = start; p < end; p++) {
    if (isDigitish(text.charCodeAt(p))) continue;
    if (first < 0) first = p;
    last = p;
  }
  for (let p = first + 1; p < last; p++) if (isDigitish(text.charCodeAt(p))) return true;
  const leading = first > start;
  const trailing = last < end - 1;
  if (trailing && !leading) return false;
  if (leading && !trailing) return !NUMBER_SUFFIXES.has(text.slice(first, end).toLowerCase());
  return true;
}
